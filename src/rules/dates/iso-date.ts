/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) without `Date`: the engine never reads the clock
 * and must stay fast, so dates are plain strings compared lexicographically and converted to day
 * numbers (days since 1970-01-01) only where a distance is needed.
 */

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

function areDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * True for a real calendar date written as `YYYY-MM-DD` (RFC 3339 full-date). Character checks
 * instead of a regular expression: this runs for every date of every application validated.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  if (!areDigits(value, 0, 4) || !areDigits(value, 5, 7) || !areDigits(value, 8, 10)) return false;
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(digits(value, 0, 4), month);
}

/** Days since 1970-01-01 (H. Hinnant's days-from-civil); the input must be a valid ISO date. */
export function toDayNumber(iso: string): number {
  let year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  year -= month <= 2 ? 1 : 0;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The ISO date of a day number (inverse of `toDayNumber`). */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes that month's last
 * day (31 January + 1 month = 28/29 February), the usual reading of "n months" in Belgian law.
 */
export function addMonths(iso: string, months: number): string {
  const total = digits(iso, 0, 4) * 12 + (digits(iso, 5, 7) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(digits(iso, 8, 10), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days from `from` to `to`, both included (a one-day contract lasts 1 day). */
export function daysInclusive(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from) + 1;
}

/** Age in whole years on `date`; someone born on 29 February turns a year older on 1 March. */
export function ageOn(birthDate: string, date: string): number {
  const years = digits(date, 0, 4) - digits(birthDate, 0, 4);
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The first day on which someone born on `birthDate` is `years` old. */
export function birthdayOfAge(birthDate: string, years: number): string {
  const year = digits(birthDate, 0, 4) + years;
  const month = digits(birthDate, 5, 7);
  const day = digits(birthDate, 8, 10);
  if (day <= daysInMonth(year, month)) return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return `${pad(year, 4)}-03-01`;
}

/** Whole calendar months from `from` up to and including `to` (1 Jan – 31 Dec = 12). */
export function wholeMonthsInclusive(from: string, to: string): number {
  const dayAfter = addDays(to, 1);
  let months =
    (digits(dayAfter, 0, 4) - digits(from, 0, 4)) * 12 + digits(dayAfter, 5, 7) - digits(from, 5, 7);
  if (addMonths(from, months) > dayAfter) months -= 1;
  return months;
}

/** `dd/mm/yyyy`, the way Belgian forms write dates in all three languages. */
export function formatBelgianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
