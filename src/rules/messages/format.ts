import type { Lang } from '../../i18n/languages.ts';
import { formatMoney, formatNumber, formatPercent } from '../../i18n/number-format.ts';
import { formatBelgianDate } from '../dates/iso-date.ts';

/**
 * Number and date formatting for messages. Amounts, numbers and shares are written by the one
 * formatter of each language that the web app's pages use too (src/i18n/number-format.ts: nl
 * "€ 48.912,00", fr "48 912,00 €", en "€48,912.00"), so a reason reads like the page around it.
 * Formatted amounts are memoised because the same thresholds recur in every assessment.
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
  const regions = new Intl.DisplayNames([lang === 'en' ? 'en-GB' : `${lang}-BE`], { type: 'region' });
  return {
    amount: memoise((value) => formatMoney(lang, value)),
    number: memoise((value) => formatNumber(lang, value)),
    // Rounded to a tenth of a percent, as the rules compare shares.
    percent: memoise((share) => formatPercent(lang, Math.round(share * 1000) / 1000)),
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
