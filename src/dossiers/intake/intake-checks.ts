import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { checkEnterpriseNumber } from '../../rules/identifiers/enterprise-number.ts';
import { assess, type Category, freeMovementGroupOf } from '../../rules/index.ts';
import { FORMATTERS } from '../../rules/messages/format.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { missingDocumentTypes } from '../documents/required-documents.ts';
import { checkAnswer } from './answer-checks.ts';

/**
 * What intake refuses before a dossier is submitted, so that no submission turns out inadmissible
 * or pointless for a reason the employer could have been told: a worker who needs no work
 * authorisation (Belgian, EU, EEA, Swiss: the rules' WORK_AUTHORISATION_NOT_REQUIRED) and a
 * document the law requires for this application (admissibility, BVR 7 Dec 2018, art. 40–68).
 * Pure: the caller gathers the uploaded document types.
 */

export const NATIONALITY_PATH = 'application.worker.nationality';

interface ApplicationLike {
  applicationDate?: unknown;
  worker?: { nationality?: unknown };
}

/** The nationality answer, refused when that worker needs no work authorisation on the filing date. */
export function nationalityErrors(application: unknown, today: string, lang: Lang): FieldError[] {
  const app = (application ?? {}) as ApplicationLike;
  const nationality = app.worker?.nationality;
  if (typeof nationality !== 'string' || !/^[A-Z]{2}$/.test(nationality)) return [];
  const date = typeof app.applicationDate === 'string' ? app.applicationDate : today;
  const group = freeMovementGroupOf(nationality, date);
  if (group === null) return [];
  const key = group === 'BELGIAN' ? 'BELGIAN' : 'FREE_MOVEMENT';
  return [
    {
      path: NATIONALITY_PATH,
      rule: 'workAuthorisationNotRequired',
      message: translate(lang, `validation.workAuthorisationNotRequired.${key}`, {
        country: FORMATTERS[lang].country(nationality),
      }),
    },
  ];
}

export const ENTERPRISE_NUMBER_PATH = 'application.employer.enterpriseNumber';

const ENTERPRISE_NUMBER_PROBLEMS = {
  FORMAT: 'format',
  CHECK_DIGITS: 'checkDigits',
  ESTABLISHMENT_UNIT_NUMBER: 'establishmentUnit',
  NOT_ESTABLISHMENT_UNIT: 'format',
} as const;

/**
 * What is wrong with a KBO enterprise number as typed (KB 23 Jun 2003: ten digits, the last two
 * 97 − the first eight mod 97), said beside the field: a typing error is not a question of access.
 */
export function enterpriseNumberErrors(
  value: unknown,
  lang: Lang,
  path = ENTERPRISE_NUMBER_PATH,
): FieldError[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  const check = checkEnterpriseNumber(value);
  if (check.ok) return [];
  const problem = ENTERPRISE_NUMBER_PROBLEMS[check.problem];
  return [
    {
      path,
      rule: `enterpriseNumber.${problem}`,
      message: translate(lang, `validation.enterpriseNumber.${problem}`),
    },
  ];
}

/**
 * The procedure the application leads to (a single permit also needs the residence documents), or
 * null while the answers do not yet form an application the rules can assess.
 */
export function procedureTypeOf(application: unknown): 'SINGLE_PERMIT' | 'WORK_CARD' | null {
  try {
    return assess(application).procedure.type;
  } catch {
    return null;
  }
}

/** One error per required document not uploaded, named in the user's language. */
export function missingDocumentErrors(
  category: Category,
  application: unknown,
  uploadedTypes: readonly string[],
  lang: Lang,
): FieldError[] {
  return missingDocumentTypes(category, procedureTypeOf(application), uploadedTypes).map((type) => ({
    path: `documents.${type}`,
    rule: 'requiredDocument',
    message: translate(lang, 'validation.document.missing', {
      document: translate(lang, `documentTypes.${type}`),
    }),
  }));
}

/**
 * The answers among `questions` that a check of answer-checks.ts refuses (an invalid INSZ), the
 * same check the form runs in the browser as the field is left. Its warnings are the form's to say.
 */
export function answerCheckErrors(
  questions: readonly { path: string }[],
  readAnswer: (path: string) => unknown,
  application: unknown,
  today: string,
  lang: Lang,
): FieldError[] {
  const filed = (application as ApplicationLike | null)?.applicationDate;
  const applicationDate = typeof filed === 'string' ? filed : today;
  return questions.flatMap(({ path }): FieldError[] => {
    const problem = checkAnswer(path, readAnswer(path), applicationDate);
    return problem?.isError
      ? [{ path, rule: problem.rule, message: translate(lang, `validation.${problem.rule}`) }]
      : [];
  });
}
