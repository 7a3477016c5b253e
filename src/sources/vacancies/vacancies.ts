import Type, { type Static } from 'typebox';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import { EnterpriseNumber, IscoCode, IsoDate, oneOf, PostalCode, requireReference } from '../schema-parts.ts';
import { SourceRequestError } from '../source-errors.ts';
import type { Lookup } from '../source-result.ts';

/**
 * VDAB and EURES: the labour-market test of "overige" (art. 18 §1 BVR 7 Dec 2018) needs the vacancy
 * published long enough on both channels (9 weeks within the 4 months before the application since
 * 1 May 2024, reference.md §1.4) and the function on VDAB's annual shortage list (knelpuntberoepen).
 */

export const VacancySchema = Type.Object({
  reference: Type.String(),
  enterpriseNumber: EnterpriseNumber,
  title: Type.String(),
  iscoCode: IscoCode,
  workplacePostalCode: PostalCode,
  /** One entry per channel and publication period; EURES carries VDAB vacancies it took over. */
  publications: Type.Array(
    Type.Object({ channel: oneOf(['VDAB', 'EURES'] as const), from: IsoDate, to: IsoDate }),
  ),
  applicants: Type.Integer({ minimum: 0 }),
});

export const ShortageStatusSchema = Type.Object({
  iscoCode: IscoCode,
  year: Type.Integer(),
  title: Type.String(),
  isShortage: Type.Boolean(),
});

export type Vacancy = Static<typeof VacancySchema>;
export type ShortageStatus = Static<typeof ShortageStatusSchema>;

export interface VacancyRegister {
  /** By VDAB reference; not found when VDAB has no such vacancy. */
  getVacancy(reference: string): Promise<Lookup<Vacancy>>;
  /** Whether an ISCO function is on VDAB's shortage list of that year; not found for a function VDAB does not list. */
  getShortageStatus(iscoCode: string, year: number): Promise<Lookup<ShortageStatus>>;
}

export function createVacancyRegisterClient(http: SourceHttpClient): VacancyRegister {
  return {
    getVacancy(reference) {
      return http.lookup(`/vdab/vacancies/${requireReference('vacancies', reference)}`, VacancySchema);
    },
    getShortageStatus(iscoCode, year) {
      if (!/^\d{4}$/.test(iscoCode) || !Number.isInteger(year)) {
        throw new SourceRequestError(
          'vacancies',
          'an ISCO code has four digits and a year is a whole number',
        );
      }
      return http.lookup(`/vdab/shortage-list/${year}/${iscoCode}`, ShortageStatusSchema);
    },
  };
}
