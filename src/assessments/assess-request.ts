import type { Lang } from '../i18n/languages.ts';
import { translate } from '../i18n/translate.ts';
import {
  ApplicationInvalidError,
  type Assessment,
  assess,
  RuleNotInForceError,
  RulesDateOutOfRangeError,
  RulesOptionError,
} from '../rules/index.ts';
import { type FieldError, toFieldErrors } from '../validation/field-errors.ts';

/** Why an application could not be assessed: every offending field, in the caller's language. */
export class AssessmentInputError extends Error {
  constructor(readonly fields: FieldError[]) {
    super('LOKET_VALIDATION_FAILED');
  }
}

/**
 * The one way the API assesses: the pure rules engine, with its input errors turned into
 * localised field errors (the CLI does the same through src/cli/read-application.ts).
 */
export function assessRequest(input: unknown, options: { at?: string; lang: Lang }): Assessment {
  try {
    return assess(input, options);
  } catch (error) {
    throw new AssessmentInputError(rulesErrorToFields(error, options.lang));
  }
}

export function rulesErrorToFields(error: unknown, lang: Lang): FieldError[] {
  if (error instanceof ApplicationInvalidError) return toFieldErrors(error.errors, lang);
  if (error instanceof RulesDateOutOfRangeError) {
    const path = error.field === 'at' ? 'query.at' : error.field;
    return [
      {
        path,
        rule: error.code,
        message: translate(lang, 'validation.rulesDateOutOfRange', {
          date: error.date,
          firstDate: error.firstDate,
        }),
      },
    ];
  }
  if (error instanceof RuleNotInForceError) {
    return [
      {
        path: error.subject,
        rule: error.code,
        message: translate(lang, 'validation.rulesNotInForce', { date: error.date }),
      },
    ];
  }
  if (error instanceof RulesOptionError) {
    return [
      {
        path: `query.${error.option}`,
        rule: error.code,
        message: translate(lang, 'validation.rulesInvalidOption', { detail: error.message }),
      },
    ];
  }
  throw error;
}
