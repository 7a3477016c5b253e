import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { FIRST_YEAR } from './dimensions.ts';

/**
 * The years the year pickers offer: from the first year of the regime to the last year holding a
 * submission or a decision, never past the current year (and the current year when there is no
 * dossier at all). Read from the rollups: a few thousand rows.
 */
export async function yearsWithData(db: Db, currentYear: number): Promise<number[]> {
  const { rows } = await sql<{ last: number | null }>`
    SELECT max(year)::int AS last FROM (
      SELECT max(submitted_year) AS year FROM statistics_cohort_counts WHERE applications <> 0
      UNION ALL
      SELECT max(decided_year) FROM statistics_decision_counts WHERE breakdown = '' AND decided <> 0
    ) y`.execute(db);
  const last = Math.min(rows[0]?.last ?? currentYear, currentYear);
  return Array.from({ length: Math.max(1, last - FIRST_YEAR + 1) }, (_, i) => FIRST_YEAR + i);
}
