import { findOccupation } from '../../occupations/occupation-catalogue.ts';
import type { PublishedVacancy, VacancyChannel } from '../../sources/index.ts';
import { vacancySearchText } from '../talent-input.ts';
import { CEFR_LEVELS, type LanguageSkill, TALENT_LANGUAGES } from '../talent-model.ts';

/**
 * What a vacancy published at VDAB or EURES becomes in Loket (pure): a talent vacancy whose source
 * is the register, or a reason to leave it out. Decision 028.
 */

export interface ImportedVacancy {
  source: VacancyChannel;
  sourceReference: string;
  sourceVersion: number;
  sourceUpdatedAt: Date;
  enterpriseNumber: string;
  occupationId: string;
  iscoCode: string;
  title: string;
  postalCode: string;
  requiredVks: number;
  languages: LanguageSkill[];
  startDate: string;
  positions: number;
  /** VDAB's shortage flag (knelpuntberoep) for the function, as VDAB or its list says. */
  onVdabShortageList: boolean | null;
  publishedUntil: string;
  status: 'OPEN' | 'WITHDRAWN';
  searchText: string;
}

export type SkipReason =
  /** Not a shortage function on VDAB's list: Loket matches shortage vacancies only (issue 17). */
  | 'NOT_SHORTAGE'
  /** An ESCO occupation Loket's catalogue (data/esco) does not have: it could not be matched. */
  | 'UNKNOWN_OCCUPATION'
  /** A EURES copy of a VDAB vacancy Loket imports from VDAB itself: one vacancy, not two. */
  | 'CARRIED_BY_VDAB';

export type ImportDecision =
  | { kind: 'IMPORT'; vacancy: ImportedVacancy }
  | { kind: 'SKIP'; reason: SkipReason };

const LANGS = new Set<string>(TALENT_LANGUAGES);
const LEVELS = new Set<string>(CEFR_LEVELS);

export function decideImport(
  item: PublishedVacancy,
  context: {
    channel: VacancyChannel;
    today: string;
    /** For an item without VDAB's flag (EURES): the function's status on VDAB's list this year; null if unknown. */
    onVdabList: boolean | null;
    /** VDAB ids of this import: a EURES vacancy carrying one of them is skipped. */
    vdabIds: ReadonlySet<string>;
  },
): ImportDecision {
  if (context.channel === 'EURES' && item.nationalReference && context.vdabIds.has(item.nationalReference))
    return { kind: 'SKIP', reason: 'CARRIED_BY_VDAB' };
  const occupation = findOccupation(item.escoOccupation);
  if (!occupation) return { kind: 'SKIP', reason: 'UNKNOWN_OCCUPATION' };
  const onVdabShortageList = item.shortageOccupation ?? context.onVdabList;
  // A withdrawal always comes through, whatever the function: the vacancy may have been imported before.
  const withdrawn = item.status === 'WITHDRAWN' || item.publishedUntil < context.today;
  if (!withdrawn && onVdabShortageList === false) return { kind: 'SKIP', reason: 'NOT_SHORTAGE' };
  return {
    kind: 'IMPORT',
    vacancy: {
      source: context.channel,
      sourceReference: item.id,
      sourceVersion: item.version,
      sourceUpdatedAt: new Date(item.updatedAt),
      enterpriseNumber: item.enterpriseNumber,
      occupationId: occupation.id,
      // The catalogue's ISCO group, not the register's: matching compares occupations within ESCO.
      iscoCode: occupation.iscoCode,
      title: item.title,
      postalCode: item.workplacePostalCode,
      requiredVks: item.requiredVks,
      // Languages and levels Loket knows; any other the register sends is left out, not guessed.
      languages: item.languages
        .filter((skill) => LANGS.has(skill.lang) && LEVELS.has(skill.level))
        .map((skill) => skill as LanguageSkill),
      startDate: item.startDate,
      positions: item.positions,
      onVdabShortageList,
      publishedUntil: item.publishedUntil,
      status: withdrawn ? 'WITHDRAWN' : 'OPEN',
      searchText: vacancySearchText(occupation.id, item.title),
    },
  };
}
