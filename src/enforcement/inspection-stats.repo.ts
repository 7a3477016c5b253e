import { sql } from 'kysely';
import type { Db } from '../db/client.ts';

/**
 * Inspection statistics (issue 14, the policy note's "ex-post controledynamiek"): inspections per
 * origin (a register signal, a desk report, other), outcome, province and sector, with fines and
 * referrals. Province and sector are the employer's in the latest monitoring run (unknown when the
 * employer was never ranked). Counts only: no employer, inspector or finding leaves this query.
 */
export interface InspectionStatisticsRow {
  origin: 'SIGNAL' | 'REPORT' | 'OTHER';
  outcome: 'NO_INFRINGEMENT' | 'WARNING' | 'FINE_PROPOSED' | 'WITHDRAWAL_PROPOSED';
  province: string | null;
  naceDivision: string | null;
  inspections: number;
  finesProposedEuro: number;
  referrals: number;
}

export async function inspectionStatistics(
  db: Db,
  period: { from: string; to: string },
): Promise<InspectionStatisticsRow[]> {
  const rows = await db
    .selectFrom('inspections as i')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('employer_risk_scores')
          .select(['enterprise_number', 'province', 'nace_code'])
          .where(
            'run_id',
            '=',
            eb
              .selectFrom('risk_monitoring_runs')
              .select('id')
              .where('status', '=', 'SUCCEEDED')
              .orderBy('finished_at', 'desc')
              .limit(1),
          )
          .as('s'),
      (join) => join.onRef('s.enterprise_number', '=', 'i.enterprise_number'),
    )
    .select([
      'i.origin',
      'i.outcome',
      's.province',
      sql<string | null>`left(s.nace_code, 2)`.as('nace_division'),
      sql<string>`count(*)`.as('inspections'),
      sql<string>`coalesce(sum(i.fine_proposed_cents), 0)`.as('fines_cents'),
      sql<string>`coalesce(sum((select count(*) from inspection_referrals r where r.inspection_id = i.id)), 0)`.as(
        'referrals',
      ),
    ])
    .where('i.inspected_on', '>=', period.from)
    .where('i.inspected_on', '<=', period.to)
    .groupBy(['i.origin', 'i.outcome', 's.province', sql`left(s.nace_code, 2)`])
    .orderBy('i.origin')
    .orderBy('i.outcome')
    .execute();
  return rows.map((row) => ({
    origin: row.origin,
    outcome: row.outcome,
    province: row.province ?? null,
    naceDivision: row.nace_division,
    inspections: Number(row.inspections),
    finesProposedEuro: Number(row.fines_cents) / 100,
    referrals: Number(row.referrals),
  }));
}
