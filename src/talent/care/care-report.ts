import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { perturbCount } from '../../stats/cell-key.ts';
import { TOTAL } from '../../stats/dimensions.ts';
import { publishReport } from '../../stats/open-data.ts';
import { nursesByNationality } from '../../stats/reports/nurses-by-nationality.ts';
import { type Report, runReport } from '../../stats/reports/run-report.ts';
import type { CareProfession } from './recognition-model.ts';

/**
 * The care pipeline report (issue 17, seed 004; docs/talent.md#care-sector-pipeline): the
 * recognition files' inflow by nationality and profession and their requests and outcomes, per
 * year, next to the work authorisations of nurses and care workers that the statistics already
 * count (the `nursesByNationality` report of src/stats, run by its own machinery).
 *
 * Every count leaves the server protected by the cell-key method of open data (decision 016,
 * src/stats/cell-key.ts): each file has a record key (migration 0031), a cell's noise follows from
 * the sum of its files' keys, a perturbed count under 5 is hidden (null). A supervisor or analyst
 * thus never reads a cell that stands for one to four people, and the same set of files always
 * gets the same figure, whichever table or year range reaches it.
 */

export const CARE_MEASURES = ['requested', 'recognised', 'refused', 'pending'] as const;
export type CareMeasure = (typeof CARE_MEASURES)[number];

/** A true count and the sum of its records' keys: what a published figure is drawn from. */
export interface RawCount {
  count: number;
  keySum: number;
}

/** Keys: year, profession (or TOTAL), measure → the true count. Never sent as is. */
export interface RawCareCounts {
  outcomes: Array<{ year: number; profession: string; measure: CareMeasure } & RawCount>;
  inflow: Array<{ year: number; profession: string; nationality: string } & RawCount>;
  demoFiles: number;
}

/**
 * Requests count in the year the request was made, recognitions and refusals in the year NARIC
 * decided, pending files in the year they were requested. Margins (every profession) are cells of
 * their own, with their own keys.
 */
export async function countCareRecognitions(
  db: Db,
  years: readonly [number, number],
): Promise<RawCareCounts> {
  const [from, to] = years;
  const outcomes = await sql<{
    year: number;
    profession: string | null;
    measure: CareMeasure;
    count: number;
    key_sum: number;
  }>`
    select x.year, x.profession, x.measure, count(*)::int as count, sum(x.record_key)::bigint as key_sum
    from (
      select extract(year from requested_on)::int as year, profession, 'requested' as measure, record_key
        from talent_recognition_files
      union all
      select extract(year from status_on)::int, profession, lower(status), record_key
        from talent_recognition_files where status in ('RECOGNISED', 'REFUSED')
      union all
      select extract(year from requested_on)::int, profession, 'pending', record_key
        from talent_recognition_files where status not in ('RECOGNISED', 'REFUSED')
    ) x
    where x.year between ${from} and ${to}
    group by grouping sets ((x.year, x.profession, x.measure), (x.year, x.measure))
    order by x.year, x.profession nulls last, x.measure`.execute(db);
  const inflow = await sql<{
    year: number;
    profession: string;
    nationality: string | null;
    count: number;
    key_sum: number;
  }>`
    select x.year, x.profession, x.nationality, count(*)::int as count, sum(x.record_key)::bigint as key_sum
    from (
      select extract(year from f.requested_on)::int as year, f.profession, c.nationality, f.record_key
      from talent_recognition_files f
      join talent_candidates c on c.id = f.candidate_id
    ) x
    where x.year between ${from} and ${to}
    group by grouping sets ((x.year, x.profession, x.nationality), (x.year, x.profession))
    order by x.year, x.profession, x.nationality nulls first`.execute(db);
  const demo = await sql<{ demo: number }>`
    select count(*)::int as demo from talent_recognition_files
    where is_demo and requested_on between make_date(${from}::int, 1, 1) and make_date(${to}::int, 12, 31)`.execute(
    db,
  );
  return {
    outcomes: outcomes.rows.map((row) => ({
      year: row.year,
      profession: row.profession ?? TOTAL,
      measure: row.measure,
      count: row.count,
      keySum: Number(row.key_sum),
    })),
    inflow: inflow.rows.map((row) => ({
      year: row.year,
      profession: row.profession,
      nationality: row.nationality ?? TOTAL,
      count: row.count,
      keySum: Number(row.key_sum),
    })),
    demoFiles: demo.rows[0]?.demo ?? 0,
  };
}

/**
 * The figures seed 004 gives (Vlaamse denktank economische migratie zorg, 2023): work
 * authorisations of nurses and care workers in 2021 and 2022, and NARIC's own count of recognition
 * requests (all applicants, not only labour migrants). Shown beside the live figures, as sourced.
 */
export const SEED_004_FIGURES = {
  source:
    'Seed 004: Vlaamse denktank economische migratie zorg (2023), "Aantal cijfers toelating tot arbeid"',
  authorisations: [
    { year: 2021, profession: 'NURSE' as CareProfession, count: 136 },
    { year: 2022, profession: 'NURSE' as CareProfession, count: 137 },
    { year: 2021, profession: 'CARE_WORKER' as CareProfession, count: 26 },
    { year: 2022, profession: 'CARE_WORKER' as CareProfession, count: 220 },
  ],
  naricRequestsPerYear: 5700,
} as const;

export interface CareReport {
  years: [number, number];
  /** Per year and profession (TOTAL: every profession): published counts, null when hidden. */
  outcomes: Array<{ year: number; profession: string; values: Record<CareMeasure, number | null> }>;
  /** Per year, profession and nationality (TOTAL: every nationality). */
  inflow: Array<{ year: number; profession: string; nationality: string; files: number | null }>;
  /** The existing statistics' nurses and care workers authorised, by nationality (open-data form). */
  authorisations: Report;
  /** How many of the files counted are demo values (src/talent/care/demo-care.ts). */
  demoFiles: number;
  seed: typeof SEED_004_FIGURES;
}

/** The raw counts, published: every count perturbed by its cell key, below 5 hidden. */
export function publishCareCounts(raw: RawCareCounts): Pick<CareReport, 'outcomes' | 'inflow'> {
  const outcomes = new Map<string, CareReport['outcomes'][number]>();
  for (const row of raw.outcomes) {
    const key = `${row.year}|${row.profession}`;
    let entry = outcomes.get(key);
    if (!entry) {
      entry = {
        year: row.year,
        profession: row.profession,
        values: { requested: 0, recognised: 0, refused: 0, pending: 0 },
      };
      outcomes.set(key, entry);
    }
    entry.values[row.measure] = perturbCount(row.count, row.keySum);
  }
  return {
    outcomes: [...outcomes.values()],
    inflow: raw.inflow.map((row) => ({
      year: row.year,
      profession: row.profession,
      nationality: row.nationality,
      files: perturbCount(row.count, row.keySum),
    })),
  };
}

export async function careReport(db: Db, years: [number, number]): Promise<CareReport> {
  const raw = await countCareRecognitions(db, years);
  const authorisations = await runReport(db, nursesByNationality, {
    filters: { years },
    withCellKeys: true,
  });
  return {
    years,
    ...publishCareCounts(raw),
    authorisations: publishReport(authorisations, nursesByNationality.measures),
    demoFiles: raw.demoFiles,
    seed: SEED_004_FIGURES,
  };
}
