/**
 * Occupation search benchmark (issue 11): the ESCO catalogue read and indexed, the pure search per
 * query on the full set in nl/fr/en, the HTTP answer through `app.inject()`, and the payload the
 * browser receives compared with shipping the catalogue to it.
 *
 *   node --import tsx bench/occupations.bench.ts [--runs 200] [--write]
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Lang } from '../src/i18n/languages.ts';
import { OCCUPATIONS_CSV, readOccupations } from '../src/occupations/occupation-catalogue.ts';
import { buildOccupationIndex, searchOccupations } from '../src/occupations/occupation-search.ts';
import { createTestApp } from '../test/test-app.ts';
import { writePerformanceSection } from './support/performance-doc.ts';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '200' }, write: { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);
const ROOT = join(import.meta.dirname, '..');

// What employers type: whole names, starts of names (each keystroke from the second), codes.
const QUERIES: [string, Lang][] = [
  ['Verpleegkundige', 'nl'],
  ['ve', 'nl'],
  ['verpl', 'nl'],
  ['vrachtwagenchauffeur', 'nl'],
  ['kok', 'nl'],
  ['software ontwikkelaar', 'nl'],
  ['infirmière', 'fr'],
  ['infirmiere de soins', 'fr'],
  ['soudeur', 'fr'],
  ['nurse', 'en'],
  ['software developer', 'en'],
  ['e', 'en'],
  ['2221', 'nl'],
  ['7', 'fr'],
];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (value: number) => value.toFixed(value < 10 ? 2 : 0);
/** The nearest-rank percentile of unsorted values. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}
const median = (values: number[]) => percentile(values, 50);

const loadStart = loadavg()[0] ?? 0;

// Cold: read + parse the CSV, then fold and index every label (each run from scratch).
const readTimes: number[] = [];
const indexTimes: number[] = [];
let occupations = readOccupations();
for (let run = 0; run < 5; run++) {
  let start = process.hrtime.bigint();
  occupations = readOccupations();
  readTimes.push(ms(start));
  start = process.hrtime.bigint();
  buildOccupationIndex(occupations);
  indexTimes.push(ms(start));
}
const index = buildOccupationIndex(occupations);

// Warm: each query RUNS times, limit 20 as the form asks.
const rows: string[] = [];
const all: number[] = [];
for (const [query, lang] of QUERIES) {
  for (let warm = 0; warm < 10; warm++) searchOccupations(index, query, lang, 20);
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    found = searchOccupations(index, query, lang, 20).length;
    times.push(ms(start));
  }
  all.push(...times);
  rows.push(`| \`${query}\` | ${lang} | ${found} | ${fmt(median(times))} | ${fmt(percentile(times, 95))} |`);
}

// HTTP: the whole route (validation, search, serialisation) through inject(), and the payload.
const { app } = await createTestApp(null, { logLevel: 'warn' });
const url = `/api/v1/occupations?q=${encodeURIComponent('Verpleegkundige')}&lang=nl&limit=20`;
await app.inject({ method: 'GET', url });
const httpTimes: number[] = [];
let body = '';
for (let run = 0; run < RUNS; run++) {
  const start = process.hrtime.bigint();
  body = (await app.inject({ method: 'GET', url })).body;
  httpTimes.push(ms(start));
}
await app.close();
const answerBytes = Buffer.byteLength(body);
const answerGzip = gzipSync(body).length;
// What shipping the catalogue would cost: one language's labels, alternative labels and codes.
const oneLanguage = JSON.stringify(
  occupations.map((o) => ({ id: o.id, isco: o.iscoCode, label: o.labels.nl, alt: o.altLabels.nl })),
);
const csvBytes = readFileSync(OCCUPATIONS_CSV).length;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const section = `## Occupation search (npm run bench:occupations)

\`node --import tsx bench/occupations.bench.ts --runs ${RUNS} --write\`: the ${occupations.length} ESCO
occupations of \`data/esco/occupations.csv\` (${(csvBytes / 1e6).toFixed(1)} MB), searched in process by
\`searchOccupations\` (a linear scan over labels and alternative labels folded once; limit 20).

| query | lang | results | median ms | p95 ms |
|---|---|---:|---:|---:|
${rows.join('\n')}

- All queries together: median ${fmt(median(all))} ms, p95 ${fmt(percentile(all, 95))} ms, max ${fmt(Math.max(...all))} ms per search.
- Once per process (on \`listen\`, off the request path): reading the CSV ${fmt(median(readTimes))} ms and folding and
  indexing the three languages ${fmt(median(indexTimes))} ms (medians of 5).
- \`GET ${url}\` through \`app.inject()\`: median ${fmt(median(httpTimes))} ms, p95 ${fmt(percentile(httpTimes, 95))} ms;
  answer ${answerBytes} bytes (${answerGzip} gzipped). Shipping one language of the catalogue to the
  browser instead would be ${(Buffer.byteLength(oneLanguage) / 1e6).toFixed(2)} MB (${(gzipSync(oneLanguage).length / 1e3).toFixed(0)} kB gzipped), hence the server search.
- Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}; measured ${new Date().toISOString().slice(0, 10)};
  1-minute load average ${loadStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end (other work
  on the machine shows up as noise).
`;

console.log(section);
if (args.write) console.log(`written to ${writePerformanceSection(ROOT, '## Occupation search', section)}`);
