import { DIMENSIONS, type DimensionId, HIGHLY_SKILLED_CATEGORIES, type MeasureId } from './dimensions.ts';

/**
 * What each rollup holds (migrations 0005, 0019, 0033 and 0037), as data for the planner in
 * rollups.ts: its table, the dimensions it groups by, the counts it keeps and how to read them.
 * A measure is read from the first source of its branch that holds the request's dimensions,
 * filters, counts and key sums; otherwise the fact table answers.
 */

export interface Source {
  readonly table: string;
  /** Dimensions the rollup groups by (SQL over alias `f`). */
  readonly columns: Partial<Record<DimensionId, string>>;
  readonly year: string;
  /** A row holds no dossier any more once this is 0 (a dossier moved to another cell). */
  readonly isLive: string;
  /** The counts it keeps (their key sums with them, where the measure has one). */
  readonly measures: readonly MeasureId[];
  /** Rows per breakdown (`breakdown`, `value`): one more dimension of BREAKDOWNS on top. */
  readonly hasBreakdowns: boolean;
}

/** 003 q2's categories: the rollups keep the athlete's role (migration 0033), '' for the others. */
const QUESTION_CATEGORY = DIMENSIONS.questionCategory.column;

const CARE_PROFESSION = 'f.care_profession';

export const COHORT: Source = {
  table: 'statistics_cohort_counts',
  columns: {
    year: 'f.submitted_year',
    category: 'f.category',
    province: 'f.province',
    kind: 'f.kind',
    questionCategory: QUESTION_CATEGORY,
  },
  year: 'f.submitted_year',
  isLive: 'f.applications <> 0',
  measures: ['applications', 'admissible', 'withdrawn', 'handedOver', 'inadmissible'],
  hasBreakdowns: false,
};

export const DECISION: Source = {
  table: 'statistics_decision_counts',
  columns: {
    year: 'f.decided_year',
    category: 'f.category',
    province: 'f.province',
    kind: 'f.kind',
    careProfession: CARE_PROFESSION,
    questionCategory: QUESTION_CATEGORY,
  },
  year: 'f.decided_year',
  isLive: 'f.decided <> 0',
  measures: [
    'decided',
    'granted',
    'refused',
    'highlySkilledGranted',
    'highlySkilledShare',
    'withinDeadlineShare',
    'residenceGranted',
    'residenceRefused',
    'revoked',
    'qualificationKnownGranted',
    'highlyQualifiedGranted',
    'highlyQualifiedShare',
  ],
  hasBreakdowns: true,
};

/**
 * Migration 0037: age band and sex together (q4Combined, category × age band × sex), for the
 * decision counts only; asked when the request needs both, which DECISION cannot hold.
 */
export const PROFILE: Source = {
  table: 'statistics_profile_counts',
  columns: {
    year: 'f.decided_year',
    category: 'f.category',
    province: 'f.province',
    questionCategory: QUESTION_CATEGORY,
    ageBand: 'f.age_band',
    sex: 'f.sex',
  },
  year: 'f.decided_year',
  isLive: 'f.decided <> 0',
  measures: ['decided', 'granted', 'refused', 'highlySkilledGranted', 'highlySkilledShare'],
  hasBreakdowns: false,
};

/** Migration 0037: the last appeal decided per dossier, by the year of that decision. */
export const APPEAL: Source = {
  table: 'statistics_appeal_counts',
  columns: {
    year: 'f.appeal_year',
    category: 'f.category',
    province: 'f.province',
    kind: 'f.kind',
    careProfession: CARE_PROFESSION,
    questionCategory: QUESTION_CATEGORY,
  },
  year: 'f.appeal_year',
  isLive: 'f.appeals_decided <> 0',
  measures: ['appealsDecided', 'appealsOverturned'],
  hasBreakdowns: false,
};

/** The count sources of each branch, in the order the planner tries them. */
export const COUNT_SOURCES: Partial<Record<string, readonly Source[]>> = {
  cohort: [COHORT],
  decision: [DECISION, PROFILE],
  appeal: [APPEAL],
};

export const LEAD_TIMES: Source = {
  table: 'statistics_lead_times',
  columns: { year: 'f.decided_year', category: 'f.category', province: 'f.province' },
  year: 'f.decided_year',
  isLive: 'f.dossiers <> 0',
  measures: [],
  hasBreakdowns: false,
};

