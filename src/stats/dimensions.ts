import { CATEGORIES, PROVINCES, REASON_CODES, REGIONS } from '../rules/index.ts';
import {
  ATHLETE_QUESTION_CATEGORIES,
  type Branch,
  DIMENSION_IDS,
  type DimensionId,
  type MeasureId,
  QUESTION_CATEGORIES,
  QUESTION_CATEGORY_OF_CATEGORY,
} from './stats-ids.ts';

export { TOTAL } from './stats-ids.ts';

/**
 * What the statistics can be broken down by (dimensions) and what they count (measures), as data:
 * the query builder, the parameter validation, the exports and the docs all read these tables.
 * Columns are those of `dossier_statistics` (migration 0005), one row per submitted dossier.
 *
 * Which year: applications, admissible and withdrawn dossiers count in the year of submission
 * (the cohort, as the 2019 figures "10,649 applications, 9,841 admissible" are given); grants,
 * refusals and lead times in the year of the regional decision (as "8,024 authorisations in 2021").
 */

/** Published figures start with the Flemish regime (BVR 7 Dec 2018, in force 1 Jan 2019). */
export const FIRST_YEAR = 2019;
/**
 * The oldest year a request may ask for and a year picker offer: inspections can be recorded for
 * past years (an employer inspected in 2014 is data), so the pickers offer every year holding
 * figures from here on (src/stats/stats-years.repo.ts) and the query parser accepts the same range.
 */
export const EARLIEST_YEAR = 2014;
export const LAST_YEAR = 2100;

/** "Highly skilled" in the policy figures (seed 002: 69 % in 2019, 36 % in 2024). */
export const HIGHLY_SKILLED_CATEGORIES = ['HIGHLY_SKILLED', 'EU_BLUE_CARD'] as const;

export const AGE_BANDS = ['UNDER_25', 'FROM_25_TO_29', 'FROM_30_TO_39', 'FROM_40_TO_49', 'FROM_50'] as const;

export { DIMENSION_IDS, type DimensionId, MEASURE_IDS, type MeasureId } from './stats-ids.ts';

export interface Dimension {
  /** SQL over `dossier_statistics f`; `year` depends on the branch and is resolved by the builder. */
  readonly column: string;
  /** The closed list of values, where there is one (filters are checked against it); open otherwise. */
  readonly values: readonly string[] | null;
}

const UNKNOWN = 'UNKNOWN';

/** A NARIC file as the register check read it: pending, decided either way, or not found. */
export const RECOGNITION_STATUSES = [
  'RECEIVED',
  'IN_TREATMENT',
  'EQUIVALENT',
  'REFUSED',
  'NOT_FOUND',
] as const;

/** As recorded by the enforcement capability (migration 0016, `inspections`). */
export const INSPECTION_ORIGINS = ['SIGNAL', 'REPORT', 'OTHER'] as const;
export const INSPECTION_OUTCOMES = [
  'NO_INFRINGEMENT',
  'WARNING',
  'FINE_PROPOSED',
  'WITHDRAWAL_PROPOSED',
] as const;

/** 003 q2's categories (stats-ids.ts): the athlete's role, else the category mapped. */
const QUESTION_CATEGORY_SQL = `CASE WHEN f.category = 'PROFESSIONAL_ATHLETE' THEN CASE f.athlete_role ${Object.entries(
  ATHLETE_QUESTION_CATEGORIES,
)
  .map(([role, value]) => `WHEN '${role}' THEN '${value}'`)
  .join(' ')} ELSE '${ATHLETE_QUESTION_CATEGORIES.UNKNOWN}' END ${Object.entries(
  QUESTION_CATEGORY_OF_CATEGORY,
)
  .map(([category, value]) => `WHEN f.category = '${category}' THEN '${value}'`)
  .join(' ')} ELSE 'NOT_ASKED' END`;

