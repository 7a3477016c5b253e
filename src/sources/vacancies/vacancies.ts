import Type, { type Static } from 'typebox';
import { NEVER_CACHE } from '../batch.ts';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import { EnterpriseNumber, IscoCode, IsoDate, oneOf, PostalCode, requireReference } from '../schema-parts.ts';
import { SourceRequestError, SourceResponseError } from '../source-errors.ts';
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

/**
 * A vacancy as VDAB or EURES publish it in their listing of published vacancies: the source's own
 * id (stable across updates), a version that grows with every change, and the status, so an update
 * or a withdrawal at the source reaches Loket on the next import. EURES carries no shortage flag
 * (VDAB's list is Flemish); `nationalReference` names the VDAB vacancy a EURES one took over.
 */
export const PublishedVacancySchema = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' }),
  version: Type.Integer({ minimum: 1 }),
  updatedAt: Type.String({ format: 'date-time' }),
  status: oneOf(['PUBLISHED', 'WITHDRAWN'] as const),
  enterpriseNumber: EnterpriseNumber,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  escoOccupation: Type.String({ pattern: '^[A-Za-z0-9-]{1,100}$', description: 'last part of the ESCO URI' }),
  iscoCode: IscoCode,
  workplacePostalCode: PostalCode,
  requiredVks: Type.Integer({ minimum: 1, maximum: 8 }),
  languages: Type.Array(
    Type.Object({
      lang: Type.String({ pattern: '^[a-z]{2}$' }),
      level: Type.String({ pattern: '^[ABC][12]$' }),
    }),
    { maxItems: 8 },
  ),
  startDate: IsoDate,
  positions: Type.Integer({ minimum: 1, maximum: 999 }),
  publishedFrom: IsoDate,
  publishedUntil: IsoDate,
  shortageOccupation: Type.Optional(Type.Boolean()),
  nationalReference: Type.Optional(Type.String()),
});

export const PublishedVacancyPageSchema = Type.Object({
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
  totalPages: Type.Integer({ minimum: 0 }),
  totalItems: Type.Integer({ minimum: 0 }),
  items: Type.Array(PublishedVacancySchema),
});

export const VACANCY_CHANNELS = ['VDAB', 'EURES'] as const;
export type VacancyChannel = (typeof VACANCY_CHANNELS)[number];
export type PublishedVacancy = Static<typeof PublishedVacancySchema>;
export type PublishedVacancyPage = Static<typeof PublishedVacancyPageSchema>;
export const MAX_PAGE_SIZE = 100;

export type Vacancy = Static<typeof VacancySchema>;
export type ShortageStatus = Static<typeof ShortageStatusSchema>;

export interface VacancyRegister {
  /** By VDAB reference; not found when VDAB has no such vacancy. */
  getVacancy(reference: string): Promise<Lookup<Vacancy>>;
  /** Whether an ISCO function is on VDAB's shortage list of that year; not found for a function VDAB does not list. */
  getShortageStatus(iscoCode: string, year: number): Promise<Lookup<ShortageStatus>>;
  /**
   * One page (1-based) of the vacancies a channel publishes now, with those withdrawn lately: VDAB's
   * shortage vacancies (knelpuntberoepen), EURES's vacancies for Flanders. Never cached: an import
   * wants the register's state of now.
   */
  listPublished(channel: VacancyChannel, page: number, pageSize?: number): Promise<PublishedVacancyPage>;
}

const PUBLISHED_PATHS: Record<VacancyChannel, string> = {
  VDAB: '/vdab/published-vacancies?shortage=true',
  EURES: '/eures/vacancies?country=BE&region=VLG',
};

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
    async listPublished(channel, page, pageSize = MAX_PAGE_SIZE) {
      if (
        !Number.isInteger(page) ||
        page < 1 ||
        !Number.isInteger(pageSize) ||
        pageSize < 1 ||
        pageSize > MAX_PAGE_SIZE
      )
        throw new SourceRequestError('vacancies', `a page is 1 or more and holds 1 to ${MAX_PAGE_SIZE}`);
      const path = `${PUBLISHED_PATHS[channel]}&page=${page}&pageSize=${pageSize}`;
      const answer = await http.lookup(path, PublishedVacancyPageSchema, NEVER_CACHE);
      // A listing always exists: a 404 means the channel's endpoint is gone, not "no vacancies".
      if (!answer.found) throw new SourceResponseError('vacancies', `${channel} listing not found`);
      return answer.value;
    },
  };
}
