/**
 * The occupation pickers' search in PostgreSQL (decision 028): per query, the time of
 * `searchOccupationNames` (pg_trgm over ESCO's names in nl/fr/en, misspellings by word similarity)
 * on the embedded PostgreSQL, next to the in-process search it replaced for the pickers, and the
 * load of the catalogue into the database at start.
 *
 *   node --import tsx bench/occupation-search.bench.ts [--runs 100] [--write]
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connectDatabase } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { ensureDatabase } from '../src/db/ensure-database.ts';
import type { Lang } from '../src/i18n/languages.ts';
import { occupationIndex } from '../src/occupations/occupation-catalogue.ts';
import { loadOccupationNames, searchOccupationNames } from '../src/occupations/occupation-names.repo.ts';
import { searchOccupations } from '../src/occupations/occupation-search.ts';
import { prepareDatabase } from '../src/server/prepare-database.ts';
import { writePerformanceSection } from './support/performance-doc.ts';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '100' }, write: { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);
const ROOT = join(import.meta.dirname, '..');

// Spelt right, by another name, misspelt (the in-process search finds none of the last), first keystrokes, a code.
const QUERIES: [string, Lang][] = [
  ['verpleegkundige', 'nl'],
  ['verpleger', 'nl'],
  ['verplegkundige', 'nl'],
  ['elektriecien', 'nl'],
  ['ve', 'nl'],
  ['infirmier', 'fr'],
  ['infirmeire', 'fr'],
  ['sodeur', 'fr'],
  ['nurse', 'en'],
  ['nurce', 'en'],
  ['software developer', 'en'],
  ['2221', 'nl'],
];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (value: number) => value.toFixed(value < 10 ? 2 : 0);
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}

const loadStart = loadavg()[0] ?? 0;
const dir = await mkdtemp(join(tmpdir(), 'loket-bench-occupations-'));
// As root, PostgreSQL runs as `postgres`, who must reach the folder (as test/database-global-setup.ts).
await chmod(dir, 0o755);
const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'data') });
try {
  const ownerUrl = await ensureDatabase(postgres.url, 'bench');
  const prepared = await prepareDatabase(ownerUrl);
  const owner = connectDatabase(ownerUrl, { max: 1 });
  // The load at start, from scratch (the checksum forgotten), three times.
  const loadTimes: number[] = [];
  let names = 0;
  for (let run = 0; run < 3; run++) {
    await sql`delete from esco_catalogue_state`.execute(owner.db);
    const start = process.hrtime.bigint();
    names = await loadOccupationNames(owner.db);
    loadTimes.push(ms(start));
  }
  await owner.close();
  const app = connectDatabase(prepared.appUrl, { max: 2 });
  const index = occupationIndex();
  const rows: string[] = [];
  const all: number[] = [];
  for (const [query, lang] of QUERIES) {
    for (let warm = 0; warm < 5; warm++) await searchOccupationNames(app.db, query, lang, 20);
    const times: number[] = [];
    let found: Awaited<ReturnType<typeof searchOccupationNames>> = [];
    for (let run = 0; run < RUNS; run++) {
      const start = process.hrtime.bigint();
      found = await searchOccupationNames(app.db, query, lang, 20);
      times.push(ms(start));
    }
    all.push(...times);
    const inMemory = searchOccupations(index, query, lang, 20).length;
    const first = found[0]
      ? `${found[0].label}${found[0].matchedAltLabel ? ` (${found[0].matchedAltLabel})` : ''}`
      : '–';
    rows.push(
      `| \`${query}\` | ${lang} | ${found.length} | ${inMemory} | ${first} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} |`,
    );
  }
  await app.close();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const section = `## ESCO search in PostgreSQL (npm run bench:occupation-search)

\`node --import tsx bench/occupation-search.bench.ts --runs ${RUNS} --write\`: \`searchOccupationNames\` on the
embedded PostgreSQL (${names} names: ESCO's labels in nl/fr/en and alternative labels in nl/en, folded, trigram
GIN index per language; limit 20), ${RUNS} runs per query after 5 warm-up runs, one connection at a time.
"in memory" is how many the in-process search (\`searchOccupations\`) finds for the same query.

| query | lang | results | in memory | first | median ms | p95 ms |
|---|---|---:|---:|---|---:|---:|
${rows.join('\n')}

- All queries together: median ${fmt(percentile(all, 50))} ms, p95 ${fmt(percentile(all, 95))} ms, max ${fmt(Math.max(...all))} ms per search.
- Loading the catalogue into the database when data/esco changed (at start, as the owner): median ${fmt(percentile(loadTimes, 50))} ms of 3.
- Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}; measured ${new Date().toISOString().slice(0, 10)};
  1-minute load average ${loadStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end.
`;
  console.log(section);
  if (args.write)
    console.log(`written to ${writePerformanceSection(ROOT, '## ESCO search in PostgreSQL', section)}`);
} finally {
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}