export const DIMENSIONS: Readonly<Record<DimensionId, Dimension>> = {
  year: { column: 'year', values: null },
  category: { column: 'f.category', values: CATEGORIES },
  province: { column: 'f.province', values: [...PROVINCES, UNKNOWN] },
  region: { column: 'f.region', values: [...REGIONS, UNKNOWN] },
  nationality: { column: 'f.nationality', values: null },
  sex: { column: 'f.sex', values: ['F', 'M', 'X', UNKNOWN] },
  ageBand: { column: 'f.age_band', values: [...AGE_BANDS, UNKNOWN] },
  vks: { column: 'f.vks', values: ['1', '2', '3', '4', '5', '6', '7', '8', UNKNOWN] },
  iscoMajorGroup: {
    column: 'f.isco_major_group',
    values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', UNKNOWN],
  },
  migrationListFunction: { column: 'f.migration_list_function', values: null },
  kind: { column: 'f.kind', values: ['FIRST', 'RENEWAL'] },
  refusalReason: { column: 'r.reason', values: [...REASON_CODES, 'OTHER'] },
  careProfession: {
    column: "CASE WHEN f.is_nurse THEN 'NURSE' WHEN f.is_care_worker THEN 'CARE_WORKER' ELSE 'OTHER' END",
    values: ['NURSE', 'CARE_WORKER', 'OTHER'],
  },
  // Inspections (src/stats/inspection-facts.ts): the origin and outcome the inspector recorded.
  inspectionOrigin: { column: 'f.inspection_origin', values: INSPECTION_ORIGINS },
  inspectionOutcome: { column: 'f.inspection_outcome', values: INSPECTION_OUTCOMES },
  // NARIC recognitions read at the register check (src/stats/inspection-facts.ts, seed 004).
  recognitionStatus: { column: 'f.recognition_status', values: RECOGNITION_STATUSES },
  questionCategory: { column: QUESTION_CATEGORY_SQL, values: QUESTION_CATEGORIES },
};

export { type Branch, branchHasDimension } from './stats-ids.ts';

/** The branches read from `dossier_statistics`; the others from the enforcement capability's inspections. */
export const DOSSIER_BRANCHES: readonly Branch[] = ['cohort', 'decision', 'appeal'];

export interface Measure {
  readonly branch: Branch;
  readonly sql: string;
  /** Counts add up over rows and columns (margins, suppression); medians and shares do not. */
  readonly isAdditive: boolean;
  /** Rounded to this many decimals when not a count. */
  readonly decimals?: number;
}

const HS_LIST = HIGHLY_SKILLED_CATEGORIES.map((c) => `'${c}'`).join(', ');
const GRANTED = "f.outcome = 'GRANTED'";
const REVOKED = "f.outcome = 'GRANTED' AND f.status = 'REVOKED'";

