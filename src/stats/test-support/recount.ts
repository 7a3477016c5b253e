import { expect } from 'vitest';
import type { TestDatabase } from '../../../test/test-database.ts';
import { ageOn, toDayNumber } from '../../rules/dates/iso-date.ts';
import { brusselsDate } from '../../server/today.ts';
import {
  type DimensionId,
  HIGHLY_SKILLED_CATEGORIES,
  MEASURES,
  type MeasureId,
  TOTAL,
} from '../dimensions.ts';
import { REPORTS, type ReportDefinition } from '../reports/index.ts';
import { reportDimensions, reportGroupingSets, runReport } from '../reports/run-report.ts';
import { questionCategoryOf } from '../stats-ids.ts';
import { inspectionFacts, recognitionFacts } from './inspection-recount.ts';

/**
 * The brute-force recount every report is tested against: loops and maps over the raw dossier rows
 * (not over the statistics table), so the triggers, the SQL and the margins must agree with a count
 * anyone can read. Shared by the statistics tests (src/stats/*.db.test.ts).
 */
export interface RawDossier {
  id: string;
  enterprise_number?: string;
  category: string;
  kind: string;
  status: string;
  application: {
    worker?: Record<string, unknown>;
    job?: Record<string, unknown>;
    athlete?: { role?: string | null };
  };
  assessment: { procedure?: { region?: string; province?: string | null } } | null;
  decision: {
    outcome?: string;
    reasonCodes?: string[];
    validFrom?: string;
    validUntil?: string;
    decidedOn?: string;
  } | null;
  submitted_at: Date;
  admissible_on: string | null;
  decided_on: string | null;
  due_date: string | null;
  federal_decided_on: string | null;
  federal_status?: string;
}

export interface Fact {
  dims: Record<DimensionId, string>;
  submittedYear: number;
  decidedYear: number | null;
  isAdmissible: boolean;
  isWithdrawn: boolean;
  isInadmissible: boolean;
  /** A grant later withdrawn by the service (status REVOKED). */
  isRevoked: boolean;
  outcome: string | null;
  reasons: string[];
  regionalLead: number | null;
  federalLead: number | null;
  admissibilityLead: number | null;
  totalLead: number | null;
  /** Admissibility → handed over to the Immigration Office (its outbox row sent). */
  handover: number | null;
  /** The Immigration Office's decision on a grant's residence part, once known. */
  residenceOutcome: string | null;
  /** The last appeal decided, from the action log. */
  appealYear: number | null;
  appealOutcome: string | null;
  isWithinDeadline: boolean | null;
  /**
   * A fact of another source, counted by its one measure only: an inspection, an inspected worker
   * (one per inspection and valid grant), a NARIC recognition (one per dossier and reference).
   */
  other?: { year: number; measure: 'inspections' | 'inspectedWorkers' | 'recognitions' };
}

function ageBand(age: number): string {
  if (age < 25) return 'UNDER_25';
  if (age < 30) return 'FROM_25_TO_29';
  if (age < 40) return 'FROM_30_TO_39';
  if (age < 50) return 'FROM_40_TO_49';
  return 'FROM_50';
}

/** An athlete's role as the application records it; any other text is no role. */
function athleteRole(d: RawDossier): string | null {
  const role = d.application.athlete?.role;
  return role === 'PLAYER' || role === 'TRAINER' || role === 'REFEREE' ? role : null;
}

