/**
 * The talent pools' vocabulary (issue 17; docs/talent.md). Pure: no I/O. The same lists feed the
 * database CHECKs (migration 0020), the route schemas and the pages' options.
 */

/** Who a candidate is, as the partner screened them. */
export const POOLS = [
  'LOCAL_JOBSEEKER',
  'REFUGEE',
  'ASYLUM_SEEKER',
  'PILOT_PARTICIPANT',
  'CARE_RECOGNITION',
] as const;
export type Pool = (typeof POOLS)[number];

/**
 * The policy note's concentric model: the reserve already here first, then Europe, then third
 * countries. A candidate's circle is where they live now, not their nationality: a refugee in
 * Ghent is in the first circle.
 */
export const CIRCLES = ['BELGIUM', 'EU', 'THIRD_COUNTRY'] as const;
export type Circle = (typeof CIRCLES)[number];

/**
 * May the candidate take the job, as the partner established it: FREE (Belgian, EU, recognised
 * refugee or subsidiary protection: unlimited access), ASYLUM_WORK_ALLOWED (an asylum applicant
 * without a first decision after four months may work while the procedure runs), NOT_YET (not
 * yet allowed), PERMIT_NEEDED (the employer must apply for a single permit or work card).
 */
export const WORK_ACCESS = ['FREE', 'ASYLUM_WORK_ALLOWED', 'NOT_YET', 'PERMIT_NEEDED'] as const;
export type WorkAccess = (typeof WORK_ACCESS)[number];

/** The diploma's recognition for a regulated profession (NARIC Vlaanderen). */
export const RECOGNITION = ['NOT_APPLICABLE', 'PENDING', 'RECOGNISED', 'REFUSED'] as const;
export type Recognition = (typeof RECOGNITION)[number];

/** Why the data is kept: the one purpose a consent is given for. */
export const CONSENT_PURPOSES = ['SHORTAGE_MATCHING'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Common European Framework of Reference levels, in order. */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** Languages a vacancy may ask or a candidate may speak (ISO 639-1). */
export const TALENT_LANGUAGES = [
  'nl',
  'fr',
  'en',
  'de',
  'ar',
  'es',
  'pt',
  'tr',
  'ro',
  'pl',
  'uk',
  'ru',
  'fa',
  'ti',
  'so',
  'zh',
] as const;
export type TalentLanguage = (typeof TALENT_LANGUAGES)[number];

export interface LanguageSkill {
  lang: TalentLanguage;
  level: CefrLevel;
}

/** Longest a candidate's data may be kept after consent: the purpose ends then at the latest. */
export const MAX_RETENTION_MONTHS = 24;

export interface VacancyForMatching {
  id: string;
  occupationId: string;
  iscoCode: string;
  postalCode: string;
  requiredVks: number;
  languages: readonly LanguageSkill[];
  startDate: string;
}

export interface CandidateForMatching {
  id: string;
  occupationIds: readonly string[];
  iscoCodes: readonly string[];
  educationVks: number;
  languages: readonly LanguageSkill[];
  circle: Circle;
  postalCode: string | null;
  nationality: string;
  workAccess: WorkAccess;
  availableFrom: string;
  recognition: Recognition;
}

export function cefrRank(level: CefrLevel): number {
  return CEFR_LEVELS.indexOf(level);
}
