import type { Lang } from '../i18n/languages.ts';
import { guideCategory } from '../rules/category-guidance.ts';
import { addMonths } from '../rules/dates/iso-date.ts';
import {
  type Application,
  type Assessment,
  assessWith,
  type Category,
  freeMovementGroupOf,
  type RuleData,
} from '../rules/index.ts';

/**
 * Whether a shortage vacancy's function is on the shortage lists in force, and which permit route
 * a worker from a third country would take to fill it: the rules engine's own answer (category,
 * procedure, regional deadline, fee), never a table kept here. Pure, given the rule data.
 */

/** The categories a vacancy can be filled through, most common first (the employer's usual choice). */
export const ROUTE_CATEGORIES = [
  'HIGHLY_SKILLED',
  'EU_BLUE_CARD',
  'MEDIUM_SKILLED_SHORTAGE',
  'OTHER_LABOUR_MARKET_TEST',
] as const satisfies readonly Category[];

export interface VacancyFacts {
  enterpriseNumber: string;
  iscoCode: string;
  /** The function's names (ESCO labels in every language, and the vacancy's title). */
  names: readonly string[];
  title: string;
  postalCode: string;
  requiredVks: number;
  startDate: string;
  grossAnnualSalary: number | null;
  onVdabShortageList: boolean | null;
}

export interface WorkerFacts {
  nationality: string;
  educationVks: number;
  /** Regulated care professions: the NARIC file, when there is one. */
  naricReference: string | null;
}

export type RouteStatus = 'OPEN' | 'TO_COMPLETE' | 'TO_JUDGE';

export interface PermitRoute {
  category: Category;
  status: RouteStatus;
  procedureType: Assessment['procedure']['type'];
  track: Assessment['procedure']['track'];
  /** Days the region has to decide, from admissibility (on the fast lane from the application, legal-clock.ts). */
  regionalDeadlineDays: number;
  feeAmountDue: number;
  feeExemption: Assessment['fee']['exemption'];
  /** What the application would still have to give (field paths of MISSING_INFORMATION). */
  toComplete: string[];
  /** Reasons a case handler would weigh (NEEDS_REVIEW). */
  toJudge: string[];
}

export interface ShortageStatus {
  /** The migration list in force on the date and the function of it the occupation matches, if any. */
  migrationList: { version: string; functionId: string; labels: Readonly<Record<Lang, string>> }[];
  /** VDAB's shortage list (knelpuntberoepen) as the employer declared it; Loket holds no copy of it. */
  onVdabShortageList: boolean | null;
  /** The function is a regulated care profession (recognition of the diploma needed). */
  regulatedProfession: boolean;
  /** The route a third-country worker with the required level would take, or null when every category refuses. */
  route: PermitRoute | null;
  /** Per category tried and refused: the reasons why. */
  refusedCategories: { category: Category; reasonCodes: string[] }[];
}

/** A function id no migration list has: the engine then says NOT_ON_MIGRATION_LIST itself. */
const NOT_ON_THE_LIST = 'not-on-the-migration-list';

/** Any nationality outside free movement: ISO 3166 reserves XX for "unknown", never a free-movement state. */
export const ANY_THIRD_COUNTRY = 'XX';

function applicationFor(
  vacancy: VacancyFacts,
  worker: WorkerFacts,
  category: Category,
  at: string,
  migrationListFunction: string | null,
  isRegulated: boolean,
): Application {
  return {
    applicationDate: at,
    category,
    employer: { enterpriseNumber: vacancy.enterpriseNumber },
    worker: {
      // Loket keeps no candidate's birth date: the route is judged at an age past the reduced
      // salary threshold (the full threshold), the conservative answer.
      birthDate: addMonths(vacancy.startDate < at ? at : vacancy.startDate, -12 * 40),
      nationality: worker.nationality,
      location: 'ABROAD',
      qualificationVks: worker.educationVks,
      profession: isRegulated ? 'NURSE' : null,
      naricReference: worker.naricReference,
    },
    job: {
      title: vacancy.title,
      iscoCode: vacancy.iscoCode,
      requiredVks: vacancy.requiredVks,
      migrationListFunction,
      onVdabShortageList: vacancy.onVdabShortageList,
      grossAnnualSalary: vacancy.grossAnnualSalary,
      startDate: vacancy.startDate < at ? at : vacancy.startDate,
      endDate: null,
      workplacePostalCode: vacancy.postalCode,
    },
  };
}