export function factOf(d: RawDossier, appeal?: { on: string; outcome: string }, handedOverOn?: string): Fact {
  const submittedOn = brusselsDate(d.submitted_at);
  const worker = d.application.worker ?? {};
  const job = d.application.job ?? {};
  const outcome =
    d.decided_on && (d.decision?.outcome === 'GRANTED' || d.decision?.outcome === 'REFUSED')
      ? d.decision.outcome
      : null;
  const isNurse = worker.profession === 'NURSE';
  const isCare = !isNurse && (job.migrationListFunction === 'care-worker' || job.isCareFunction === true);
  const days = (from: string | null, to: string | null) =>
    from && to ? toDayNumber(to) - toDayNumber(from) : null;
  return {
    dims: {
      year: '',
      category: d.category,
      province: d.assessment?.procedure?.province ?? 'UNKNOWN',
      region: d.assessment?.procedure?.region ?? 'UNKNOWN',
      nationality: String(worker.nationality ?? 'UNKNOWN'),
      sex: String(worker.sex ?? 'UNKNOWN'),
      ageBand:
        typeof worker.birthDate === 'string' ? ageBand(ageOn(worker.birthDate, submittedOn)) : 'UNKNOWN',
      vks: worker.qualificationVks == null ? 'UNKNOWN' : String(worker.qualificationVks),
      iscoMajorGroup: typeof job.iscoCode === 'string' ? job.iscoCode.slice(0, 1) : 'UNKNOWN',
      migrationListFunction: String(job.migrationListFunction ?? 'NONE'),
      kind: d.kind,
      refusalReason: '',
      careProfession: isNurse ? 'NURSE' : isCare ? 'CARE_WORKER' : 'OTHER',
      inspectionOrigin: '',
      inspectionOutcome: '',
      recognitionStatus: '',
      questionCategory: questionCategoryOf(d.category, athleteRole(d)),
    },
    submittedYear: Number(submittedOn.slice(0, 4)),
    decidedYear: outcome ? Number(d.decided_on?.slice(0, 4)) : null,
    isAdmissible: d.admissible_on !== null,
    isWithdrawn: d.status === 'WITHDRAWN',
    isInadmissible: d.status === 'INADMISSIBLE',
    isRevoked: outcome === 'GRANTED' && d.status === 'REVOKED',
    outcome,
    reasons:
      outcome === 'REFUSED' ? (d.decision?.reasonCodes?.length ? d.decision.reasonCodes : ['OTHER']) : [],
    regionalLead: outcome ? days(d.admissible_on, d.decided_on) : null,
    federalLead: outcome === 'GRANTED' ? days(d.decided_on, d.federal_decided_on) : null,
    admissibilityLead: days(submittedOn, d.admissible_on),
    totalLead: outcome === 'GRANTED' ? days(submittedOn, d.federal_decided_on) : null,
    handover: handedOverOn ? days(d.admissible_on, handedOverOn) : null,
    residenceOutcome:
      outcome === 'GRANTED' && (d.federal_status === 'GRANTED' || d.federal_status === 'REFUSED')
        ? d.federal_status
        : null,
    appealYear: appeal ? Number(appeal.on.slice(0, 4)) : null,
    appealOutcome: appeal?.outcome ?? null,
    isWithinDeadline: outcome && d.due_date ? (d.decided_on as string) <= d.due_date : null,
  };
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
}

function round(measure: MeasureId, value: number | null): number | null {
  const decimals = (MEASURES[measure] as { decimals?: number }).decimals;
  if (value === null || decimals === undefined) return value;
  return Math.round(value * 10 ** decimals) / 10 ** decimals;
}

