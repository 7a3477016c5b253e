import type { Branch } from './dimensions.ts';

/**
 * The facts behind 003 q8 ("Hoeveel werknemers met een arbeidskaart werden … gecontroleerd?") and
 * policy note §2.10 d: the inspections the enforcement capability records (migration 0016), as
 * rows the statistics' query builder reads like `dossier_statistics` (alias `f`). Two grains:
 *
 * - `inspection`: one row per inspection; year = the day of inspection, province = the place of
 *   employment of the employer's latest dossier (UNKNOWN when Loket holds none), origin, outcome.
 * - `inspectedWorker`: one row per inspection and work authorisation valid at the inspected
 *   employer on that day (granted; validFrom, else the decision day, up to validUntil): the
 *   workers with a permit whom the inspection concerned, with their dossier's dimensions. A worker
 *   at two inspections counts twice, as two inspections are two checks.
 *
 * Record keys (the cell-key method, decision 016) are drawn like the dossiers' own, from the md5 of
 * the inspection's random id (and the dossier's, for a worker), so the same inspection always has
 * the same key. Read by a scan: a few thousand inspections a year need no rollup.
 */

const KEY_OF = (text: string) => `(('x' || left(md5(${text}), 8))::bit(32)::bigint & 2147483647)`;

/**
 * The province of the inspected employer: where its latest dossier says the work is (`p.province`,
 * null when Loket holds none). The one source of an inspection's province: the statistics (q8) and
 * the enforcement's inspection statistics (src/enforcement/inspection-stats.repo.ts) both join it,
 * so their province figures agree for the same period.
 */
export const EMPLOYER_PROVINCE = `LEFT JOIN LATERAL (
    SELECT s.province FROM dossiers d JOIN dossier_statistics s ON s.dossier_id = d.id
     WHERE d.enterprise_number = i.enterprise_number
     ORDER BY s.submitted_on DESC, s.dossier_id LIMIT 1
  ) p ON true`;

const INSPECTION_COLUMNS = `extract(year FROM i.inspected_on)::int AS inspected_year,
    i.origin AS inspection_origin, i.outcome AS inspection_outcome`;

const INSPECTION_FACTS = `(SELECT ${INSPECTION_COLUMNS}, coalesce(p.province, 'UNKNOWN') AS province,
    ${KEY_OF('i.id::text')} AS record_key
  FROM inspections i ${EMPLOYER_PROVINCE}) f`;

/** The grant's first and last valid day as the monitoring reads them (src/enforcement/enforcement.repo.ts). */
const INSPECTED_WORKER_FACTS = `(SELECT ${INSPECTION_COLUMNS}, s.province, s.region, s.category, s.athlete_role, s.kind,
    s.nationality, s.sex, s.age_band, s.vks, s.isco_major_group, s.migration_list_function,
    s.is_nurse, s.is_care_worker,
    ${KEY_OF('i.id::text || d.id::text')} AS record_key
  FROM inspections i
  JOIN dossiers d ON d.enterprise_number = i.enterprise_number
  JOIN dossier_statistics s ON s.dossier_id = d.id AND s.outcome = 'GRANTED'
  WHERE coalesce(d.decision->>'validFrom', d.decision->>'decidedOn', d.decided_on::text) <= i.inspected_on::text
    AND coalesce(d.decision->>'validUntil', i.inspected_on::text) >= i.inspected_on::text) f`;

/**
 * Seed 004's NARIC question, as far as Loket sees it: the recognition each dossier's NARIC
 * reference had when the register check read it (`register_facts`, source `naric`), one row per
 * dossier and reference, with the dossier's dimensions; year = submission. The check reads once
 * (again only when a source was waiting), so a file decided later still shows as pending.
 */
const RECOGNITION_FACTS = `(SELECT s.submitted_year, s.province, s.region, s.category, s.athlete_role, s.kind, s.nationality,
    s.sex, s.age_band, s.vks, s.isco_major_group, s.migration_list_function, s.is_nurse, s.is_care_worker,
    CASE WHEN NOT rf.is_found THEN 'NOT_FOUND'
         WHEN rf.value->>'status' = 'DECIDED' THEN coalesce(rf.value->>'decision', 'RECEIVED')
         ELSE rf.value->>'status' END AS recognition_status,
    ${KEY_OF('s.dossier_id::text || rf.subject')} AS record_key
  FROM register_facts rf JOIN dossier_statistics s ON s.dossier_id = rf.dossier_id
  WHERE rf.source = 'naric') f`;

/** What a branch's query reads from, aliased `f`. */
export function factSource(branch: Branch, isByReason: boolean): string {
  if (branch === 'recognition') return RECOGNITION_FACTS;
  if (branch === 'inspection') return INSPECTION_FACTS;
  if (branch === 'inspectedWorker') return INSPECTED_WORKER_FACTS;
  return `dossier_statistics f${isByReason ? ' CROSS JOIN LATERAL unnest(f.reason_codes) AS r(reason)' : ''}`;
}