function routeOf(assessment: Assessment): PermitRoute | { refused: string[] } {
  const refused = assessment.reasons.filter((reason) => reason.effect === 'REFUSE').map((r) => r.code);
  if (refused.length > 0 || assessment.outcome === 'INELIGIBLE') return { refused };
  const toComplete = assessment.reasons
    .filter((reason) => reason.code === 'MISSING_INFORMATION')
    .flatMap((reason) => (reason.facts.fields as string[] | undefined) ?? []);
  const toJudge = assessment.reasons
    .filter((reason) => reason.effect === 'REVIEW')
    .map((reason) => reason.code);
  return {
    category: assessment.category,
    status: toComplete.length > 0 ? 'TO_COMPLETE' : toJudge.length > 0 ? 'TO_JUDGE' : 'OPEN',
    procedureType: assessment.procedure.type,
    track: assessment.procedure.track,
    regionalDeadlineDays: assessment.procedure.regionalDeadlineDays,
    feeAmountDue: assessment.fee.amountDue,
    feeExemption: assessment.fee.exemption,
    toComplete,
    toJudge,
  };
}

const STATUS_ORDER: Record<RouteStatus, number> = { OPEN: 0, TO_JUDGE: 1, TO_COMPLETE: 2 };

/**
 * The shortage lists and the permit route for a vacancy, filled by `worker` (by default any
 * third-country national with exactly the required level). Every route category is assessed; the
 * first with the fewest open questions wins (ROUTE_CATEGORIES breaks ties).
 */
export function shortageStatus(
  data: RuleData,
  vacancy: VacancyFacts,
  at: string,
  lang: Lang,
  worker: WorkerFacts = {
    nationality: ANY_THIRD_COUNTRY,
    educationVks: vacancy.requiredVks,
    naricReference: null,
  },
): ShortageStatus {
  const hints = guideCategory(data, { iscoCode: vacancy.iscoCode, names: vacancy.names }, at);
  const onList = hints.flatMap((hint) =>
    hint.kind === 'MIGRATION_LIST'
      ? [{ version: hint.migrationListVersion, functionId: hint.functionId, labels: hint.functionLabels }]
      : [],
  );
  const regulated = (data.parameters.resolve('profession.regulatedCareIscoCodes', at)?.value ??
    []) as string[];
  const isRegulated = regulated.includes(vacancy.iscoCode);
  let best: PermitRoute | null = null;
  const refusedCategories: ShortageStatus['refusedCategories'] = [];
  for (const category of ROUTE_CATEGORIES) {
    let found: PermitRoute | { refused: string[] };
    try {
      const application = applicationFor(
        vacancy,
        worker,
        category,
        at,
        onList[0]?.functionId ?? NOT_ON_THE_LIST,
        isRegulated,
      );
      found = routeOf(assessWith(data, application, { at, lang }));
    } catch {
      // A category not in force on the date (RuleNotInForceError) is no route.
      continue;
    }
    if ('refused' in found) refusedCategories.push({ category, reasonCodes: found.refused });
    else if (!best || STATUS_ORDER[found.status] < STATUS_ORDER[best.status]) best = found;
  }
  return {
    migrationList: onList,
    onVdabShortageList: vacancy.onVdabShortageList,
    regulatedProfession: isRegulated,
    route: best,
    refusedCategories,
  };
}

/** Whether a worker of this nationality needs a work authorisation at all on the date (rules engine). */
export function needsAuthorisation(nationality: string, at: string, data: RuleData): boolean {
  return nationality !== 'BE' && freeMovementGroupOf(nationality, at, data) === null;
}
