/**
 * npm run bench:stats — the ready-made statistics reports on a million generated dossiers, timed in
 * Loket (PostgreSQL: the rollups of migrations 0005, 0033 and 0037 as the app reads them, and the scan of
 * `dossier_statistics` every other request falls back to) and answered again by DuckDB from the raw
 * statistics rows exported to Parquet, in one run; the answers are checked equal.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --import tsx bench/stats.bench.ts [--dossiers N] [--runs R] [--seed S] [--keep] [--write]
 *
 * Uses a database of its own (`loket_bench`) on that server: created, filled by the generator
 * (`src/stats/generate`), and dropped at the end unless `--keep`. `--write` rewrites the
 * "Statistics" section of docs/performance.md with this run's figures.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { connectDatabase } from '../src/db/client.ts';
import { dropDatabase, ensureDatabase } from '../src/db/ensure-database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { brusselsDate } from '../src/server/today.ts';
import {
  type AggregateRequest,
  type AggregateRow,
  buildBranchSql,
  mergeBranches,
  splitByBranch,
} from '../src/stats/aggregate.ts';
import { type DimensionId, DOSSIER_BRANCHES } from '../src/stats/dimensions.ts';
import { generateDossiers } from '../src/stats/generate/generate-dossiers.ts';
import { writeDossiers } from '../src/stats/generate/write-dossiers.ts';
import { REPORTS, type ReportDefinition } from '../src/stats/reports/index.ts';
import { reportDimensions, reportGroupingSets, runReport } from '../src/stats/reports/run-report.ts';
import { writePerformanceSection } from './support/performance-doc.ts';

const { values: args } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '2019' },
    keep: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
});
const COUNT = Number(args.dossiers);
const RUNS = Number(args.runs);
const SEED = Number(args.seed);
const NAME = 'loket_bench';
const YEARS: [number, number] = [2019, 2028];

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write('Set DATABASE_URL to a PostgreSQL server where a database may be created.\n');
  process.exit(2);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: caches, plans
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Every report with its default layout, and q4 by nationality (its widest breakdown) besides. */
const CASES: Array<{ label: string; definition: ReportDefinition; by?: DimensionId }> = REPORTS.flatMap(
  (definition) => [
    { label: definition.id, definition },
    ...(definition.id === 'q4'
      ? [{ label: 'q4 by nationality', definition, by: 'nationality' as DimensionId }]
      : []),
  ],
);

function requestOf(definition: ReportDefinition, by?: DimensionId): AggregateRequest {
  const dimensions = reportDimensions(definition, by);
  return {
    measures: definition.measures,
    dimensions,
    filters: {
      years: definition.defaultYears ?? YEARS,
      ...(definition.only ? { only: definition.only } : {}),
    },
    groupingSets: reportGroupingSets(definition, dimensions.length),
  };
}

/** The same SQL for DuckDB: parameters inlined (numbers and text lists only). */
function duckSql(text: string, values: unknown[]): string {
  const literal = (value: unknown) =>
    Array.isArray(value)
      ? `(${value.map((v) => `'${String(v).replace(/'/g, "''")}'`).join(', ')})`
      : String(Number(value));
  return text
    .replace(/= ANY\(\$(\d+)::text\[\]\)/g, (_, n) => `IN ${literal(values[Number(n) - 1])}`)
    .replace(/\$(\d+)/g, (_, n) => literal(values[Number(n) - 1]));
}

const COLUMNS = [
  'dossier_id',
  'submitted_year',
  'decided_year',
  'category',
  'kind',
  'region',
  'province',
  'nationality',
  'sex',
  'age_band',
  'vks',
  'isco_major_group',
  'migration_list_function',
  'status',
  'is_admissible',
  'is_withdrawn',
  'outcome',
  'reason_codes',
  'is_nurse',
  'is_care_worker',
  'regional_lead_days',
  'federal_lead_days',
  'is_within_deadline',
  // Migration 0025: read by the reports that scan the facts (decision 022).
  'admissibility_lead_days',
  'total_lead_days',
  'handover_days',
  'appeal_year',
  'appeal_outcome',
  // Migration 0029: 003 q2 in the question's categories (q2Question).
  'athlete_role',
  'federal_outcome',
];

/** Streams the statistics rows out of PostgreSQL (keyset pages) into a CSV file. */
async function exportCsv(pool: import('pg').Pool, file: string): Promise<number> {
  const out = createWriteStream(file);
  out.write(`${COLUMNS.join(',')}\n`);
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT ${COLUMNS.map((c) => (c === 'reason_codes' ? "array_to_string(reason_codes, '|') AS reason_codes" : c)).join(', ')}
       FROM dossier_statistics WHERE dossier_id > $1 ORDER BY dossier_id LIMIT 100000`,
      [after],
    );
    if (rows.length === 0) break;
    let chunk = '';
    for (const row of rows)
      chunk += `${COLUMNS.map((c) => (row[c] === null ? '' : String(row[c]))).join(',')}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
    after = rows[rows.length - 1].dossier_id;
    total += rows.length;
  }
  out.end();
  await once(out, 'finish');
  return total;
}

