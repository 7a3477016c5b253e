import Type, { type Static } from 'typebox';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import { CountryCode, Insz, IsoDate, oneOf, requireInsz } from '../schema-parts.ts';
import type { Lookup } from '../source-result.ts';

/**
 * The national register (law of 8 Aug 1983) and, for people not in it, the BIS register kept by
 * the Crossroads Bank for Social Security: one lookup by INSZ (reference.md §7.1). Whether the
 * worker is registered in Belgium matters for the labour-market test (worker not yet on Belgian
 * territory, reference.md §1.4).
 */

export const PersonSchema = Type.Object({
  insz: Insz,
  familyName: Type.String(),
  givenNames: Type.Array(Type.String(), { minItems: 1 }),
  birthDate: IsoDate,
  sex: oneOf(['M', 'F'] as const),
  nationality: CountryCode,
  /** True for a national-register number (a registered resident), false for a BIS number. */
  registeredInBelgium: Type.Boolean(),
});

export type Person = Static<typeof PersonSchema>;

export interface NationalRegister {
  /** By INSZ, with or without separators; throws SourceRequestError when its check digits fail. */
  getPerson(insz: string): Promise<Lookup<Person>>;
}

export function createNationalRegisterClient(http: SourceHttpClient): NationalRegister {
  return {
    getPerson(insz) {
      return http.lookup(`/rr/persons/${requireInsz('national-register', insz)}`, PersonSchema);
    },
  };
}
