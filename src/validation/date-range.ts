/**
 * The dates Loket accepts anywhere (birth dates, start dates, permit validity, payments, report
 * periods): 1900-01-01 to 2199-12-31. Outside it a date is a typing error (0001-01-01, 9999-12-31),
 * and the rules' date arithmetic and PostgreSQL's `date` need not cope with it. The TypeBox format
 * `date` checks it (src/rules/schema/date-format.ts), and so does the bank-statement import.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;

/** For an ISO date `YYYY-MM-DD` (checked elsewhere): whether it lies within DATE_RANGE. */
export function isWithinDateRange(isoDate: string): boolean {
  return isoDate >= DATE_RANGE.min && isoDate <= DATE_RANGE.max;
}
