import type { Lang } from '../i18n/languages.ts';
import { type Application, RulesError, validateApplication } from '../rules/index.ts';
import { type FieldError, toFieldErrors } from '../validation/field-errors.ts';

/** Turning text into an application, with errors that name every offending field. */

export interface InputError {
  code: string;
  message: string;
  fields?: FieldError[];
}

export type ReadResult = { ok: true; application: Application } | { ok: false; error: InputError };

export function readApplication(text: string, lang: Lang): ReadResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'LOKET_INVALID_JSON', message: `not valid JSON: ${(error as Error).message}` },
    };
  }
  const result = validateApplication(input);
  if (result.ok) return { ok: true, application: result.value };
  const fields = toFieldErrors(result.errors, lang);
  return {
    ok: false,
    error: { code: 'LOKET_APPLICATION_INVALID', message: `${fields.length} invalid field(s)`, fields },
  };
}

/** A rules error (date out of range, no rule in force, bad option) as an input error; others rethrown. */
export function toInputError(error: unknown): InputError {
  if (error instanceof RulesError) {
    const field = (error as { field?: unknown }).field;
    return typeof field === 'string'
      ? {
          code: error.code,
          message: error.message,
          fields: [{ path: field, rule: error.code, message: error.message }],
        }
      : { code: error.code, message: error.message };
  }
  throw error;
}

/** Human-readable lines for stderr: one per offending field. */
export function describeInputError(error: InputError, origin: string): string {
  if (!error.fields || error.fields.length === 0) return `${origin}: ${error.message}\n`;
  const lines = error.fields.map((f) => `  ${f.path || '(application)'}: ${f.message} [${f.rule}]`);
  return `${origin}: ${error.fields.length === 1 ? 'invalid field' : `${error.fields.length} invalid fields`}\n${lines.join('\n')}\n`;
}
