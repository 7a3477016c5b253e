/**
 * Numbers as the reader's language writes them in Belgium: one place for money, counts and
 * shares, so "62000.5" never reaches a page (nl "€ 62.000,50", fr "62 000,50 €", en "€62,000.50").
 */
function locale(lang: string): string {
  return `${lang}-BE`;
}

/** Euros with cents, as the letters and the fee invitation write them ("€ 200,00", "€ 62.000,50"). */
export function formatMoney(lang: string, amount: number): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(amount);
}

export function formatNumber(lang: string, value: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(value);
}

/** A share written as a fraction of one (0.8) shown as a percentage ("80%", fr "80 %"). */
export function formatPercent(lang: string, fraction: number): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** An enterprise number as the KBO writes it: 0403.170.701. */
export const formatKbo = (digits: string) => `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
