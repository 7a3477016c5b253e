import { compileValidator, type Validation } from '../../validation/compile-validator.ts';
import type { SchemaError } from '../../validation/field-errors.ts';
import { FIRST_RULES_DATE } from '../contract.ts';
import { addMonths, ageOn, isIsoDate } from '../dates/iso-date.ts';
import { type Application, ApplicationSchema } from './application-schema.ts';

/**
 * Schema validation plus the few checks a JSON Schema cannot express (one field against another).
 * Cross-field errors use the ajv shape with `minimum`/`maximum` and the other value as `limit`, so
 * they are localised like every other field error ("must be at least 01/04/2026").
 */

const checkSchema = compileValidator<Application>(ApplicationSchema);

/** A rule between two fields, in the ajv shape so it is localised like any other field error. */
function crossFieldError(
  keyword: 'minimum' | 'maximum',
  instancePath: string,
  limit: string | number,
  message: string,
): SchemaError {
  return {
    keyword,
    instancePath,
    schemaPath: '#/crossField',
    params: { comparison: keyword === 'minimum' ? '>=' : '<=', limit },
    message,
  };
}

const atLeast = (path: string, limit: string | number, message: string) =>
  crossFieldError('minimum', path, limit, message);
const atMost = (path: string, limit: number, message: string) =>
  crossFieldError('maximum', path, limit, message);

/**
 * Dates no real application has, read against the filing date: a worker under 15 (the age below
 * which work is forbidden, Wet 16 Mar 1971, art. 6-7) or over 100, a job that started more than a
 * year before a first application (ten for a renewal, whose job goes on) or starts more than two
 * years after it. Typing errors, said on the field, before the rules weigh anything.
 */
export const PLAUSIBLE = {
  minAge: 15,
  maxAge: 100,
  startMonthsBefore: { FIRST: 12, RENEWAL: 120 },
  startMonthsAfter: 24,
} as const;

function plausibility(
  keyword: string,
  instancePath: string,
  params: Record<string, unknown>,
  message: string,
): SchemaError {
  return { keyword, instancePath, schemaPath: '#/plausible', params, message };
}

interface DatedAnswers {
  applicationDate?: unknown;
  kind?: unknown;
  worker?: { birthDate?: unknown } | null;
  job?: { startDate?: unknown } | null;
}

/** Also for a draft not yet complete: whichever of the dates is given (and well-formed) is checked. */
export function findImplausibleDates(answers: DatedAnswers): SchemaError[] {
  const errors: SchemaError[] = [];
  const filed = answers.applicationDate;
  // A filing date before the regime is answered as such (RulesDateOutOfRangeError), not as dates
  // implausible next to it.
  if (!isIsoDate(filed) || filed < FIRST_RULES_DATE) return errors;
  const { minAge, maxAge } = PLAUSIBLE;
  const birthDate = answers.worker?.birthDate;
  const age = isIsoDate(birthDate) ? ageOn(birthDate, filed) : null;
  if (age !== null && age < minAge) {
    const message = `makes the worker younger than ${minAge} on the application date`;
    errors.push(plausibility('plausible.tooYoung', '/worker/birthDate', { years: minAge }, message));
  } else if (age !== null && age > maxAge) {
    const message = `makes the worker older than ${maxAge} on the application date`;
    errors.push(plausibility('plausible.tooOld', '/worker/birthDate', { years: maxAge }, message));
  }
  const start = answers.job?.startDate;
  if (isIsoDate(start) && start >= FIRST_RULES_DATE) {
    const kind = answers.kind === 'RENEWAL' ? 'RENEWAL' : 'FIRST';
    const earliest = addMonths(filed, -PLAUSIBLE.startMonthsBefore[kind]);
    const latest = addMonths(filed, PLAUSIBLE.startMonthsAfter);
    if (start < earliest) {
      const keyword = kind === 'RENEWAL' ? 'plausible.startTooEarlyRenewal' : 'plausible.startTooEarly';
      errors.push(
        plausibility(keyword, '/job/startDate', { limit: earliest }, `must be on or after ${earliest}`),
      );
    } else if (start > latest) {
      const message = `must be on or before ${latest}`;
      errors.push(plausibility('plausible.startTooLate', '/job/startDate', { limit: latest }, message));
    }
  }
  return errors;
}

/** Errors between fields of a schema-valid application; empty when consistent. */
export function findCrossFieldErrors(app: Application): SchemaError[] {
  const errors: SchemaError[] = findImplausibleDates(app);
  const { job, employer } = app;
  const start = job.startDate ?? app.applicationDate;
  if (job.endDate && job.endDate < start) {
    errors.push(atLeast('/job/endDate', start, `must be on or after the start date ${start}`));
  }
  app.labourMarketTest?.publications.forEach((publication, i) => {
    if (publication.to < publication.from) {
      const path = `/labourMarketTest/publications/${i}/to`;
      errors.push(atLeast(path, publication.from, `must be on or after ${publication.from}`));
    }
  });
  const workforce = employer.workforce;
  if (workforce && workforce.nonEuHeadcount > workforce.headcount) {
    const message = `must not exceed the headcount ${workforce.headcount}`;
    errors.push(atMost('/employer/workforce/nonEuHeadcount', workforce.headcount, message));
  }
  const history = employer.permitHistory;
  if (history && history.leftWithin6Months > history.permitsLast24Months) {
    const message = `must not exceed permitsLast24Months ${history.permitsLast24Months}`;
    errors.push(atMost('/employer/permitHistory/leftWithin6Months', history.permitsLast24Months, message));
  }
  return errors;
}

/** `{ ok: true, value }` for a usable application, else every schema and cross-field error at once. */
export function validateApplication(input: unknown): Validation<Application> {
  const result = checkSchema(input);
  if (!result.ok) return result;
  const crossField = findCrossFieldErrors(result.value);
  return crossField.length === 0 ? result : { ok: false, errors: crossField };
}
