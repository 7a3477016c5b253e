import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { type Application, getDefaultRuleData, salaryThresholdOf } from '../rules/index.ts';
import type { Address } from '../sources/index.ts';
import type { EmployerRisk, Signal } from './monitoring-types.ts';
import type { ThresholdedAuthorisation, WageConformityRow } from './wage-conformity.ts';

/**
 * SQL of the enforcement capability: the granted, still valid dossiers to monitor, the runs, their
 * scores and signals, and the inspections. A run's results are written in one transaction, so the
 * work list never shows half a run.
 */

/** Granted dossiers still valid on `today` whose worker has an INSZ (the registers know no one without). */
export async function listMonitoredAuthorisations(
  db: Db,
  today: string,
): Promise<ThresholdedAuthorisation[]> {
  const data = getDefaultRuleData();
  const rows = await db
    .selectFrom('dossiers')
    // The KBO record the register check read at filing: the employer's address then (EMPLOYER_MOVED).
    .leftJoin('register_facts as filed', (join) =>
      join
        .onRef('filed.dossier_id', '=', 'dossiers.id')
        .on('filed.source', '=', 'kbo')
        .on('filed.is_found', '=', true)
        .on('filed.subject', '=', sql<string>`'enterprise:' || dossiers.enterprise_number`),
    )
    .select([
      'dossiers.id as id',
      'dossiers.enterprise_number as enterprise_number',
      'dossiers.category as category',
      'dossiers.application as application',
      'dossiers.decision as decision',
      'dossiers.decided_on as decided_on',
      sql<Address | null>`filed.value->'registeredAddress'`.as('filed_address'),
      'filed.fetched_at as filed_at',
      'filed.request_id as filed_request_id',
    ])
    .where('dossiers.status', '=', 'DECIDED_GRANTED')
    .where(sql<boolean>`(decision->>'validUntil') >= ${today}`)
    .where(sql<boolean>`application->'worker'->>'insz' IS NOT NULL`)
    .execute();
  return rows.map((row) => {
    const application = row.application as {
      worker?: { insz?: string };
      job?: {
        grossAnnualSalary?: number | null;
        employmentFraction?: number | null;
        workplacePostalCode?: string;
      };
    };
    const decision = (row.decision ?? {}) as { validFrom?: string; validUntil?: string; decidedOn?: string };
    const granted = decision.decidedOn ?? row.decided_on ?? decision.validFrom ?? today;
    return {
      authorisationId: row.id,
      enterpriseNumber: row.enterprise_number,
      insz: (application.worker?.insz ?? '').replace(/\D/g, ''),
      grossAnnualSalary: application.job?.grossAnnualSalary ?? null,
      employmentFraction: application.job?.employmentFraction ?? 1,
      grantedOn: granted,
      validFrom: decision.validFrom ?? granted,
      validUntil: decision.validUntil ?? today,
      workplacePostalCode: application.job?.workplacePostalCode ?? '',
      filedEmployerAddress:
        row.filed_address && row.filed_at
          ? {
              address: row.filed_address,
              readAt: new Date(row.filed_at).toISOString(),
              requestId: row.filed_request_id ?? '',
            }
          : null,
      category: row.category,
      // The threshold the rules applied at the grant, for the market-conformity figures.
      salaryThreshold: salaryThresholdOf(data, row.application as Application),
    };
  });
}

export type RunTrigger = 'SCHEDULE' | 'ON_DEMAND';

