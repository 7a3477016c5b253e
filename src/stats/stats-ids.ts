/**
 * The names of the statistics' dimensions and measures, with no imports: the server's query
 * builder (dimensions.ts) and the analyst pages share this one list.
 */

/** The value of a summed-up dimension in a margin row. */
export const TOTAL = 'TOTAL';

/**
 * 003 q2 asks for ten categories of its own ("beroepssporter, trainer of scheidsrechter;
 * schouwspelartiest; houder Europese blauwe kaart; …"); Loket records the thirteen of the decree of
 * 7 December 2018. The question's categories as Loket's (docs/statistics.md has the table and why):
 * an athlete by the role the application records; "specifieke functie" and "functie met structureel
 * tekort" are no categories (the minister's answer, a: shortage occupations hold the functions with
 * a structural shortage); frontier workers are registered in no category of their own (answer, b).
 * Loket's categories the question does not ask for are counted together, so totals still agree
 * with q2.
 */
export const QUESTION_CATEGORY_OF_CATEGORY = {
  PERFORMING_ARTIST: 'PERFORMING_ARTIST',
  EU_BLUE_CARD: 'EU_BLUE_CARD',
  RESEARCHER: 'RESEARCHER',
  TRAINEE: 'TRAINEE',
  INTRA_CORPORATE_TRANSFEREE: 'GROUP_TRAINING',
  MEDIUM_SKILLED_SHORTAGE: 'SHORTAGE_OCCUPATION',
  AU_PAIR: 'AU_PAIR',
  HIGHLY_SKILLED: 'NOT_ASKED',
  EXECUTIVE: 'NOT_ASKED',
  OTHER_LABOUR_MARKET_TEST: 'NOT_ASKED',
  SEASONAL_WORKER: 'NOT_ASKED',
  MINISTER_OF_RELIGION: 'NOT_ASKED',
} as const;

/** Professional athletes by the role in their application (`application.athlete.role`). */
export const ATHLETE_QUESTION_CATEGORIES = {
  PLAYER: 'ATHLETE_PLAYER',
  TRAINER: 'ATHLETE_TRAINER',
  REFEREE: 'ATHLETE_REFEREE',
  UNKNOWN: 'ATHLETE_ROLE_UNKNOWN',
} as const;

/** The values of the dimension questionCategory, in the order of the question. */
export const QUESTION_CATEGORIES = [
  'ATHLETE_PLAYER',
  'ATHLETE_TRAINER',
  'ATHLETE_REFEREE',
  'ATHLETE_ROLE_UNKNOWN',
  'PERFORMING_ARTIST',
  'EU_BLUE_CARD',
  'RESEARCHER',
  'TRAINEE',
  'GROUP_TRAINING',
  'SHORTAGE_OCCUPATION',
  'AU_PAIR',
  'NOT_ASKED',
] as const;

/** A dossier's question category from its category and (athletes) the role it records. */
export function questionCategoryOf(category: string, athleteRole: string | null | undefined): string {
  if (category === 'PROFESSIONAL_ATHLETE') {
    const role = (athleteRole ?? 'UNKNOWN') as keyof typeof ATHLETE_QUESTION_CATEGORIES;
    return ATHLETE_QUESTION_CATEGORIES[role] ?? ATHLETE_QUESTION_CATEGORIES.UNKNOWN;
  }
  return QUESTION_CATEGORY_OF_CATEGORY[category as keyof typeof QUESTION_CATEGORY_OF_CATEGORY] ?? 'NOT_ASKED';
}

