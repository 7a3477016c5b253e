import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Settings } from 'typebox/system';
import type { SchemaError } from './field-errors.ts';

// Loket reports every offending field, not the first eight (TypeBox's default). The cap stays as
// a guard against pathological input: 200 errors is more than any real form can produce.
Settings.Set({ maxErrors: 200 });

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: SchemaError[] };

/** Compiles a TypeBox schema once into a validator that returns every error at once. */
export function compileValidator<T>(schema: TSchema): (input: unknown) => Validation<T> {
  const validator = Compile(schema);
  return (input) =>
    validator.Check(input)
      ? { ok: true, value: input as T }
      : { ok: false, errors: validator.Errors(input) as SchemaError[] };
}
