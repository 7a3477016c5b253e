/**
 * Numbers as the reader's language writes them in Belgium: the server's own formatter
 * (src/i18n/number-format.ts), so a page's amounts read the same as the reasons, letters and
 * e-mails the server writes (nl "€ 62.000,50", fr "62 000,50 €", en "€62,000.50").
 */
export { formatMoney, formatNumber, formatPercent } from '../../src/i18n/number-format.ts';

/** An enterprise number as the KBO writes it: 0403.170.701. */
export const formatKbo = (digits: string) => `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;

/** An INSZ as the national register writes it (78.03.18-831.94); anything but eleven digits as it came. */
export const formatInsz = (value: string) =>
  /^\d{11}$/.test(value)
    ? `${value.slice(0, 2)}.${value.slice(2, 4)}.${value.slice(4, 6)}-${value.slice(6, 9)}.${value.slice(9)}`
    : value;