/** The recount: loops and maps only. */
export function recount(
  facts: Fact[],
  definition: ReportDefinition,
  years: [number, number],
  by?: DimensionId,
): Map<string, Record<string, number | null>> {
  const dimensions = reportDimensions(definition, by);
  const sets = reportGroupingSets(definition, dimensions.length);
  const measures = definition.measures;
  const cells = new Map<string, { counts: Record<string, number>; lists: Record<string, number[]> }>();
  const isHighly = (c: string) => (HIGHLY_SKILLED_CATEGORIES as readonly string[]).includes(c);
  const touch = (
    fact: Fact,
    year: number,
    reason: string,
    add: (c: typeof cells extends Map<string, infer V> ? V : never) => void,
  ) => {
    const dims = { ...fact.dims, year: String(year), refusalReason: reason };
    for (const [dimension, allowed] of Object.entries(definition.only ?? {}))
      if (!allowed?.includes(dims[dimension as DimensionId])) return;
    for (const set of sets) {
      const key = dimensions.map((d, i) => (set.includes(i) ? dims[d] : TOTAL)).join('|');
      let cell = cells.get(key);
      if (!cell) {
        cell = { counts: {}, lists: {} };
        cells.set(key, cell);
      }
      add(cell);
    }
  };
  const inc = (cell: { counts: Record<string, number> }, m: string, when: boolean) => {
    cell.counts[m] = (cell.counts[m] ?? 0) + (when ? 1 : 0);
  };
  const hasCohort = measures.some((m) => MEASURES[m].branch === 'cohort');
  const hasDecision = measures.some((m) => MEASURES[m].branch === 'decision');
  const hasAppeal = measures.some((m) => MEASURES[m].branch === 'appeal');
  const byReason = dimensions.includes('refusalReason');
  for (const fact of facts) {
    const other = fact.other;
    if (other) {
      if (measures.includes(other.measure) && other.year >= years[0] && other.year <= years[1])
        touch(fact, other.year, '', (cell) => inc(cell, other.measure, true));
      continue;
    }
    if (hasCohort && fact.submittedYear >= years[0] && fact.submittedYear <= years[1]) {
      touch(fact, fact.submittedYear, '', (cell) => {
        inc(cell, 'applications', true);
        inc(cell, 'admissible', fact.isAdmissible);
        inc(cell, 'withdrawn', fact.isWithdrawn);
        inc(cell, 'inadmissible', fact.isInadmissible);
        inc(cell, 'handedOver', fact.handover !== null);
        cell.lists.handover ??= [];
        if (fact.handover !== null) cell.lists.handover.push(fact.handover);
      });
    }
    const appealed = fact.appealYear;
    if (hasAppeal && appealed !== null && appealed >= years[0] && appealed <= years[1]) {
      touch(fact, appealed, '', (cell) => {
        inc(cell, 'appealsDecided', true);
        inc(cell, 'appealsOverturned', fact.appealOutcome === 'OVERTURNED');
      });
    }
    const decided = fact.decidedYear;
    if (!hasDecision || decided === null || decided < years[0] || decided > years[1]) continue;
    for (const reason of byReason ? fact.reasons : ['']) {
      touch(fact, decided, reason, (cell) => {
        inc(cell, 'decided', true);
        inc(cell, 'granted', fact.outcome === 'GRANTED');
        inc(cell, 'refused', fact.outcome === 'REFUSED');
        inc(cell, 'revoked', fact.isRevoked);
        inc(cell, 'residenceGranted', fact.residenceOutcome === 'GRANTED');
        inc(cell, 'residenceRefused', fact.residenceOutcome === 'REFUSED');
        inc(cell, 'highlySkilledGranted', fact.outcome === 'GRANTED' && isHighly(fact.dims.category));
        inc(cell, 'highlyQualifiedGranted', fact.outcome === 'GRANTED' && Number(fact.dims.vks) >= 5);
        inc(cell, 'qualificationKnownGranted', fact.outcome === 'GRANTED' && fact.dims.vks !== 'UNKNOWN');
        const push = (m: string, v: number | null) => {
          cell.lists[m] ??= [];
          if (v !== null) cell.lists[m].push(v);
        };
        push('regional', fact.regionalLead);
        push('federal', fact.federalLead);
        push('admissibility', fact.admissibilityLead);
        push('total', fact.totalLead);
        push('deadline', fact.isWithinDeadline === null ? null : fact.isWithinDeadline ? 1 : 0);
      });
    }
  }
  const result = new Map<string, Record<string, number | null>>();
  for (const [key, { counts, lists }] of cells) {
    const value = (m: MeasureId): number | null => {
      switch (m) {
        case 'highlySkilledShare':
          return counts.granted ? (counts.highlySkilledGranted ?? 0) / counts.granted : null;
        case 'highlyQualifiedShare':
          return counts.qualificationKnownGranted
            ? (counts.highlyQualifiedGranted ?? 0) / counts.qualificationKnownGranted
            : null;
        case 'regionalLeadMedianDays':
          return percentile(lists.regional ?? [], 0.5);
        case 'regionalLeadP90Days':
          return percentile(lists.regional ?? [], 0.9);
        case 'federalLeadMedianDays':
          return percentile(lists.federal ?? [], 0.5);
        case 'federalLeadP90Days':
          return percentile(lists.federal ?? [], 0.9);
        case 'handoverMedianDays':
          return percentile(lists.handover ?? [], 0.5);
        case 'handoverP90Days':
          return percentile(lists.handover ?? [], 0.9);
        case 'admissibilityLeadMedianDays':
          return percentile(lists.admissibility ?? [], 0.5);
        case 'admissibilityLeadP90Days':
          return percentile(lists.admissibility ?? [], 0.9);
        case 'totalLeadMedianDays':
          return percentile(lists.total ?? [], 0.5);
        case 'totalLeadP90Days':
          return percentile(lists.total ?? [], 0.9);
        case 'withinDeadlineShare': {
          const list = lists.deadline ?? [];
          return list.length ? list.reduce((a, b) => a + b, 0) / list.length : null;
        }
        default:
          return counts[m] ?? 0;
      }
    };
    result.set(key, Object.fromEntries(measures.map((m) => [m, round(m, value(m))])));
  }
  return result;
}

