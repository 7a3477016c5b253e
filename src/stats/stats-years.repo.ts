import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { FIRST_YEAR } from './dimensions.ts';

/**
 * The years the year pickers offer: from the first to the last year holding a submission or a
 * decision, within the regime's first year and the current year (only the current year when there
 * is no dossier at all). Read from the rollups: a few thousand rows.
 */
export async function yearsWithData(db: Db, currentYear: number): Promise<number[]> {
  const { rows } = await sql<{ first: number | null; last: number | null }>`
    SELECT min(y.first)::int AS first, max(y.last)::int AS last FROM (
      SELECT min(submitted_year) AS first, max(submitted_year) AS last
        FROM statistics_cohort_counts WHERE applications <> 0
      UNION ALL
      SELECT min(decided_year), max(decided_year)
        FROM statistics_decision_counts WHERE breakdown = '' AND decided <> 0
    ) y`.execute(db);
  const last = Math.min(rows[0]?.last ?? currentYear, currentYear);
  const first = Math.min(Math.max(rows[0]?.first ?? last, FIRST_YEAR), last);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
