import Type from 'typebox';
import { isValidEnterpriseNumber, isValidInsz } from '../rules/index.ts';
import { SourceRequestError } from './source-errors.ts';
import type { SourceName } from './source-result.ts';

/** Building blocks of the register answers' schemas, and the identifier checks done before any call. */

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const NullableIsoDate = Type.Union([IsoDate, Type.Null()]);
export const EnterpriseNumber = Type.String({
  pattern: '^[01]\\d{9}$',
  description: 'KBO number, digits only',
});
export const Insz = Type.String({
  pattern: '^\\d{11}$',
  description: 'INSZ (national or BIS number), digits only',
});
export const PostalCode = Type.String({ pattern: '^[1-9]\\d{3}$' });
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
export const IscoCode = Type.String({ pattern: '^\\d{4}$', description: 'ISCO-08 unit group' });

export function oneOf<const V extends string[]>(values: readonly [...V]) {
  return Type.Enum<V>(values);
}

const SEPARATORS = /[.\-\s]/g;

/**
 * The enterprise number as the registers index it (ten digits), refusing before any call a number
 * whose check digits fail (KB 23 Jun 2003): the register could only answer "not found", and the
 * case handler should hear "mistyped" instead. The number itself is not in the error: it goes to logs.
 */
export function requireEnterpriseNumber(source: SourceName, input: string): string {
  if (!isValidEnterpriseNumber(input)) throw new SourceRequestError(source, 'not a valid enterprise number');
  return input.replace(SEPARATORS, '');
}

/** The INSZ as eleven digits (art. 8 law of 15 Jan 1990), refused before any call when invalid. */
export function requireInsz(source: SourceName, input: string): string {
  if (!isValidInsz(input)) throw new SourceRequestError(source, 'not a valid INSZ');
  return input.replace(SEPARATORS, '');
}

/** A reference as a single URL path segment, refused when it could not be one. */
export function requireReference(source: SourceName, input: string): string {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(input)) throw new SourceRequestError(source, 'not a valid reference');
  return input;
}