export const DIMENSION_IDS = [
  'year',
  'category',
  'province',
  'region',
  'nationality',
  'sex',
  'ageBand',
  'vks',
  'iscoMajorGroup',
  'migrationListFunction',
  'kind',
  'refusalReason',
  'careProfession',
  'inspectionOrigin',
  'inspectionOutcome',
  'recognitionStatus',
  'questionCategory',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export const MEASURE_IDS = [
  'applications',
  'admissible',
  'withdrawn',
  'decided',
  'granted',
  'refused',
  'highlySkilledGranted',
  'highlySkilledShare',
  'regionalLeadMedianDays',
  'regionalLeadP90Days',
  'withinDeadlineShare',
  'federalLeadMedianDays',
  'federalLeadP90Days',
  'inadmissible',
  'highlyQualifiedGranted',
  'qualificationKnownGranted',
  'highlyQualifiedShare',
  'admissibilityLeadMedianDays',
  'admissibilityLeadP90Days',
  'totalLeadMedianDays',
  'totalLeadP90Days',
  'appealsDecided',
  'appealsOverturned',
  'handedOver',
  'handoverMedianDays',
  'handoverP90Days',
  'revoked',
  'inspections',
  'inspectedWorkers',
  'recognitions',
  'residenceGranted',
  'residenceRefused',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/**
 * Which facts a measure counts: cohort measures by year of submission, decision measures by year of
 * the regional decision, appeal measures by year of the decision on the appeal; inspections,
 * inspected workers and NARIC recognitions are facts of their own (src/stats/inspection-facts.ts).
 */
export type Branch = 'cohort' | 'decision' | 'appeal' | 'inspection' | 'inspectedWorker' | 'recognition';

export const MEASURE_BRANCHES: Readonly<Record<MeasureId, Branch>> = {
  applications: 'cohort',
  admissible: 'cohort',
  withdrawn: 'cohort',
  decided: 'decision',
  granted: 'decision',
  refused: 'decision',
  highlySkilledGranted: 'decision',
  highlySkilledShare: 'decision',
  regionalLeadMedianDays: 'decision',
  regionalLeadP90Days: 'decision',
  withinDeadlineShare: 'decision',
  federalLeadMedianDays: 'decision',
  federalLeadP90Days: 'decision',
  inadmissible: 'cohort',
  highlyQualifiedGranted: 'decision',
  qualificationKnownGranted: 'decision',
  highlyQualifiedShare: 'decision',
  admissibilityLeadMedianDays: 'decision',
  admissibilityLeadP90Days: 'decision',
  totalLeadMedianDays: 'decision',
  totalLeadP90Days: 'decision',
  appealsDecided: 'appeal',
  appealsOverturned: 'appeal',
  handedOver: 'cohort',
  handoverMedianDays: 'cohort',
  handoverP90Days: 'cohort',
  revoked: 'decision',
  inspections: 'inspection',
  inspectedWorkers: 'inspectedWorker',
  recognitions: 'recognition',
  residenceGranted: 'decision',
  residenceRefused: 'decision',
};

const INSPECTION_ONLY: readonly DimensionId[] = ['inspectionOrigin', 'inspectionOutcome'];

/**
 * Which dimensions a branch's facts carry. Dossier branches carry every dossier dimension;
 * an inspection carries its year, its employer's province and its own origin and outcome; an
 * inspected worker (one per inspection and authorisation valid on the day) carries these and the
 * dimensions of the worker's dossier, except refusal reasons (every one of them was granted).
 */
export function branchHasDimension(branch: Branch, dimension: DimensionId): boolean {
  if (branch === 'inspection') return ['year', 'province', ...INSPECTION_ONLY].includes(dimension);
  if (branch === 'inspectedWorker') return dimension !== 'refusalReason' && dimension !== 'recognitionStatus';
  if (branch === 'recognition') return dimension !== 'refusalReason' && !INSPECTION_ONLY.includes(dimension);
  return !INSPECTION_ONLY.includes(dimension) && dimension !== 'recognitionStatus';
}

/**
 * Whether a measure can be broken down by a dimension: its facts carry it, and refusal reasons
 * only with refusals (a dossier refused on two grounds counts under each). The server refuses any
 * other pairing with a 400 naming the parameter (src/stats/stats-query.ts); the analyst pivot
 * offers only these (web/src/pages/analyst/pivot-section.tsx).
 */
export function measureTakesDimension(measure: MeasureId, dimension: DimensionId): boolean {
  if (dimension === 'refusalReason') return measure === 'refused';
  return branchHasDimension(MEASURE_BRANCHES[measure], dimension);
}

export function isKnownMeasure(value: string): value is MeasureId {
  return (MEASURE_IDS as readonly string[]).includes(value);
}

/** The dimensions a pivot of `measure` can use, in the order of DIMENSION_IDS. */
export function dimensionsForMeasure(measure: MeasureId): DimensionId[] {
  return DIMENSION_IDS.filter((dimension) => measureTakesDimension(measure, dimension));
}
