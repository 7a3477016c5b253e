import { compileValidator, type Validation } from '../../validation/compile-validator.ts';
import type { SchemaError } from '../../validation/field-errors.ts';
import { type Application, ApplicationSchema } from './application-schema.ts';

/**
 * Schema validation plus the few checks a JSON Schema cannot express (one field against another).
 * Cross-field errors use the ajv shape with `minimum`/`maximum` and the other value as `limit`, so
 * they are localised like every other field error ("must be at least 2026-04-01").
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

/** Errors between fields of a schema-valid application; empty when consistent. */
export function findCrossFieldErrors(app: Application): SchemaError[] {
  const errors: SchemaError[] = [];
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