export const MEASURES = {
  applications: { branch: 'cohort', sql: 'count(*)', isAdditive: true },
  admissible: { branch: 'cohort', sql: 'count(*) FILTER (WHERE f.is_admissible)', isAdditive: true },
  withdrawn: { branch: 'cohort', sql: 'count(*) FILTER (WHERE f.is_withdrawn)', isAdditive: true },
  decided: { branch: 'decision', sql: 'count(*)', isAdditive: true },
  granted: { branch: 'decision', sql: `count(*) FILTER (WHERE ${GRANTED})`, isAdditive: true },
  refused: { branch: 'decision', sql: "count(*) FILTER (WHERE f.outcome = 'REFUSED')", isAdditive: true },
  highlySkilledGranted: {
    branch: 'decision',
    sql: `count(*) FILTER (WHERE ${GRANTED} AND f.category IN (${HS_LIST}))`,
    isAdditive: true,
  },
  highlySkilledShare: {
    branch: 'decision',
    sql: `count(*) FILTER (WHERE ${GRANTED} AND f.category IN (${HS_LIST}))::float8 / nullif(count(*) FILTER (WHERE ${GRANTED}), 0)`,
    isAdditive: false,
    decimals: 4,
  },
  regionalLeadMedianDays: {
    branch: 'decision',
    sql: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY f.regional_lead_days)',
    isAdditive: false,
    decimals: 1,
  },
  regionalLeadP90Days: {
    branch: 'decision',
    sql: 'percentile_cont(0.9) WITHIN GROUP (ORDER BY f.regional_lead_days)',
    isAdditive: false,
    decimals: 1,
  },
  withinDeadlineShare: {
    branch: 'decision',
    sql: 'avg(f.is_within_deadline::int)::float8',
    isAdditive: false,
    decimals: 4,
  },
  federalLeadMedianDays: {
    branch: 'decision',
    sql: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY f.federal_lead_days)',
    isAdditive: false,
    decimals: 1,
  },
  federalLeadP90Days: {
    branch: 'decision',
    sql: 'percentile_cont(0.9) WITHIN GROUP (ORDER BY f.federal_lead_days)',
    isAdditive: false,
    decimals: 1,
  },
  inadmissible: {
    branch: 'cohort',
    sql: "count(*) FILTER (WHERE f.status = 'INADMISSIBLE')",
    isAdditive: true,
  },
  highlyQualifiedGranted: {
    branch: 'decision',
    sql: `count(*) FILTER (WHERE ${GRANTED} AND f.vks IN ('5', '6', '7', '8'))`,
    isAdditive: true,
  },
  qualificationKnownGranted: {
    branch: 'decision',
    sql: `count(*) FILTER (WHERE ${GRANTED} AND f.vks <> 'UNKNOWN')`,
    isAdditive: true,
  },
  highlyQualifiedShare: {
    branch: 'decision',
    sql: `count(*) FILTER (WHERE ${GRANTED} AND f.vks IN ('5', '6', '7', '8'))::float8 / nullif(count(*) FILTER (WHERE ${GRANTED} AND f.vks <> 'UNKNOWN'), 0)`,
    isAdditive: false,
    decimals: 4,
  },
  admissibilityLeadMedianDays: {
    branch: 'decision',
    sql: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY f.admissibility_lead_days)',
    isAdditive: false,
    decimals: 1,
  },
  admissibilityLeadP90Days: {
    branch: 'decision',
    sql: 'percentile_cont(0.9) WITHIN GROUP (ORDER BY f.admissibility_lead_days)',
    isAdditive: false,
    decimals: 1,
  },
  totalLeadMedianDays: {
    branch: 'decision',
    sql: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY f.total_lead_days)',
    isAdditive: false,
    decimals: 1,
  },
  totalLeadP90Days: {
    branch: 'decision',
    sql: 'percentile_cont(0.9) WITHIN GROUP (ORDER BY f.total_lead_days)',
    isAdditive: false,
    decimals: 1,
  },
  appealsDecided: { branch: 'appeal', sql: 'count(*)', isAdditive: true },
  appealsOverturned: {
    branch: 'appeal',
    sql: "count(*) FILTER (WHERE f.appeal_outcome = 'OVERTURNED')",
    isAdditive: true,
  },
  handedOver: {
    branch: 'cohort',
    sql: 'count(*) FILTER (WHERE f.handover_days IS NOT NULL)',
    isAdditive: true,
  },
  handoverMedianDays: {
    branch: 'cohort',
    sql: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY f.handover_days)',
    isAdditive: false,
    decimals: 1,
  },
  handoverP90Days: {
    branch: 'cohort',
    sql: 'percentile_cont(0.9) WITHIN GROUP (ORDER BY f.handover_days)',
    isAdditive: false,
    decimals: 1,
  },
  // Grants later withdrawn by the service (intrekking, decision 012): still granted on the grant's
  // day (decision 021), so counted in the year of that grant, from the dossier's status REVOKED.
  revoked: { branch: 'decision', sql: `count(*) FILTER (WHERE ${REVOKED})`, isAdditive: true },
  // 003 q2: the residence part decided on a grant of the work part (migration 0029), counted with
  // the grant, in the year of the regional decision.
  residenceGranted: {
    branch: 'decision',
    sql: `count(*) FILTER (WHERE ${GRANTED} AND f.federal_outcome = 'GRANTED')`,
    isAdditive: true,
  },
  residenceRefused: {
    branch: 'decision',
    sql: `count(*) FILTER (WHERE ${GRANTED} AND f.federal_outcome = 'REFUSED')`,
    isAdditive: true,
  },
  inspections: { branch: 'inspection', sql: 'count(*)', isAdditive: true },
  inspectedWorkers: { branch: 'inspectedWorker', sql: 'count(*)', isAdditive: true },
  recognitions: { branch: 'recognition', sql: 'count(*)', isAdditive: true },
} as const satisfies Record<MeasureId, Measure>;

