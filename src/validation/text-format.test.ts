import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import '../rules/schema/date-format.ts';
import { compileValidator } from './compile-validator.ts';
import { findNonText, findUndecodableQuery, isText } from './text-format.ts';

describe('the text format', () => {
  it('accepts any real text, emoji included, and refuses NUL and lone surrogates', () => {
    expect(isText('Zoë Ñúñez 李 🧑‍⚕️')).toBe(true);
    expect(isText('a\u0000b')).toBe(false);
    expect(isText('a\uD800b')).toBe(false);
    expect(isText('\uDC00')).toBe(false);
  });

  it('finds every offending string and property name, with its pointer', () => {
    const found = findNonText({ a: 'ok', b: ['x', 'y\u0000'], c: { 'k\uD800': 1, d: '\uDFFF' } });
    expect(found.map((e) => e.instancePath)).toEqual(['/b/1', '/c/k\uD800', '/c/d']);
    expect(found.every((e) => e.keyword === 'format' && e.params.format === 'text')).toBe(true);
  });

  it('is a TypeBox format, and `date` keeps to 1900–2199', () => {
    const check = compileValidator(
      Type.Object({ name: Type.String({ format: 'text' }), on: Type.String({ format: 'date' }) }),
    );
    expect(check({ name: 'Priya', on: '2026-03-02' }).ok).toBe(true);
    expect(check({ name: 'Pri\u0000ya', on: '2026-03-02' }).ok).toBe(false);
    for (const on of ['0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31'])
      expect(check({ name: 'Priya', on }).ok).toBe(false);
    for (const on of ['1900-01-01', '2199-12-31']) expect(check({ name: 'Priya', on }).ok).toBe(true);
  });
});

describe('query strings that are not UTF-8', () => {
  it('names each parameter whose percent-encoding does not decode, and only those', () => {
    expect(findUndecodableQuery('/api/v1/occupations?q=%ED%A0%80&lang=nl')).toEqual([
      { keyword: 'format', instancePath: '/q', params: { format: 'text' } },
    ]);
    expect(findUndecodableQuery('/x?q=verpleegkundige&lang=nl&name=%C3%A9')).toEqual([]);
    expect(findUndecodableQuery('/x')).toEqual([]);
  });
});
