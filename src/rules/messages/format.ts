import type { Lang } from '../../i18n/languages.ts';
import { formatBelgianDate } from '../dates/iso-date.ts';

/**
 * Number and date formatting for messages, the Belgian way: `48 912,00 EUR` in Dutch and French
 * (grouping with the narrow no-break space Intl gives for fr-BE), `EUR 48,912.00` in English.
 * Intl formatters are built once; formatted amounts are memoised because the same thresholds
 * recur in every assessment.
 */
export interface Formatter {
  amount(value: number): string;
  number(value: number): string;
  percent(share: number): string;
  date(iso: string): string;
  list(items: readonly string[]): string;
  /** A country's name from its ISO 3166-1 alpha-2 code (the code itself when unknown). */
  country(code: string): string;
}

const NBSP = '\u00a0';
const MEMO_LIMIT = 5000;

function memoise(format: (value: number) => string): (value: number) => string {
  const memo = new Map<number, string>();
  return (value) => {
    let text = memo.get(value);
    if (text === undefined) {
      text = format(value);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(value, text);
    }
    return text;
  };
}

function createFormatter(lang: Lang): Formatter {
  const locale = lang === 'en' ? 'en-GB' : 'fr-BE';
  const decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const amount =
    lang === 'en'
      ? (value: number) => `EUR${NBSP}${decimals.format(value)}`
      : (value: number) => `${decimals.format(value)}${NBSP}EUR`;
  const percentSign = lang === 'fr' ? `${NBSP}%` : '%';
  const regions = new Intl.DisplayNames([lang === 'en' ? 'en-GB' : `${lang}-BE`], { type: 'region' });
  return {
    amount: memoise(amount),
    number: memoise((value) => plain.format(value)),
    percent: memoise((share) => `${plain.format(Math.round(share * 1000) / 10)}${percentSign}`),
    date: formatBelgianDate,
    list: (items) => items.join(', '),
    country: (code) => regions.of(code) ?? code,
  };
}

export const FORMATTERS: Readonly<Record<Lang, Formatter>> = {
  nl: createFormatter('nl'),
  fr: createFormatter('fr'),
  en: createFormatter('en'),
};