export async function reportAsMap(
  db: TestDatabase,
  definition: ReportDefinition,
  years: [number, number],
  by?: DimensionId,
) {
  const report = await runReport(db.db, definition, { filters: { years }, ...(by ? { by } : {}) });
  const map = new Map<string, Record<string, number | null>>();
  for (const row of report.rows) map.set(report.dimensions.map((d) => row.key[d]).join('|'), row.values);
  map.set(report.dimensions.map(() => TOTAL).join('|'), report.totals);
  return map;
}

/** Every report (each `by` of q4) at the given years equals the recount of the current raw rows. */
export async function expectReportsToMatchRecount(db: TestDatabase, years: [number, number]): Promise<void> {
  const facts = await loadFacts(db);
  for (const definition of REPORTS) {
    for (const by of definition.columnChoices ?? [undefined]) {
      const label = `${definition.id}${by ? ` by ${by}` : ''}`;
      const expected = recount(facts, definition, years, by);
      const actual = await reportAsMap(db, definition, years, by);
      const total = reportDimensions(definition, by)
        .map(() => TOTAL)
        .join('|');
      // The recount has no grand total when nothing at all is counted; the report shows zeros.
      expect([...actual.keys()].filter((k) => k !== total).sort(), label).toEqual(
        [...expected.keys()].filter((k) => k !== total).sort(),
      );
      for (const [key, values] of expected) expect(actual.get(key), `${label} ${key}`).toEqual(values);
    }
  }
}

export async function loadFacts(db: TestDatabase): Promise<Fact[]> {
  const rows = await db.db
    .selectFrom('dossiers')
    .select([
      'id',
      'enterprise_number',
      'category',
      'kind',
      'status',
      'application',
      'assessment',
      'decision',
      'submitted_at',
      'admissible_on',
      'decided_on',
      'due_date',
      'federal_decided_on',
      'federal_status',
    ])
    .where('submitted_at', 'is not', null)
    .execute();
  const appeals = new Map<string, { on: string; outcome: string }>();
  const actions = await db.db
    .selectFrom('dossier_actions')
    .select(['dossier_id', 'effective_on', 'details'])
    .where('action', 'in', ['DECIDE_APPEAL', 'GRANT_ON_APPEAL', 'REOPEN_ON_APPEAL'])
    .orderBy('id')
    .execute();
  for (const action of actions) {
    const outcome = String((action.details as { appealOutcome?: string }).appealOutcome);
    appeals.set(action.dossier_id, { on: String(action.effective_on), outcome });
  }
  const handedOver = new Map<string, string>();
  const sent = await db.db
    .selectFrom('federal_outbox')
    .select(['dossier_id', 'sent_at'])
    .where('kind', '=', 'ADMISSIBLE')
    .where('sent_at', 'is not', null)
    .execute();
  for (const row of sent) {
    const day = brusselsDate(row.sent_at as Date);
    const earlier = handedOver.get(row.dossier_id);
    if (!earlier || day < earlier) handedOver.set(row.dossier_id, day);
  }
  const facts = rows.map((row) =>
    factOf(row as unknown as RawDossier, appeals.get(row.id), handedOver.get(row.id)),
  );
  const inspections = await db.db
    .selectFrom('inspections')
    .select(['id', 'enterprise_number', 'origin', 'outcome', 'inspected_on'])
    .execute();
  const recognitions = await db.db
    .selectFrom('register_facts')
    .select(['dossier_id', 'is_found', 'value'])
    .where('source', '=', 'naric')
    .execute();
  return [
    ...facts,
    ...inspectionFacts(rows as unknown as RawDossier[], facts, inspections),
    ...recognitionFacts(rows as unknown as RawDossier[], facts, recognitions),
  ];
}
