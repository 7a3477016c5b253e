import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { EMPLOYER_PROVINCE } from '../stats/inspection-facts.ts';
import { FINDING_TYPES } from './enforcement.repo.ts';

/**
 * Inspection statistics (issue 14, the policy note's "ex-post controledynamiek"): inspections per
 * origin (a register signal, a desk report, other), outcome, province and sector, with findings by
 * type, fines and referrals. Province: the place of employment in the employer's latest dossier
 * (UNKNOWN when Loket holds none), the same source as the statistics report q8Inspections
 * (src/stats/inspection-facts.ts), so both give the same figures per province for the same days.
 * Sector: the employer's NACE code in the latest monitoring run (unknown when the employer was never
 * ranked). Counts only: no employer, inspector or finding's text leaves this query.
 */
export type FindingType = (typeof FINDING_TYPES)[number];

export interface InspectionStatisticsRow {
  origin: 'SIGNAL' | 'REPORT' | 'OTHER';
  outcome: 'NO_INFRINGEMENT' | 'WARNING' | 'FINE_PROPOSED' | 'WITHDRAWAL_PROPOSED';
  province: string;
  naceDivision: string | null;
  inspections: number;
  /** Inspections with at least one finding of the type (an inspection with two wage findings counts once). */
  findings: Record<FindingType, number>;
  /** Inspections with a fine proposed (an amount above 0), and the sum of those amounts. */
  finesProposed: number;
  finesProposedEuro: number;
  referrals: number;
}

interface Row {
  origin: InspectionStatisticsRow['origin'];
  outcome: InspectionStatisticsRow['outcome'];
  province: string;
  nace_division: string | null;
  inspections: string;
  fines: string;
  fines_cents: string;
  referrals: string;
  [finding: `finding_${string}`]: string;
}

/** The latest finished monitoring run's sector of the employer aliased `i` (its `enterprise_number`). */
const EMPLOYER_SECTOR = `LEFT JOIN employer_risk_scores s ON s.enterprise_number = i.enterprise_number
       AND s.run_id = (SELECT id FROM risk_monitoring_runs WHERE status = 'SUCCEEDED'
                        ORDER BY finished_at DESC LIMIT 1)`;

// One FILTER per finding type: `findings` holds `[{ type, description }]` (enforcement.repo.ts).
const FINDING_COUNTS = FINDING_TYPES.map(
  (type) => `count(*) FILTER (WHERE i.findings @> '[{"type":"${type}"}]'::jsonb) AS finding_${type}`,
).join(',\n           ');

export async function inspectionStatistics(
  db: Db,
  period: { from: string; to: string },
): Promise<InspectionStatisticsRow[]> {
  const { rows } = await sql<Row>`
    SELECT i.origin, i.outcome, coalesce(p.province, 'UNKNOWN') AS province,
           left(s.nace_code, 2) AS nace_division, count(*) AS inspections,
           ${sql.raw(FINDING_COUNTS)},
           count(*) FILTER (WHERE i.fine_proposed_cents > 0) AS fines,
           coalesce(sum(i.fine_proposed_cents), 0) AS fines_cents,
           coalesce(sum((SELECT count(*) FROM inspection_referrals r WHERE r.inspection_id = i.id)), 0) AS referrals
      FROM inspections i
      ${sql.raw(EMPLOYER_PROVINCE)}
      ${sql.raw(EMPLOYER_SECTOR)}
     WHERE i.inspected_on BETWEEN ${period.from} AND ${period.to}
     GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4`.execute(db);
  return rows.map((row) => ({
    origin: row.origin,
    outcome: row.outcome,
    province: row.province,
    naceDivision: row.nace_division,
    inspections: Number(row.inspections),
    findings: Object.fromEntries(
      FINDING_TYPES.map((type) => [type, Number(row[`finding_${type.toLowerCase()}`])]),
    ) as Record<FindingType, number>,
    finesProposed: Number(row.fines),
    finesProposedEuro: Number(row.fines_cents) / 100,
    referrals: Number(row.referrals),
  }));
}

/**
 * The withdrawals that followed inspections (decision 012's procedure, `revocation_proposals`):
 * proposals an inspector filed in the period, and proposals decided in the period (revoked or
 * dismissed, whenever they were filed), per province and sector of the dossier's employer, read
 * as the inspections' are. A proposal is not linked to one inspection, so it has no origin.
 * Proposals of a case handler (e.g. after a bankruptcy read at the desk) are not enforcement's.
 */
export interface WithdrawalStatisticsRow {
  province: string;
  naceDivision: string | null;
  proposed: number;
  revoked: number;
  dismissed: number;
}

export async function withdrawalStatistics(
  db: Db,
  period: { from: string; to: string },
): Promise<WithdrawalStatisticsRow[]> {
  const { rows } = await sql<{
    province: string;
    nace_division: string | null;
    proposed: string;
    revoked: string;
    dismissed: string;
  }>`
    SELECT coalesce(p.province, 'UNKNOWN') AS province, left(s.nace_code, 2) AS nace_division,
           count(*) FILTER (WHERE rp.proposed_on BETWEEN ${period.from} AND ${period.to}) AS proposed,
           count(*) FILTER (WHERE rp.outcome = 'REVOKED'
                              AND rp.decided_on BETWEEN ${period.from} AND ${period.to}) AS revoked,
           count(*) FILTER (WHERE rp.outcome = 'DISMISSED'
                              AND rp.decided_on BETWEEN ${period.from} AND ${period.to}) AS dismissed
      FROM revocation_proposals rp
      JOIN (SELECT id, enterprise_number FROM dossiers) i ON i.id = rp.dossier_id
      ${sql.raw(EMPLOYER_PROVINCE)}
      ${sql.raw(EMPLOYER_SECTOR)}
     WHERE rp.proposed_role = 'INSPECTOR'
       AND (rp.proposed_on BETWEEN ${period.from} AND ${period.to}
            OR rp.decided_on BETWEEN ${period.from} AND ${period.to})
     GROUP BY 1, 2
     ORDER BY 1, 2`.execute(db);
  return rows.map((row) => ({
    province: row.province,
    naceDivision: row.nace_division,
    proposed: Number(row.proposed),
    revoked: Number(row.revoked),
    dismissed: Number(row.dismissed),
  }));
}
