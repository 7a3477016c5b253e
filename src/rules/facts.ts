import type { CompetentAuthority, ReasonCode, WarningCode } from './contract.ts';
import type { ParameterStatus } from './parameters/parameter-status.ts';

/**
 * The `facts` each reason and warning carries: the numbers and dates that decided it. Messages
 * are written from these, and a case handler can check the decision against them.
 */

export type Channel = 'VDAB' | 'EURES';

/** How a salary threshold was obtained (either a share of the base, or a fixed amount). */
export interface ThresholdFacts {
  salary: number;
  threshold: number;
  /** Monthly equivalent of the threshold (annual ÷ 13.92), as users are shown it. */
  thresholdMonthly: number;
  /** Human-readable derivation, e.g. "100% of the 2025 average gross annual wage". */
  basis: string;
  /** Share of the average wage, when the threshold is one. */
  share?: number;
  /** The average wage used and the date it holds from, when the threshold is a share of it. */
  averageWage?: number;
  averageWageFrom?: string;
  /** Why a reduced share applied, if it did. */
  reduction?: 'UNDER_AGE_LIMIT' | 'NURSE' | 'TEACHER';
  /** The parameter holding a fixed amount, when the threshold is one (athletes, artists). */
  amountParameter?: string;
  /** Date on which the threshold was resolved (job start date). */
  thresholdDate: string;
}

export interface ReasonFacts {
  MISSING_INFORMATION: { fields: string[] };
  INVALID_ENTERPRISE_NUMBER: { enterpriseNumber: string; problem: string };
  INVALID_INSZ: { insz: string; problem: string };
  NOT_COMPETENT_REGION: { postalCode: string; region: string | null; authority?: CompetentAuthority };
  QUALIFICATION_TOO_LOW: { qualificationVks: number; minimumVks: number; role?: string };
  FUNCTION_NOT_HIGHLY_SKILLED: { requiredVks: number; minimumVks: number };
  SALARY_BELOW_THRESHOLD: ThresholdFacts;
  CONTRACT_TOO_SHORT: { startDate: string; endDate: string; months: number; minimumMonths: number };
  NOT_ON_MIGRATION_LIST: { function: string; version: string; versionValidFrom: string };
  NOT_ON_SHORTAGE_LIST: { onVdabShortageList: false };
  LOW_SKILLED_FUNCTION_EXCLUDED: { requiredVks: number; maximumExcludedVks: number };
  VACANCY_PUBLICATION_INSUFFICIENT: {
    windowFrom: string;
    windowTo: string;
    minimumDaysPerChannel: number;
    daysByChannel: Partial<Record<Channel, number>>;
    shortChannels: Channel[];
  };
  WORKER_ALREADY_IN_BELGIUM: { location: 'BELGIUM' };
  EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM: { establishedInBelgium: false };
  EMPLOYMENT_FRACTION_TOO_LOW: { employmentFraction: number; minimumFraction: number };
  SEASONAL_DURATION_EXCEEDED: {
    startDate: string;
    /** Null for an open-ended contract. */
    endDate: string | null;
    days: number | null;
    maximumDays: number;
    referencePeriodDays: number;
  };
  ICT_CONDITIONS_NOT_MET: {
    sameGroup: boolean;
    priorEmploymentMonths: number;
    minimumPriorEmploymentMonths: number;
    failed: Array<'SAME_GROUP' | 'PRIOR_EMPLOYMENT'>;
  };
  EMPLOYER_EXCLUDED: { until: string; via: Array<'EMPLOYER' | 'DIRECTOR'>; applicationDate: string };
  FALSE_DOCUMENTS: { documentsFlaggedFalse: true };
  EMPLOYER_ALMOST_ONLY_NON_EU: {
    headcount: number;
    nonEuHeadcount: number;
    share: number;
    minimumShare: number;
    minimumHeadcount: number;
  };
  EMPLOYER_ACTS_AS_HUB: {
    permitsLast24Months: number;
    leftWithin6Months: number;
    share: number;
    minimumShare: number;
    minimumPermits: number;
  };
  HOSTING_AGREEMENT_REQUIRED: { hostingAgreement: false };
  CULT_NOT_RECOGNISED: { cult: string; recognisedCults: readonly string[] };
  WORK_AUTHORISATION_NOT_REQUIRED: { nationality: string; group: FreeMovementGroup };
  FUNCTION_ABOVE_MEDIUM_SKILLED: { requiredVks: number; maximumVks: number };
  LABOUR_MARKET_SEARCH_TO_JUDGE: {
    points: Array<'UNSUITABLE_CANDIDATES' | 'WORKPLACE_LEARNING' | 'SHARED_MANAGEMENT'>;
  };
  LOW_SKILLED_RENEWAL_TO_JUDGE: { requiredVks: number; maximumExcludedVks: number };
  MINISTER_SHORTAGE_NOT_DEMONSTRATED: { shortageDemonstrated: false };
  PAY_BELOW_MINIMUM: {
    grossAnnualSalary: number;
    /** grossAnnualSalary ÷ salary.monthlyDivisor (13th month and holiday pay included). */
    monthlySalary: number;
    employmentFraction: number;
    guaranteedMinimumMonthly: number;
    sectorScaleMonthly: number | null;
    /** The higher of the two, full time, times the employment fraction. */
    minimumMonthly: number;
    thresholdDate: string;
  };
  INTEGRATION_TEST_NOT_PASSED: { integrationTestPassed: false };
}

/** Why a nationality needs no work authorisation: Belgian, or the treaty that gives free movement. */
export type FreeMovementGroup = 'BELGIAN' | 'EU' | 'EEA' | 'SWITZERLAND' | 'UK_TRANSITION';

export interface WarningFacts {
  VALIDITY_LIMITED_BY_AGE: {
    until: string;
    turnsAgeLimitOn: string;
    ageLimit: number;
    requestedUntil: string;
  };
  /** Why recognition is needed: the worker is a nurse, or the function's ISCO group is regulated. */
  REGULATED_PROFESSION: {
    profession: 'NURSE' | null;
    iscoCode: string | null;
    naricReference: string | null;
  };
  /** `source` is a public citation (shown to staff); `status` is PROVISIONAL or CONFLICTING. */
  PARAMETER_UNVERIFIED: {
    parameter: string;
    value: unknown;
    validFrom: string;
    source: string;
    status: Exclude<ParameterStatus, 'VERIFIED'>;
  };
}

export type AnyReasonFacts = ReasonFacts[ReasonCode];
export type AnyWarningFacts = WarningFacts[WarningCode];