function normalise(rows: AggregateRow[]): string {
  return JSON.stringify(rows.map((r) => [r.key, r.values]));
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  await dropDatabase(adminUrl as string, NAME);
  const url = await ensureDatabase(adminUrl as string, NAME);
  const handle = connectDatabase(url, { max: 4, applicationName: 'loket-bench-stats' });
  const work = mkdtempSync(join(tmpdir(), 'loket-bench-stats-'));
  try {
    await migrateToLatest(handle.db);
    process.stdout.write(`Generating ${COUNT} dossiers…\n`);
    const generationStart = performance.now();
    await writeDossiers(
      handle.pool,
      generateDossiers({ count: COUNT, seed: SEED, until: brusselsDate(new Date()) }),
      {
        onProgress: (n) => {
          if (n % 100_000 === 0) process.stdout.write(`  ${n}\n`);
        },
      },
    );
    const generationSeconds = (performance.now() - generationStart) / 1000;
    await handle.pool.query('VACUUM ANALYZE dossier_statistics');
    await handle.pool.query(
      `VACUUM ANALYZE statistics_cohort_counts, statistics_decision_counts, statistics_lead_times,
         statistics_cohort_lead_times, statistics_appeal_counts, statistics_profile_counts`,
    );
    const sizes = await handle.pool.query(
      `SELECT pg_size_pretty(pg_total_relation_size('dossiers')) AS dossiers,
              pg_size_pretty(pg_total_relation_size('dossier_actions')) AS actions,
              pg_size_pretty(pg_total_relation_size('dossier_statistics')) AS statistics,
              (SELECT count(*) FROM dossier_actions) AS action_count,
              (SELECT count(*) FROM statistics_cohort_counts) AS cohort_rows,
              (SELECT count(*) FROM statistics_decision_counts) AS decision_rows,
              (SELECT count(*) FROM statistics_profile_counts)
                + (SELECT count(*) FROM statistics_appeal_counts) AS other_rows,
              (SELECT count(*) FROM statistics_lead_times)
                + (SELECT count(*) FROM statistics_cohort_lead_times) AS lead_rows,
              pg_size_pretty(pg_total_relation_size('statistics_cohort_counts')
                + pg_total_relation_size('statistics_decision_counts')
                + pg_total_relation_size('statistics_lead_times')
                + pg_total_relation_size('statistics_cohort_lead_times')
                + pg_total_relation_size('statistics_appeal_counts')
                + pg_total_relation_size('statistics_profile_counts')) AS rollups`,
    );

    const csv = join(work, 'statistics.csv');
    const parquet = join(work, 'statistics.parquet');
    const exportStart = performance.now();
    const exported = await exportCsv(handle.pool, csv);
    const instance = await DuckDBInstance.create(':memory:');
    const duck = await instance.connect();
    await duck.run(`COPY (
      SELECT * EXCLUDE (reason_codes),
        CASE WHEN reason_codes IS NULL OR reason_codes = '' THEN []::VARCHAR[] ELSE string_split(reason_codes, '|') END AS reason_codes
      FROM read_csv('${csv}', header = true, nullstr = '', types = {
        'vks': 'VARCHAR', 'isco_major_group': 'VARCHAR', 'nationality': 'VARCHAR', 'reason_codes': 'VARCHAR',
        'outcome': 'VARCHAR', 'submitted_year': 'SMALLINT', 'decided_year': 'SMALLINT',
        'admissibility_lead_days': 'INTEGER', 'total_lead_days': 'INTEGER', 'handover_days': 'INTEGER',
        'appeal_year': 'SMALLINT', 'appeal_outcome': 'VARCHAR',
        'athlete_role': 'VARCHAR', 'federal_outcome': 'VARCHAR'})
    ) TO '${parquet}' (FORMAT parquet)`);
    await duck.run(`CREATE VIEW dossier_statistics AS SELECT * FROM read_parquet('${parquet}')`);
    const exportSeconds = (performance.now() - exportStart) / 1000;

    const results: Array<{
      id: string;
      loket: number;
      facts: number;
      duck: number | null;
      rows: number;
      isEqual: boolean;
    }> = [];
    for (const { label, definition, by } of CASES) {
      const request = requestOf(definition, by);
      const runDuck = async () => {
        const branches = await Promise.all(
          splitByBranch(request.measures).map(async (query) => {
            const { text, values } = buildBranchSql(request, query);
            const reader = await duck.runAndReadAll(duckSql(text, values));
            return { query, rows: reader.getRowObjectsJS() as Record<string, unknown>[] };
          }),
        );
        return mergeBranches(request.dimensions, request.measures, branches);
      };
      const options = { filters: request.filters, ...(by ? { by } : {}) };
      const loketRows = async (source: 'auto' | 'facts') =>
        (await runReport(handle.db, definition, { ...options, source })).rows;
      // Inspections and NARIC recognitions are read from their own tables (src/stats/inspection-
      // facts.ts), which the Parquet twin of dossier_statistics does not hold: no DuckDB figure.
      const isDuckable = splitByBranch(request.measures).every((q) => DOSSIER_BRANCHES.includes(q.branch));
      const loket = await time(() => loketRows('auto'));
      const facts = await time(() => loketRows('facts'));
      const duckMs = isDuckable ? await time(runDuck) : null;
      const fromLoket = await loketRows('auto');
      const fromFacts = await loketRows('facts');
      const fromDuck = isDuckable
        ? (await runDuck()).filter((r) => !request.dimensions.every((d) => r.key[d] === 'TOTAL'))
        : fromFacts;
      const isEqual =
        normalise(fromLoket) === normalise(fromDuck) && normalise(fromFacts) === normalise(fromDuck);
      results.push({ id: label, loket, facts, duck: duckMs, rows: fromLoket.length, isEqual });
      const duckText =
        duckMs === null ? 'DuckDB —' : `DuckDB ${duckMs.toFixed(1)} ms  ${(loket / duckMs).toFixed(2)}×`;
      process.stdout.write(
        `${label.padEnd(20)} Loket ${loket.toFixed(1)} ms  (scan ${facts.toFixed(1)} ms)  ${duckText}  rows ${fromLoket.length}  ${isEqual ? 'same answer' : 'DIFFERENT ANSWER'}\n`,
      );
    }
    duck.closeSync();
    instance.closeSync();

    const size = sizes.rows[0];
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const lines = [
      '## Statistics (npm run bench:stats)',
      '',
      `\`DATABASE_URL=… node --import tsx bench/stats.bench.ts --dossiers ${COUNT} --runs ${RUNS} --write\` (what \`npm run bench:stats\` runs, with the defaults).`,
      '',
      `- Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}, ${process.platform}; PostgreSQL ${(await handle.pool.query('SHOW server_version')).rows[0].server_version} (the machine's, default settings); DuckDB via @duckdb/node-api; measured ${new Date().toISOString().slice(0, 10)}; 1-minute load average ${loadBefore.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end (other engineers' work on the same 2 cores shows up as noise).`,
      `- Data: ${COUNT} dossiers generated (seed ${SEED}) through the real tables in ${generationSeconds.toFixed(0)} s (the statistics rows and rollups folded in each batch's transaction included) — dossiers ${size.dossiers}, ${size.action_count} actions ${size.actions}, statistics rows ${size.statistics}; rollups ${size.rollups} (${size.cohort_rows} cohort, ${size.decision_rows} decision-count, ${size.other_rows} profile and appeal-count and ${size.lead_rows} lead-time rows). DuckDB reads the same ${exported} statistics rows, streamed out of PostgreSQL to CSV and converted to Parquet (${exportSeconds.toFixed(0)} s, not counted in the timings).`,
      `- Each figure is the median of ${RUNS} runs after one warm-up. A Loket run is \`runReport()\` as the app calls it: SQL on the rollups (margins by GROUPING SETS; lead-time percentiles from the day histograms, in TypeScript), merged in TypeScript. "Loket, scan" is the same report forced onto \`dossier_statistics\` (\`source: 'facts'\`), the path of pivots and aggregates the rollups do not hold. A DuckDB run is that scan's SQL per branch on the Parquet file of the raw statistics rows, merged by the same function; "same answer" compares all three. Whole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
      '',
      '| report | Loket (PostgreSQL, rollups) ms | Loket, scan of the facts ms | DuckDB (Parquet) ms | Loket / DuckDB | rows | same answer |',
      '|---|---:|---:|---:|---:|---:|---|',
      ...results.map(
        (r) =>
          `| ${r.id} | ${r.loket.toFixed(1)} | ${r.facts.toFixed(1)} | ${r.duck === null ? '—' : r.duck.toFixed(1)} | ${r.duck === null ? '—' : `${(r.loket / r.duck).toFixed(2)}×`} | ${r.rows} | ${r.isEqual ? 'yes' : 'NO'} |`,
      ),
      '',
      `Targets: each report < 1 s — ${results.every((r) => r.loket < 1000) ? 'met' : 'NOT met'} (slowest ${Math.max(...results.map((r) => r.loket)).toFixed(0)} ms); within 3× of DuckDB — ${results.filter((r) => r.duck !== null && r.loket <= 3 * r.duck).length} of ${results.filter((r) => r.duck !== null).length} reports (the ${results.filter((r) => r.duck === null).length} on inspections and NARIC files have no DuckDB twin; "same answer" compares rollups and scan there).`,
      '',
    ];
    if (args.write) {
      const path = writePerformanceSection(
        join(import.meta.dirname, '..'),
        '## Statistics (npm run bench:stats)',
        lines.join('\n'),
      );
      process.stdout.write(`Wrote ${path}\n`);
    } else {
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    await handle.close();
    rmSync(work, { recursive: true, force: true });
    if (!args.keep) await dropDatabase(adminUrl as string, NAME);
  }
}

await main();
