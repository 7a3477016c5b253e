import type { Translate } from '../../i18n.ts';

/**
 * A parameter's value as a reader sees it, by its unit: "€ 200", "6 maanden", "ja", "66,7 %".
 * Lists and composed values (the vacancy-publication rule, nationalities) are data codes: the page
 * shows them as code (`kind: 'code'`), not as words of the interface.
 */
export function describeValue(
  value: unknown,
  unit: string,
  t: Translate,
  lang: string,
): { kind: 'text' | 'code'; text: string } {
  if (value === null || value === undefined) return { kind: 'text', text: t('governance.history.noValue') };
  if (typeof value === 'boolean')
    return { kind: 'text', text: value ? t('governance.history.yes') : t('governance.history.no') };
  if (typeof value === 'number') {
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 4 });
    switch (unit) {
      case 'share':
        return {
          kind: 'text',
          text: t('governance.history.unit.share', { value: number.format(value * 100) }),
        };
      case 'months':
      case 'days':
      case 'EUR':
      case 'EUR/year':
      case 'VKS':
      case 'persons':
      case 'permits':
      case 'years':
      case 'factor':
        return { kind: 'text', text: t(`governance.history.unit.${unit}`, { value: number.format(value) }) };
      default:
        return { kind: 'text', text: number.format(value) };
    }
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return { kind: 'code', text: value.join(', ') };
  return { kind: 'code', text: JSON.stringify(value) };
}

/**
 * What an administrator typed as a new value, in the shape the engine expects: a number (a comma
 * as the decimal sign is accepted), a yes/no, or JSON for a list or a composed value. The server
 * checks the shape against the parameter's definition.
 */
export function parseValueInput(input: string, yes: string, no: string): unknown {
  const text = input.trim();
  if (text === '') return undefined;
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === yes.toLowerCase()) return true;
  if (lower === 'false' || lower === no.toLowerCase()) return false;
  if (lower === 'null') return null;
  const number = text.replace(/\s/g, '').replace(',', '.');
  if (/^-?\d+(\.\d+)?$/.test(number)) return Number(number);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The value as the form shows it to start from: the current value, editable. */
export function valueInputOf(value: unknown, yes: string, no: string): string {
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return JSON.stringify(value);
}