/** Histograms by year of submission (migration 0033: the hand-over delay of q7). */
export const COHORT_LEAD_TIMES: Source = {
  table: 'statistics_cohort_lead_times',
  columns: { year: 'f.submitted_year', category: 'f.category', province: 'f.province' },
  year: 'f.submitted_year',
  isLive: 'f.dossiers <> 0',
  measures: [],
  hasBreakdowns: false,
};

/** The one extra dimension a decision-count row may carry, as `breakdown` and `value`. */
export const BREAKDOWNS: Partial<Record<DimensionId, string>> = {
  ageBand: 'age_band',
  sex: 'sex',
  vks: 'vks',
  nationality: 'nationality',
  refusalReason: 'reason',
};

const HS_LIST = HIGHLY_SKILLED_CATEGORIES.map((c) => `'${c}'`).join(', ');

/** Same definitions as MEASURES (dimensions.ts), over sums; coalesce so an empty total is 0 as count(*). */
export const COUNT_MEASURES: Partial<Record<MeasureId, string>> = {
  applications: 'coalesce(sum(f.applications), 0)',
  admissible: 'coalesce(sum(f.admissible), 0)',
  withdrawn: 'coalesce(sum(f.withdrawn), 0)',
  decided: 'coalesce(sum(f.decided), 0)',
  granted: 'coalesce(sum(f.granted), 0)',
  refused: 'coalesce(sum(f.refused), 0)',
  highlySkilledGranted: `coalesce(sum(f.granted) FILTER (WHERE f.category IN (${HS_LIST})), 0)`,
  highlySkilledShare: `coalesce(sum(f.granted) FILTER (WHERE f.category IN (${HS_LIST})), 0)::float8 / nullif(sum(f.granted), 0)`,
  withinDeadlineShare: 'sum(f.within_deadline)::float8 / nullif(sum(f.with_deadline), 0)',
  handedOver: 'coalesce(sum(f.handed_over), 0)',
  residenceGranted: 'coalesce(sum(f.residence_granted), 0)',
  residenceRefused: 'coalesce(sum(f.residence_refused), 0)',
  // Migration 0037.
  inadmissible: 'coalesce(sum(f.inadmissible), 0)',
  revoked: 'coalesce(sum(f.revoked), 0)',
  qualificationKnownGranted: 'coalesce(sum(f.qualification_known_granted), 0)',
  highlyQualifiedGranted: 'coalesce(sum(f.highly_qualified_granted), 0)',
  highlyQualifiedShare:
    'coalesce(sum(f.highly_qualified_granted), 0)::float8 / nullif(sum(f.qualification_known_granted), 0)',
  appealsDecided: 'coalesce(sum(f.appeals_decided), 0)',
  appealsOverturned: 'coalesce(sum(f.appeals_overturned), 0)',
};

/** KEY_SUMS (dimensions.ts) over the rollups' key sums. */
export const KEY_SUMS: Partial<Record<MeasureId, string>> = {
  applications: 'coalesce(sum(f.applications_key), 0)',
  admissible: 'coalesce(sum(f.admissible_key), 0)',
  withdrawn: 'coalesce(sum(f.withdrawn_key), 0)',
  decided: 'coalesce(sum(f.decided_key), 0)',
  granted: 'coalesce(sum(f.granted_key), 0)',
  refused: 'coalesce(sum(f.refused_key), 0)',
  highlySkilledGranted: `coalesce(sum(f.granted_key) FILTER (WHERE f.category IN (${HS_LIST})), 0)`,
  handedOver: 'coalesce(sum(f.handed_over_key), 0)',
  residenceGranted: 'coalesce(sum(f.residence_granted_key), 0)',
  residenceRefused: 'coalesce(sum(f.residence_refused_key), 0)',
  // Migration 0037.
  inadmissible: 'coalesce(sum(f.inadmissible_key), 0)',
  revoked: 'coalesce(sum(f.revoked_key), 0)',
  qualificationKnownGranted: 'coalesce(sum(f.qualification_known_granted_key), 0)',
  highlyQualifiedGranted: 'coalesce(sum(f.highly_qualified_granted_key), 0)',
  appealsDecided: 'coalesce(sum(f.appeals_decided_key), 0)',
  appealsOverturned: 'coalesce(sum(f.appeals_overturned_key), 0)',
};
