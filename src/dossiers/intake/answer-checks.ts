import type { CompetentAuthority } from '../../rules/contract.ts';
import { isIsoDate } from '../../rules/dates/iso-date.ts';
import { checkInsz } from '../../rules/identifiers/insz.ts';
import { locatePostalCode } from '../../rules/regions/postal-code-region.ts';

/**
 * What one answer of the application form gets wrong, said on the step where it is given rather
 * than at review. Pure, with no catalogue: the server (step save, src/dossiers/intake/intake.ts)
 * and the form in the browser (web/src/pages/employer/step-page.tsx) call the same function and
 * each says the rule in the user's language from its own catalogue.
 *
 * - An INSZ that fails its check (law 15 Jan 1990, art. 8; the rules' INVALID_INSZ): an error,
 *   the answer is not saved.
 * - A workplace outside the Flemish Region (the rules' NOT_COMPETENT_REGION, special law 8 Aug
 *   1980, art. 6 §1 IX 3°): a warning, since the answer may be right and the application is then
 *   for another region's service.
 * - A first start date before the application date: a warning, since no one may work before the
 *   authorisation is granted (law 30 Apr 1999, art. 4).
 */

export const INSZ_PATH = 'application.worker.insz';
export const WORKPLACE_PATH = 'application.job.workplacePostalCode';
export const START_DATE_PATH = 'application.job.startDate';

export type AnswerProblem =
  | { path: typeof INSZ_PATH; rule: 'insz.format' | 'insz.date' | 'insz.checkDigits'; isError: true }
  | {
      path: typeof WORKPLACE_PATH;
      rule: 'workplace.notFlanders';
      isError: false;
      authority: Exclude<CompetentAuthority, 'FLANDERS'>;
    }
  | { path: typeof START_DATE_PATH; rule: 'startDate.past'; isError: false };

const INSZ_RULES = { FORMAT: 'insz.format', DATE: 'insz.date', CHECK_DIGITS: 'insz.checkDigits' } as const;

/** The paths `checkAnswer` knows: a form checks these as they are left. */
export const CHECKED_PATHS: readonly string[] = [INSZ_PATH, WORKPLACE_PATH, START_DATE_PATH];

/**
 * The problem of `value` as the answer at `path`, or null. `applicationDate` is the filing date
 * (today for a draft). An empty or ill-formed answer is the schema's to answer, not this check's.
 */
export function checkAnswer(path: string, value: unknown, applicationDate: string): AnswerProblem | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  switch (path) {
    case INSZ_PATH: {
      const check = checkInsz(value);
      return check.ok ? null : { path, rule: INSZ_RULES[check.problem], isError: true };
    }
    case WORKPLACE_PATH: {
      const location = /^\d{4}$/.test(value.trim()) ? locatePostalCode(value.trim()) : null;
      if (!location || location.authority === 'FLANDERS') return null;
      return { path, rule: 'workplace.notFlanders', isError: false, authority: location.authority };
    }
    case START_DATE_PATH:
      return isIsoDate(value) && isIsoDate(applicationDate) && value < applicationDate
        ? { path, rule: 'startDate.past', isError: false }
        : null;
    default:
      return null;
  }
}

/** Every problem among `answers` (path → value). */
export function checkAnswers(answers: Readonly<Record<string, unknown>>, applicationDate: string) {
  return CHECKED_PATHS.map((path) => checkAnswer(path, answers[path], applicationDate)).filter(
    (problem): problem is AnswerProblem => problem !== null,
  );
}
