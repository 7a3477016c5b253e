/**
 * Numbers as the reader's language writes them in Belgium: the server's own formatter
 * (src/i18n/number-format.ts), so a page's amounts read the same as the reasons, letters and
 * e-mails the server writes (nl "€ 62.000,50", fr "62 000,50 €", en "€62,000.50").
 */
export { formatMoney, formatNumber, formatPercent } from '../../src/i18n/number-format.ts';

/** An enterprise number as the KBO writes it (0403.170.701); anything but ten digits as it came. */
export const formatKbo = (value: string) =>
  /^\d{10}$/.test(value) ? `${value.slice(0, 4)}.${value.slice(4, 7)}.${value.slice(7)}` : value;

/** A register request's id by its first characters (the whole id stays available as a title). */
export const shortRequestId = (id: string) => (id.length > 8 ? `${id.slice(0, 8)}…` : id);

/** An INSZ as the national register writes it (78.03.18-831.94); anything but eleven digits as it came. */
export const formatInsz = (value: string) =>
  /^\d{11}$/.test(value)
    ? `${value.slice(0, 2)}.${value.slice(2, 4)}.${value.slice(4, 6)}-${value.slice(6, 9)}.${value.slice(9)}`
    : value;
