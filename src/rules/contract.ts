/**
 * The fixed vocabulary of the assessment contract (shared/domain/assessment.md). Names and values
 * here are what partners send and read: extend, never rename.
 */

export const CATEGORIES = [
  'HIGHLY_SKILLED',
  'EXECUTIVE',
  'EU_BLUE_CARD',
  'MEDIUM_SKILLED_SHORTAGE',
  'OTHER_LABOUR_MARKET_TEST',
  'SEASONAL_WORKER',
  'INTRA_CORPORATE_TRANSFEREE',
  'TRAINEE',
  'AU_PAIR',
  'PROFESSIONAL_ATHLETE',
  'PERFORMING_ARTIST',
  'MINISTER_OF_RELIGION',
  'RESEARCHER',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * NOT_REQUIRED (an extension): the worker needs no work authorisation at all (Belgian, EU, EEA,
 * Swiss); it comes before every other outcome, since there is nothing to apply for.
 */
/**
 * The legal ground of a sanction that excludes an employer (reference.md §5.2): art. 12/1 §1, 12/3
 * §1, 12/4 law 30 Apr 1999 (illegal employment); art. 175/1, 181, 181/1 Social Penal Code; art.
 * 13/5, 13/6 decree 30 Apr 2004 (social inspection); art. 22 decree 15 Oct 2021 (economic migration).
 * The exclusion's length per ground is the dated parameter `exclusion.sanctionMonths`.
 */
export const SANCTION_GROUNDS = [
  'ILLEGAL_EMPLOYMENT',
  'SOCIAL_PENAL_CODE',
  'SOCIAL_INSPECTION_DECREE',
  'ECONOMIC_MIGRATION_DECREE',
] as const;
export type SanctionGround = (typeof SANCTION_GROUNDS)[number];

export const OUTCOMES = ['ELIGIBLE', 'NEEDS_REVIEW', 'INELIGIBLE', 'INCOMPLETE', 'NOT_REQUIRED'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const EFFECTS = ['INCOMPLETE', 'REFUSE', 'REVIEW'] as const;
export type Effect = (typeof EFFECTS)[number];

/** Every reason code with its fixed effect; the effect decides the outcome. */
export const REASON_EFFECTS = {
  MISSING_INFORMATION: 'INCOMPLETE',
  INVALID_ENTERPRISE_NUMBER: 'INCOMPLETE',
  INVALID_INSZ: 'INCOMPLETE',
  NOT_COMPETENT_REGION: 'REFUSE',
  QUALIFICATION_TOO_LOW: 'REFUSE',
  FUNCTION_NOT_HIGHLY_SKILLED: 'REFUSE',
  SALARY_BELOW_THRESHOLD: 'REFUSE',
  CONTRACT_TOO_SHORT: 'REFUSE',
  NOT_ON_MIGRATION_LIST: 'REFUSE',
  NOT_ON_SHORTAGE_LIST: 'REFUSE',
  LOW_SKILLED_FUNCTION_EXCLUDED: 'REFUSE',
  VACANCY_PUBLICATION_INSUFFICIENT: 'REFUSE',
  WORKER_ALREADY_IN_BELGIUM: 'REFUSE',
  EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM: 'REFUSE',
  EMPLOYMENT_FRACTION_TOO_LOW: 'REFUSE',
  SEASONAL_DURATION_EXCEEDED: 'REFUSE',
  ICT_CONDITIONS_NOT_MET: 'REFUSE',
  EMPLOYER_EXCLUDED: 'REFUSE',
  FALSE_DOCUMENTS: 'REFUSE',
  EMPLOYER_ALMOST_ONLY_NON_EU: 'REVIEW',
  EMPLOYER_ACTS_AS_HUB: 'REVIEW',
  HOSTING_AGREEMENT_REQUIRED: 'REFUSE',
  CULT_NOT_RECOGNISED: 'REFUSE',
  WORK_AUTHORISATION_NOT_REQUIRED: 'REFUSE',
  FUNCTION_ABOVE_MEDIUM_SKILLED: 'REFUSE',
  LABOUR_MARKET_SEARCH_TO_JUDGE: 'REVIEW',
  LOW_SKILLED_RENEWAL_TO_JUDGE: 'REVIEW',
  MINISTER_SHORTAGE_NOT_DEMONSTRATED: 'REFUSE',
  INTEGRATION_TEST_NOT_PASSED: 'REFUSE',
  PAY_BELOW_MINIMUM: 'REFUSE',
} as const satisfies Record<string, Effect>;
export type ReasonCode = keyof typeof REASON_EFFECTS;
export const REASON_CODES = Object.keys(REASON_EFFECTS) as ReasonCode[];

/** REGULATED_PROFESSION (extension): recognition and a visa are needed to practise (policy note 002 §2.6). */
export const WARNING_CODES = [
  'VALIDITY_LIMITED_BY_AGE',
  'PARAMETER_UNVERIFIED',
  'REGULATED_PROFESSION',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const REGIONS = ['FLANDERS', 'BRUSSELS', 'WALLONIA'] as const;
export type Region = (typeof REGIONS)[number];

/**
 * Who decides on work in a place (an extension of `procedure`): the region, except in the nine
 * municipalities of the German-speaking Community, which lie in the Walloon Region but whose
 * Community exercises the competence for work authorisations itself.
 */
export const COMPETENT_AUTHORITIES = [
  'FLANDERS',
  'BRUSSELS',
  'WALLONIA',
  'GERMAN_SPEAKING_COMMUNITY',
] as const;
export type CompetentAuthority = (typeof COMPETENT_AUTHORITIES)[number];

export const PROVINCES = [
  'ANTWERPEN',
  'LIMBURG',
  'OOST_VLAANDEREN',
  'VLAAMS_BRABANT',
  'WEST_VLAANDEREN',
] as const;
export type Province = (typeof PROVINCES)[number];

export const PROCEDURE_TYPES = ['SINGLE_PERMIT', 'WORK_CARD'] as const;
export type ProcedureType = (typeof PROCEDURE_TYPES)[number];

export const TRACKS = ['FAST_LANE', 'STANDARD'] as const;
export type Track = (typeof TRACKS)[number];

/**
 * WORK_AUTHORISATION_NOT_REQUIRED: the worker needs no authorisation, so there is no application to
 * pay for. NOT_COMPETENT_REGION: the retributie pays for Flanders' own processing and control
 * (policy note 002 §2.5), which a workplace outside Flanders does not get.
 */
export const FEE_EXEMPTIONS = [
  'WORK_CARD',
  'WORK_AUTHORISATION_NOT_REQUIRED',
  'NOT_COMPETENT_REGION',
] as const;
export type FeeExemption = (typeof FEE_EXEMPTIONS)[number];

/** The first day of the Flemish regime (BVR 7 Dec 2018 in force): no rules exist before it. */
export const FIRST_RULES_DATE = '2019-01-01';
