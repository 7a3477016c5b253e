import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { EMPLOYER_PROVINCE } from '../stats/inspection-facts.ts';

/**
 * Inspection statistics (issue 14, the policy note's "ex-post controledynamiek"): inspections per
 * origin (a register signal, a desk report, other), outcome, province and sector, with fines and
 * referrals. Province: the place of employment in the employer's latest dossier (UNKNOWN when Loket
 * holds none), the same source as the statistics report q8Inspections (src/stats/inspection-facts.ts),
 * so both give the same figures per province for the same days. Sector: the employer's NACE code in
 * the latest monitoring run (unknown when the employer was never ranked). Counts only: no employer,
 * inspector or finding leaves this query.
 */
export interface InspectionStatisticsRow {
  origin: 'SIGNAL' | 'REPORT' | 'OTHER';
  outcome: 'NO_INFRINGEMENT' | 'WARNING' | 'FINE_PROPOSED' | 'WITHDRAWAL_PROPOSED';
  province: string;
  naceDivision: string | null;
  inspections: number;
  finesProposedEuro: number;
  referrals: number;
}

interface Row {
  origin: InspectionStatisticsRow['origin'];
  outcome: InspectionStatisticsRow['outcome'];
  province: string;
  nace_division: string | null;
  inspections: string;
  fines_cents: string;
  referrals: string;
}

export async function inspectionStatistics(
  db: Db,
  period: { from: string; to: string },
): Promise<InspectionStatisticsRow[]> {
  const { rows } = await sql<Row>`
    SELECT i.origin, i.outcome, coalesce(p.province, 'UNKNOWN') AS province,
           left(s.nace_code, 2) AS nace_division, count(*) AS inspections,
           coalesce(sum(i.fine_proposed_cents), 0) AS fines_cents,
           coalesce(sum((SELECT count(*) FROM inspection_referrals r WHERE r.inspection_id = i.id)), 0) AS referrals
      FROM inspections i
      ${sql.raw(EMPLOYER_PROVINCE)}
      LEFT JOIN employer_risk_scores s ON s.enterprise_number = i.enterprise_number
       AND s.run_id = (SELECT id FROM risk_monitoring_runs WHERE status = 'SUCCEEDED'
                        ORDER BY finished_at DESC LIMIT 1)
     WHERE i.inspected_on BETWEEN ${period.from} AND ${period.to}
     GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4`.execute(db);
  return rows.map((row) => ({
    origin: row.origin,
    outcome: row.outcome,
    province: row.province,
    naceDivision: row.nace_division,
    inspections: Number(row.inspections),
    finesProposedEuro: Number(row.fines_cents) / 100,
    referrals: Number(row.referrals),
  }));
}
