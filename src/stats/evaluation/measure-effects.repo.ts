import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { foldPendingStatistics } from '../fold-statistics.ts';
import type { PolicyMeasure } from './policy-measures.ts';

export const SIDES = ['BEFORE', 'AFTER'] as const;
export type Side = (typeof SIDES)[number];

/** The figures of one window: dossiers of the affected categories filed in it. */
export interface WindowFigures {
  /** First and last day (inclusive) of filing. */
  from: string;
  to: string;
  filed: number;
  /** With a regional decision (granted or refused) by now. */
  decided: number;
  granted: number;
  refused: number;
  withdrawn: number;
  /** Neither decided, withdrawn nor inadmissible yet. */
  pending: number;
  /** Granted ÷ decided, refused ÷ decided (null without a decision). */
  grantShare: number | null;
  refusalShare: number | null;
  /** Admissibility → regional decision, calendar days, over the decided dossiers. */
  leadMedianDays: number | null;
  leadP90Days: number | null;
  /** Decided on or before the legal due date, ÷ decided with a due date. */
  withinDeadlineShare: number | null;
}

interface Row {
  id: string;
  side: Side;
  from: string;
  to: string;
  filed: number;
  decided: number;
  granted: number;
  refused: number;
  withdrawn: number;
  pending: number;
  lead_median: number | null;
  lead_p90: number | null;
  within_deadline: number | null;
}

const round = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * One scan of `dossier_statistics` (one row per submitted dossier) for every measure and both of
 * its windows: filed in the `months` before the measure's date (BEFORE) or in as many months from
 * it (AFTER), in the categories the measure affects. A dossier counts in the window of its filing
 * (the cohort), so a decision taken after the date on a dossier filed before it counts BEFORE: the
 * rules of the filing date apply to it (the engine assesses on the application date).
 */
export async function measureWindows(
  db: Db,
  measures: readonly PolicyMeasure[],
  months: number,
): Promise<Map<string, Record<Side, WindowFigures>>> {
  const result = new Map<string, Record<Side, WindowFigures>>();
  if (measures.length === 0) return result;
  await foldPendingStatistics(db);
  const input = JSON.stringify(measures.map((m) => ({ id: m.id, on_date: m.on, categories: m.categories })));
  const { rows } = await sql<Row>`
    WITH m AS (
      SELECT id, on_date, categories FROM jsonb_to_recordset(${input}::jsonb)
        AS x(id text, on_date date, categories text[])
    ), w AS (
      SELECT m.id, m.categories, s.side,
             CASE s.side WHEN 'BEFORE' THEN (m.on_date - make_interval(months => ${months}))::date
                         ELSE m.on_date END AS from_day,
             CASE s.side WHEN 'BEFORE' THEN m.on_date
                         ELSE (m.on_date + make_interval(months => ${months}))::date END AS until_day
        FROM m CROSS JOIN (VALUES ('BEFORE'), ('AFTER')) AS s(side)
    )
    SELECT w.id, w.side, w.from_day::text AS "from", (w.until_day - 1)::text AS "to",
           count(f.dossier_id)::int AS filed,
           count(f.outcome)::int AS decided,
           count(*) FILTER (WHERE f.outcome = 'GRANTED')::int AS granted,
           count(*) FILTER (WHERE f.outcome = 'REFUSED')::int AS refused,
           count(*) FILTER (WHERE f.is_withdrawn)::int AS withdrawn,
           count(*) FILTER (WHERE f.outcome IS NULL AND NOT f.is_withdrawn
                              AND f.status <> 'INADMISSIBLE')::int AS pending,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY f.regional_lead_days)
             FILTER (WHERE f.outcome IS NOT NULL) AS lead_median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY f.regional_lead_days)
             FILTER (WHERE f.outcome IS NOT NULL) AS lead_p90,
           (count(*) FILTER (WHERE f.outcome IS NOT NULL AND f.is_within_deadline))::float8
             / nullif(count(*) FILTER (WHERE f.outcome IS NOT NULL AND f.is_within_deadline IS NOT NULL), 0)
             AS within_deadline
      FROM w
      LEFT JOIN dossier_statistics f
        ON f.category = ANY(w.categories)
       AND f.submitted_on >= w.from_day AND f.submitted_on < w.until_day
     GROUP BY w.id, w.side, w.from_day, w.until_day`.execute(db);
  for (const row of rows) {
    const figures: WindowFigures = {
      from: row.from,
      to: row.to,
      filed: row.filed,
      decided: row.decided,
      granted: row.granted,
      refused: row.refused,
      withdrawn: row.withdrawn,
      pending: row.pending,
      grantShare: row.decided > 0 ? round(row.granted / row.decided, 4) : null,
      refusalShare: row.decided > 0 ? round(row.refused / row.decided, 4) : null,
      leadMedianDays: round(row.lead_median, 1),
      leadP90Days: round(row.lead_p90, 1),
      withinDeadlineShare: round(row.within_deadline, 4),
    };
    const entry = result.get(row.id) ?? ({} as Record<Side, WindowFigures>);
    entry[row.side] = figures;
    result.set(row.id, entry);
  }
  return result;
}
