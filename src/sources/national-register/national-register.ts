import Type, { type Static } from 'typebox';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import { AddressSchema } from '../kbo/enterprise-register.ts';
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
  /** Main residence (hoofdverblijfplaats) of a registered resident, when the register holds one. */
  mainAddress: Type.Optional(AddressSchema),
});

export type Person = Static<typeof PersonSchema>;

export const PeopleSchema = Type.Object({ persons: Type.Array(PersonSchema) });

/** The most people one question may name (the simulator refuses more). */
export const MAX_PEOPLE_PER_QUESTION = 100;

export interface NationalRegister {
  /** By INSZ, with or without separators; throws SourceRequestError when its check digits fail. */
  getPerson(insz: string): Promise<Lookup<Person>>;
  /**
   * Several people in one call (an employer's staff, for the workforce's non-EU share): those the
   * register knows; the others are simply absent. A real connection maps this onto the Crossroads
   * Bank's consultation of a list, or onto one call per person behind this same interface.
   */
  getPeople(insz: readonly string[]): Promise<Lookup<Person[]>>;
}

export function createNationalRegisterClient(http: SourceHttpClient): NationalRegister {
  return {
    getPerson(insz) {
      return http.lookup(`/rr/persons/${requireInsz('national-register', insz)}`, PersonSchema);
    },
    async getPeople(insz) {
      if (insz.length === 0 || insz.length > MAX_PEOPLE_PER_QUESTION)
        throw new RangeError(`getPeople asks for 1 to ${MAX_PEOPLE_PER_QUESTION} people`);
      // Sorted, so the same staff asked twice is one cache entry.
      const list = [...new Set(insz.map((i) => requireInsz('national-register', i)))].sort().join(',');
      const answer = await http.lookup(`/rr/persons?insz=${list}`, PeopleSchema);
      return answer.found ? { ...answer, value: answer.value.persons } : answer;
    },
  };
}
