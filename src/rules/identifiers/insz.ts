import { mod97Check } from './mod97.ts';

/**
 * INSZ (art. 8 law of 15 Jan 1990): a national-register number or a BIS number, 11 digits
 * `YYMMDD SSS CC`. CC = 97 − (first 9 digits mod 97); for births from 2000 the 9 digits are
 * prefixed with `2`. The century is not in the number, so both rules are tried. BIS numbers add
 * 20 (sex unknown) or 40 (sex known) to the month. Month or day 00 means "unknown".
 */

export type InszProblem = 'FORMAT' | 'DATE' | 'CHECK_DIGITS';
export type InszCheck =
  | { ok: true; digits: string; isBis: boolean; century: 1900 | 2000 }
  | { ok: false; problem: InszProblem };

const SEPARATORS = /[.\-\s]/g;
const ELEVEN_DIGITS = /^\d{11}$/;

export function checkInsz(input: string): InszCheck {
  const digits = input.replace(SEPARATORS, '');
  if (!ELEVEN_DIGITS.test(digits)) return { ok: false, problem: 'FORMAT' };
  const rawMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const isBis = rawMonth >= 20;
  const month = rawMonth >= 40 ? rawMonth - 40 : rawMonth >= 20 ? rawMonth - 20 : rawMonth;
  if (month > 12 || day > 31) return { ok: false, problem: 'DATE' };
  const base = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  if (mod97Check(base) === check) return { ok: true, digits, isBis, century: 1900 };
  if (mod97Check(`2${base}`) === check) return { ok: true, digits, isBis, century: 2000 };
  return { ok: false, problem: 'CHECK_DIGITS' };
}

export function isValidInsz(input: string): boolean {
  return checkInsz(input).ok;
}

/** The check digits for 9 leading digits, under the pre-2000 or the 2000+ rule. */
export function inszCheckDigits(firstNine: string, bornFrom2000: boolean): string {
  return String(mod97Check(bornFrom2000 ? `2${firstNine}` : firstNine)).padStart(2, '0');
}
