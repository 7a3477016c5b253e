import { mod97Check } from './mod97.ts';

/**
 * KBO/BCE numbers (KB 23 Jun 2003; economie.fgov.be): 10 digits, last two = 97 − (first 8 mod 97).
 * Enterprise numbers start with 0 or 1 (the 1-series since 19 Sep 2023); establishment-unit numbers
 * start with 2–9. Written with or without dots and spaces: `0403.170.701`, `2.147.812.701`.
 */

export type KboProblem = 'FORMAT' | 'CHECK_DIGITS' | 'ESTABLISHMENT_UNIT_NUMBER' | 'NOT_ESTABLISHMENT_UNIT';

export type KboCheck = { ok: true; digits: string } | { ok: false; problem: KboProblem };

const SEPARATORS = /[.\s]/g;
const TEN_DIGITS = /^\d{10}$/;

/** The ten digits of a KBO number written with optional dots/spaces, or null if it is not ten digits. */
export function normaliseKboNumber(input: string): string | null {
  const digits = input.replace(SEPARATORS, '');
  return TEN_DIGITS.test(digits) ? digits : null;
}

function hasValidCheckDigits(digits: string): boolean {
  return mod97Check(digits.slice(0, 8)) === Number(digits.slice(8));
}

export function checkEnterpriseNumber(input: string): KboCheck {
  const digits = normaliseKboNumber(input);
  if (digits === null) return { ok: false, problem: 'FORMAT' };
  const first = digits.charCodeAt(0) - 48;
  if (first > 1) return { ok: false, problem: 'ESTABLISHMENT_UNIT_NUMBER' };
  return hasValidCheckDigits(digits) ? { ok: true, digits } : { ok: false, problem: 'CHECK_DIGITS' };
}

export function checkEstablishmentNumber(input: string): KboCheck {
  const digits = normaliseKboNumber(input);
  if (digits === null) return { ok: false, problem: 'FORMAT' };
  const first = digits.charCodeAt(0) - 48;
  if (first < 2) return { ok: false, problem: 'NOT_ESTABLISHMENT_UNIT' };
  return hasValidCheckDigits(digits) ? { ok: true, digits } : { ok: false, problem: 'CHECK_DIGITS' };
}

export function isValidEnterpriseNumber(input: string): boolean {
  return checkEnterpriseNumber(input).ok;
}

export function isValidEstablishmentNumber(input: string): boolean {
  return checkEstablishmentNumber(input).ok;
}

/** `0403.170.701`, the way the KBO prints an enterprise number. */
export function formatEnterpriseNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}
