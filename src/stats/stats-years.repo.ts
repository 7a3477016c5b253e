import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { EARLIEST_YEAR } from './dimensions.ts';
import { foldPendingStatistics } from './fold-statistics.ts';

/**
 * The years the year pickers offer, and the default range of a request without years: every year
 * from the first to the last one holding a submission, a decision or an inspection, without gaps,
 * never after the current year nor before EARLIEST_YEAR (what the query parser accepts, so a year
 * offered is never refused); only the current year when there is nothing at all. Read from the
 * rollups (a few thousand rows) and the inspections (a few thousand a year). Appeals are decided
 * after their dossier's decision, so their years lie inside this range already.
 */
export async function yearsWithData(db: Db, currentYear: number): Promise<number[]> {
  await foldPendingStatistics(db);
  const { rows } = await sql<{ first: number | null; last: number | null }>`
    SELECT min(y.first)::int AS first, max(y.last)::int AS last FROM (
      SELECT min(submitted_year) AS first, max(submitted_year) AS last
        FROM statistics_cohort_counts WHERE applications <> 0
      UNION ALL
      SELECT min(decided_year), max(decided_year)
        FROM statistics_decision_counts WHERE breakdown = '' AND decided <> 0
      UNION ALL
      SELECT min(extract(year FROM inspected_on)), max(extract(year FROM inspected_on))
        FROM inspections
    ) y`.execute(db);
  const last = Math.max(Math.min(rows[0]?.last ?? currentYear, currentYear), EARLIEST_YEAR);
  const first = Math.min(Math.max(rows[0]?.first ?? last, EARLIEST_YEAR), last);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