/**
 * The sum of the record keys of what an additive count counts (the cell-key method, src/stats/
 * cell-key.ts): open data perturbs each count with its cell's key. Same filters as MEASURES.
 */
export const KEY_SUMS: Partial<Record<MeasureId, string>> = {
  applications: 'coalesce(sum(f.record_key), 0)',
  admissible: 'coalesce(sum(f.record_key) FILTER (WHERE f.is_admissible), 0)',
  withdrawn: 'coalesce(sum(f.record_key) FILTER (WHERE f.is_withdrawn), 0)',
  decided: 'coalesce(sum(f.record_key), 0)',
  granted: `coalesce(sum(f.record_key) FILTER (WHERE ${GRANTED}), 0)`,
  refused: "coalesce(sum(f.record_key) FILTER (WHERE f.outcome = 'REFUSED'), 0)",
  highlySkilledGranted: `coalesce(sum(f.record_key) FILTER (WHERE ${GRANTED} AND f.category IN (${HS_LIST})), 0)`,
  inadmissible: "coalesce(sum(f.record_key) FILTER (WHERE f.status = 'INADMISSIBLE'), 0)",
  highlyQualifiedGranted: `coalesce(sum(f.record_key) FILTER (WHERE ${GRANTED} AND f.vks IN ('5', '6', '7', '8')), 0)`,
  qualificationKnownGranted: `coalesce(sum(f.record_key) FILTER (WHERE ${GRANTED} AND f.vks <> 'UNKNOWN'), 0)`,
  appealsDecided: 'coalesce(sum(f.record_key), 0)',
  appealsOverturned: "coalesce(sum(f.record_key) FILTER (WHERE f.appeal_outcome = 'OVERTURNED'), 0)",
  handedOver: 'coalesce(sum(f.record_key) FILTER (WHERE f.handover_days IS NOT NULL), 0)',
  revoked: `coalesce(sum(f.record_key) FILTER (WHERE ${REVOKED}), 0)`,
  residenceGranted: `coalesce(sum(f.record_key) FILTER (WHERE ${GRANTED} AND f.federal_outcome = 'GRANTED'), 0)`,
  residenceRefused: `coalesce(sum(f.record_key) FILTER (WHERE ${GRANTED} AND f.federal_outcome = 'REFUSED'), 0)`,
  inspections: 'coalesce(sum(f.record_key), 0)',
  inspectedWorkers: 'coalesce(sum(f.record_key), 0)',
  recognitions: 'coalesce(sum(f.record_key), 0)',
};

export function isDimensionId(value: string): value is DimensionId {
  return (DIMENSION_IDS as readonly string[]).includes(value);
}

export function isMeasureId(value: string): value is MeasureId {
  return Object.hasOwn(MEASURES, value);
}

/** The year column of a branch: submission for the cohort, regional decision, appeal or inspection. */
export function yearColumn(branch: Branch): string {
  return {
    cohort: 'f.submitted_year',
    decision: 'f.decided_year',
    appeal: 'f.appeal_year',
    inspection: 'f.inspected_year',
    inspectedWorker: 'f.inspected_year',
    recognition: 'f.submitted_year',
  }[branch];
}
