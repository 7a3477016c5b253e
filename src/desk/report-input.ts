import { randomInt } from 'node:crypto';
import { checkEnterpriseNumber } from '../rules/identifiers/enterprise-number.ts';
import type { FieldError } from '../validation/field-errors.ts';

/**
 * What a report may say happened: the desk's information topics (pay, working time, housing,
 * changing employer, the permit) plus the signs of exploitation the policy note names (§2.8).
 */
export const REPORT_CATEGORIES = [
  'UNPAID_WAGES',
  'WORKING_TIME',
  'HOUSING',
  'DOCUMENTS_TAKEN',
  'OTHER_WORK_THAN_PERMITTED',
  'RECRUITMENT_FEES',
  'THREATS_OR_VIOLENCE',
  'OTHER',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORTER_ROLES = ['WORKER', 'COLLEAGUE', 'EMPLOYER', 'OTHER'] as const;

export const TRIAGE_OUTCOMES = ['ADMISSIBLE', 'NOT_ADMISSIBLE', 'FORWARDED'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

// No 0/O or 1/I to misread when the reporter copies the codes by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomText = (length: number) =>
  Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** The report's public reference, e.g. `M-7KQ2ZP4X` (40 bits: quoted, never a secret). */
export const newReference = () => `M-${randomText(8)}`;

/** The follow-up code: 16 characters, 80 bits, shown once and stored only as a hash. */
export const newFollowUpCode = () => randomText(16);

/** The code as typed: spaces, dashes and case do not matter. */
export const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/**
 * The enterprise number as the KBO writes it, when one was given; an invalid one is a field error
 * (a reporter who mistypes it is told, rather than the inspector getting a number that is nobody's).
 */
export function reportedEnterprise(
  given: string | undefined | null,
  message: (problem: string) => string,
): { digits: string | null; errors: FieldError[] } {
  if (given === undefined || given === null || given.trim() === '') return { digits: null, errors: [] };
  const check = checkEnterpriseNumber(given.trim());
  if (check.ok) return { digits: check.digits, errors: [] };
  return {
    digits: null,
    errors: [{ path: 'enterpriseNumber', rule: check.problem, message: message(check.problem) }],
  };
}
