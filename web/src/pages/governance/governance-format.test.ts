import { describe, expect, it } from 'vitest';
import { formatKbo } from '../../format.ts';
import { CATALOGUES } from '../../i18n.ts';
import { addDays, diffChoice, errorsByField, fieldKey, formatDay } from './governance-format.ts';
import { describeValue, parseValueInput, valueInputOf } from './parameter-values.ts';

/** The catalogue's text for a key, its placeholders filled: what the page's `t` gives in Dutch. */
const t = ((key: string, params: Record<string, unknown> = {}) => {
  const text = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], CATALOGUES.nl);
  return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}) as Parameters<typeof describeValue>[2];

describe('the governance pages’ helpers', () => {
  it('puts a field error of the schema and of the rules on the same field, its label first', () => {
    expect(fieldKey('body.mandates[1].enterpriseNumber')).toBe('mandates.1.enterpriseNumber');
    expect(fieldKey('body.mandates.1.enterpriseNumber')).toBe('mandates.1.enterpriseNumber');
    const errors = errorsByField(
      [
        { path: 'body.mandates[1].enterpriseNumber', rule: 'pattern', message: 'heeft niet de juiste vorm' },
        { path: 'params.id', rule: 'fourEyes', message: 'u kunt niet beslissen over uw eigen voorstel' },
      ],
      { 'mandates.1.enterpriseNumber': 'Ondernemingsnummer van onderneming 2' },
    );
    expect(errors).toEqual({
      'mandates.1.enterpriseNumber': 'Ondernemingsnummer van onderneming 2 heeft niet de juiste vorm',
      form: 'U kunt niet beslissen over uw eigen voorstel',
    });
  });

  it('writes dates, days and enterprise numbers as a reader expects them', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(formatDay('2027-01-01', 'nl')).toBe('1 jan 2027');
    expect(formatKbo('0203040596')).toBe('0203.040.596');
  });

  it('describes a value by its unit, and codes as codes', () => {
    expect(describeValue(200, 'EUR', t, 'nl')).toEqual({ kind: 'text', text: '€ 200' });
    expect(describeValue(1.2, 'share', t, 'nl')).toEqual({ kind: 'text', text: '120 %' });
    expect(describeValue(true, 'boolean', t, 'nl')).toEqual({ kind: 'text', text: 'ja' });
    expect(describeValue(null, 'VKS', t, 'nl')).toEqual({ kind: 'text', text: 'geen' });
    expect(describeValue(['2221', '5321'], 'list', t, 'nl')).toEqual({ kind: 'code', text: '2221, 5321' });
  });

  it('reads a typed value back into the shape the engine expects', () => {
    expect(parseValueInput('205,5', 'ja', 'nee')).toBe(205.5);
    expect(parseValueInput('ja', 'ja', 'nee')).toBe(true);
    expect(parseValueInput('["2221"]', 'ja', 'nee')).toEqual(['2221']);
    expect(parseValueInput('  ', 'ja', 'nee')).toBeUndefined();
    expect(parseValueInput(valueInputOf(false, 'ja', 'nee'), 'ja', 'nee')).toBe(false);
  });

  it('compares the last two list versions unless the address names two known ones', () => {
    expect(diffChoice('', ['v1', 'v2', 'v3'])).toEqual({ from: 'v2', to: 'v3' });
    expect(diffChoice('?from=v1&to=v3', ['v1', 'v2', 'v3'])).toEqual({ from: 'v1', to: 'v3' });
    expect(diffChoice('?from=v9', ['v1', 'v2'])).toEqual({ from: 'v1', to: 'v2' });
    expect(diffChoice('', ['v1'])).toBeNull();
  });
});