/** Asks for a run; when one is already asked or running, that one is the answer (a double click is one run). */
export async function requestRun(
  db: Db,
  input: { trigger: RunTrigger; requestedBy: string | null; readOn: string },
): Promise<{ id: string; isNew: boolean }> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('risk-monitoring-request'))`.execute(trx);
    const open = await trx
      .selectFrom('risk_monitoring_runs')
      .select('id')
      .where('status', 'in', ['REQUESTED', 'RUNNING'])
      .executeTakeFirst();
    if (open) return { id: open.id, isNew: false };
    const row = await trx
      .insertInto('risk_monitoring_runs')
      .values({ trigger: input.trigger, requested_by: input.requestedBy, read_on: input.readOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, isNew: true };
  });
}

/** Takes the oldest asked run (one instance only: SKIP LOCKED). */
export async function claimRequestedRun(db: Db): Promise<{ id: string; readOn: string } | null> {
  const row = await db
    .updateTable('risk_monitoring_runs')
    .set({ status: 'RUNNING', started_at: sql`now()` })
    .where(
      'id',
      '=',
      db
        .selectFrom('risk_monitoring_runs')
        .select('id')
        .where('status', '=', 'REQUESTED')
        .orderBy('started_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'read_on'])
    .executeTakeFirst();
  return row ? { id: row.id, readOn: row.read_on } : null;
}

export async function failRun(db: Db, runId: string, reason: string): Promise<void> {
  await db
    .updateTable('risk_monitoring_runs')
    .set({ status: 'FAILED', finished_at: new Date(), summary: { error: reason } })
    .where('id', '=', runId)
    .execute();
}

export interface EmployerContext {
  name: string | null;
  naceCode: string | null;
  province: string | null;
}

const CHUNK = 1_000;

export async function saveRunResult(
  db: Db,
  runId: string,
  ranking: readonly EmployerRisk[],
  context: ReadonlyMap<string, EmployerContext>,
  summary: Record<string, unknown>,
  conformity: readonly WageConformityRow[] = [],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (conformity.length > 0) {
      await trx
        .insertInto('wage_conformity')
        .values(
          conformity.map((row) => ({
            run_id: runId,
            category: row.category,
            grant_year: row.year,
            authorisations: row.authorisations,
            quantiles: row.quantiles,
            below_share: row.belowShare,
          })),
        )
        .execute();
    }
    for (let i = 0; i < ranking.length; i += CHUNK) {
      const slice = ranking.slice(i, i + CHUNK);
      await trx
        .insertInto('employer_risk_scores')
        .values(
          slice.map((risk) => ({
            run_id: runId,
            enterprise_number: risk.enterpriseNumber,
            enterprise_name: context.get(risk.enterpriseNumber)?.name ?? null,
            nace_code: context.get(risk.enterpriseNumber)?.naceCode ?? null,
            province: context.get(risk.enterpriseNumber)?.province ?? null,
            score: risk.score,
            parts: JSON.stringify(risk.parts),
          })),
        )
        .execute();
    }
    const signals: Signal[] = ranking.flatMap((risk) => risk.signals);
    for (let i = 0; i < signals.length; i += CHUNK) {
      await trx
        .insertInto('risk_signals')
        .values(
          signals.slice(i, i + CHUNK).map((s) => ({
            run_id: runId,
            enterprise_number: s.enterpriseNumber,
            dossier_id: s.authorisationId,
            kind: s.kind,
            points: s.points,
            facts: JSON.stringify(s.facts),
            rule: s.rule,
          })),
        )
        .execute();
    }
    await trx
      .updateTable('risk_monitoring_runs')
      .set({ status: 'SUCCEEDED', finished_at: new Date(), summary })
      .where('id', '=', runId)
      .execute();
  });
}

export async function latestRun(db: Db) {
  return db
    .selectFrom('risk_monitoring_runs')
    .selectAll()
    .where('status', '=', 'SUCCEEDED')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function openRun(db: Db) {
  return db
    .selectFrom('risk_monitoring_runs')
    .select(['id', 'status', 'trigger', 'started_at'])
    .where('status', 'in', ['REQUESTED', 'RUNNING'])
    .executeTakeFirst();
}

export interface WorkListFilter {
  province?: string;
  naceDivision?: string;
  minScore?: number;
  limit: number;
  offset: number;
}

export async function listWorkList(db: Db, runId: string, filter: WorkListFilter) {
  let query = db.selectFrom('employer_risk_scores').where('run_id', '=', runId);
  if (filter.province) query = query.where('province', '=', filter.province);
  if (filter.naceDivision) query = query.where('nace_code', 'like', `${filter.naceDivision}%`);
  if (filter.minScore !== undefined) query = query.where('score', '>=', filter.minScore);
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('score', 'desc')
      .orderBy('enterprise_number')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function employerRisk(db: Db, runId: string, enterpriseNumber: string) {
  const [score, signals] = await Promise.all([
    db
      .selectFrom('employer_risk_scores')
      .selectAll()
      .where('run_id', '=', runId)
      .where('enterprise_number', '=', enterpriseNumber)
      .executeTakeFirst(),
    db
      .selectFrom('risk_signals')
      .selectAll()
      .where('run_id', '=', runId)
      .where('enterprise_number', '=', enterpriseNumber)
      .orderBy('points', 'desc')
      .execute(),
  ]);
  return { score, signals };
}

/** The employer's dossiers as enforcement needs them: number, category, status, validity; no application answers. */
export async function employerDossiers(db: Db, enterpriseNumber: string) {
  return db
    .selectFrom('dossiers')
    .select([
      'id',
      'number',
      'category',
      'status',
      sql<string | null>`decision->>'validFrom'`.as('valid_from'),
      sql<string | null>`decision->>'validUntil'`.as('valid_until'),
      sql<string | null>`worker_identity->>'familyName'`.as('worker_family_name'),
      // A withdrawal already proposed and not yet decided: the inspector does not propose it twice.
      sql<boolean>`exists (select 1 from revocation_proposals p where p.dossier_id = dossiers.id and p.outcome is null)`.as(
        'withdrawal_open',
      ),
    ])
    .where('enterprise_number', '=', enterpriseNumber)
    .where('status', '!=', 'DRAFT')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

/** The desk's reports linked to the employer (issue 14): what the inspector needs to weigh, not their text. */
export async function employerReports(db: Db, enterpriseNumber: string) {
  return db
    .selectFrom('desk_reports')
    .select(['id', 'reference', 'received_on', 'status', 'categories'])
    .where('enterprise_number', '=', enterpriseNumber)
    .orderBy('seq', 'desc')
    .limit(100)
    .execute();
}

export const FINDING_TYPES = ['WAGES', 'WORKING_TIME', 'HOUSING', 'DOCUMENTS', 'EXPLOITATION'] as const;
export const OUTCOMES = ['NO_INFRINGEMENT', 'WARNING', 'FINE_PROPOSED', 'WITHDRAWAL_PROPOSED'] as const;
export const ADDRESSEES = ['HOUSING_INSPECTION', 'VICTIM_SUPPORT'] as const;

export interface InspectionInput {
  enterpriseNumber: string;
  origin: 'SIGNAL' | 'REPORT' | 'OTHER';
  inspectedOn: string;
  findings: Array<{ type: (typeof FINDING_TYPES)[number]; description: string }>;
  fineProposedCents: number | null;
  outcome: (typeof OUTCOMES)[number];
  referrals: Array<{ addressee: (typeof ADDRESSEES)[number]; referredOn: string }>;
  idempotencyKey: string | null;
}

/** Records an inspection and its referrals in one transaction; the same idempotency key gives the same inspection. */
export async function recordInspection(
  db: Db,
  input: InspectionInput,
  inspectorId: string,
  audit: (trx: Db, inspectionId: string) => Promise<void>,
): Promise<{ id: string; isNew: boolean }> {
  return db.transaction().execute(async (trx) => {
    if (input.idempotencyKey) {
      const existing = await trx
        .selectFrom('inspections')
        .select('id')
        .where('inspector_id', '=', inspectorId)
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      if (existing) return { id: existing.id, isNew: false };
    }
    const row = await trx
      .insertInto('inspections')
      .values({
        enterprise_number: input.enterpriseNumber,
        inspector_id: inspectorId,
        origin: input.origin,
        inspected_on: input.inspectedOn,
        findings: JSON.stringify(input.findings),
        fine_proposed_cents: input.fineProposedCents,
        outcome: input.outcome,
        idempotency_key: input.idempotencyKey,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.referrals.length > 0) {
      await trx
        .insertInto('inspection_referrals')
        .values(
          input.referrals.map((r) => ({
            inspection_id: row.id,
            addressee: r.addressee,
            referred_on: r.referredOn,
          })),
        )
        .execute();
    }
    await audit(trx, row.id);
    return { id: row.id, isNew: true };
  });
}

export async function employerInspections(db: Db, enterpriseNumber: string) {
  const inspections = await db
    .selectFrom('inspections')
    .leftJoin('users', 'users.id', 'inspections.inspector_id')
    .select([
      'inspections.id',
      'inspections.origin',
      'inspections.inspected_on',
      'inspections.findings',
      'inspections.fine_proposed_cents',
      'inspections.outcome',
      'users.display_name as inspector',
    ])
    .where('inspections.enterprise_number', '=', enterpriseNumber)
    .orderBy('inspections.inspected_on', 'desc')
    .execute();
  const referrals =
    inspections.length === 0
      ? []
      : await db
          .selectFrom('inspection_referrals')
          .select(['inspection_id', 'addressee', 'referred_on'])
          .where(
            'inspection_id',
            'in',
            inspections.map((i) => i.id),
          )
          .execute();
  return inspections.map((i) => ({ ...i, referrals: referrals.filter((r) => r.inspection_id === i.id) }));
}
