/**
 * Risk ranking benchmark (issue 14): the register simulator serves a seeded population of granted
 * authorisations with planted infringements and honest look-alikes; the monitoring re-reads every
 * register over HTTP at the simulator's realistic latency and failure rate, ranks the employers,
 * and the ranking is scored against the ground truth (which the product never reads), next to a
 * baseline of one rule alone (the wage gap).
 *
 *   node --import tsx bench/risk.bench.ts [--authorisations 100000] [--write]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rankByWageGapAlone } from '../src/enforcement/baseline.ts';
import { rankEmployers } from '../src/enforcement/employer-signals.ts';
import { readRegisters } from '../src/enforcement/read-registers.ts';
import { riskParametersOn } from '../src/enforcement/risk-parameters.ts';
import { createSimulator, createSourceAdapters, SIMULATOR_DEFAULTS } from '../src/sources/index.ts';
import { writePerformanceSection } from './support/performance-doc.ts';

const { values: args } = parseArgs({
  options: {
    authorisations: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '16' },
    write: { type: 'boolean', default: false },
  },
});
const N = Number(args.authorisations);
const CONCURRENCY = Number(args.concurrency);
const ROOT = join(import.meta.dirname, '..');
const READ_ON = '2026-12-01';
const loadStart = loadavg()[0] ?? 0;

let t = performance.now();
const simulator = await createSimulator({
  port: 0,
  referenceDate: READ_ON,
  monitoringAuthorisations: N,
  federalDecisionDelayMs: 1_000,
});
const generateMs = performance.now() - t;
const monitoring = simulator.monitoring;
if (!monitoring) throw new Error('the simulator made no monitoring population');
const truthFile = join(tmpdir(), `risk-ground-truth-${N}.json`);
writeFileSync(truthFile, JSON.stringify(monitoring.truth, null, 1));

const sources = createSourceAdapters({ baseUrl: simulator.url });
const auths = monitoring.authorisations.map((a) => ({ ...a }));
t = performance.now();
const params = riskParametersOn(READ_ON);
const { reading, requests, unread } = await readRegisters(
  sources,
  auths,
  READ_ON,
  { concurrency: CONCURRENCY, retryPauseMs: 2_000 },
  params.nonEuMinimumHeadcount.value,
);
const readMs = performance.now() - t;
t = performance.now();
const ranking = rankEmployers(auths, reading, params);
const rankMs = performance.now() - t;
const baseline = rankByWageGapAlone(auths, reading);
await simulator.close();

const planted = new Set(monitoring.truth.planted.map((p) => p.enterpriseNumber));
const lookAlike = new Map(monitoring.truth.lookAlikes.map((l) => [l.enterpriseNumber, l.kind]));
function quality(list: readonly string[], k: number) {
  const top = list.slice(0, k);
  const hits = top.filter((n) => planted.has(n)).length;
  return {
    precision: hits / Math.max(1, top.length),
    recall: hits / planted.size,
    lookAlikes: top.filter((n) => lookAlike.has(n)).length,
  };
}
const ours = ranking.map((r) => r.enterpriseNumber);
const rows = [100, 500].flatMap((k) => {
  const a = quality(ours, k);
  const b = quality(baseline, k);
  return [
    `| top ${k} | ranking (all signals) | ${a.precision.toFixed(2)} | ${a.recall.toFixed(2)} | ${a.lookAlikes} |`,
    `| top ${k} | baseline (wage gap alone) | ${b.precision.toFixed(2)} | ${b.recall.toFixed(2)} | ${b.lookAlikes} |`,
  ];
});
const byKind = new Map<string, { total: number; inTop500: number }>();
const top500 = new Set(ours.slice(0, 500));
for (const p of monitoring.truth.planted) {
  const entry = byKind.get(p.kind) ?? { total: 0, inTop500: 0 };
  entry.total++;
  if (top500.has(p.enterpriseNumber)) entry.inTop500++;
  byKind.set(p.kind, entry);
}
const missedFalse = [...lookAlike.entries()]
  .filter(([n]) => ours.slice(0, 100).includes(n))
  .map(([, k]) => k);
// The two employer signals read from the whole staff and the filing's address: who they flag.
const flaggedBy = (kind: string) => {
  const flagged = ranking
    .filter((r) => r.signals.some((s) => s.kind === kind))
    .map((r) => r.enterpriseNumber);
  const plantedHere = flagged.filter((n) => planted.has(n)).length;
  const alike = new Map<string, number>();
  for (const n of flagged) {
    const k = lookAlike.get(n);
    if (k) alike.set(k, (alike.get(k) ?? 0) + 1);
  }
  const other = flagged.length - plantedHere - [...alike.values()].reduce((a, b) => a + b, 0);
  const alikeText = [...alike.entries()].map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  return `${kind} flags ${flagged.length} employers: ${plantedHere} planted, look-alikes ${alikeText}, ${other} other`;
};
const perHundredThousand = (readMs / auths.length) * 100_000;
const [minLatency, maxLatency] = SIMULATOR_DEFAULTS.latencyMs;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const section = `## Risk ranking after the grant (npm run bench:risk)

\`node --import tsx bench/risk.bench.ts --authorisations ${N} --write\`: the register simulator (seed ${SIMULATOR_DEFAULTS.seed},
reference date ${READ_ON}) serves ${auths.length} granted authorisations of ${new Set(auths.map((a) => a.enterpriseNumber)).size} employers: ${planted.size}
employers with a planted infringement and ${lookAlike.size} with an honest look-alike (ground truth written to a temporary
file the product never reads). Every register is re-read over HTTP through the real adapters (batch questions of 100,
${CONCURRENCY} at once) at the simulator's latency of ${minLatency}–${maxLatency} ms and its ${SIMULATOR_DEFAULTS.failureRate * 100} % failure rate.

| cut | list | precision | recall | look-alikes in it |
|---|---|---:|---:|---:|
${rows.join('\n')}

- Targets: precision in the top 100 at least 0.8 (the federal data-mining pilot found infringements at two thirds
  of the employers it flagged); re-checking 100 000 active authorisations in under 10 minutes.
- Re-reading the registers for ${auths.length} authorisations: ${fmtS(readMs)} (${requests} register calls, unread after retries: ${JSON.stringify(unread)}),
  i.e. ${fmtS(perHundredThousand)} per 100 000; ranking in process ${fmtS(rankMs)}. Generating the population: ${fmtS(generateMs)}.
- Planted employers in the top 500, by kind: ${[...byKind.entries()].map(([k, v]) => `${k} ${v.inTop500}/${v.total}`).join(', ')}.
- Recall at a cut is at most the cut ÷ the planted employers (${(500 / planted.size).toFixed(2)} for the top 500).
- ${flaggedBy('NON_EU_STAFF')}; ${flaggedBy('EMPLOYER_MOVED')}.
- Look-alikes in our top 100: ${missedFalse.length === 0 ? 'none' : missedFalse.join(', ')}.
- Not timed here: writing the signals to PostgreSQL (the job does it in one transaction per run).
- Machine: ${cpu}, ${cpus().length} cores, Node ${process.version}; measured ${new Date().toISOString().slice(0, 10)};
  1-minute load average ${loadStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end (a shared machine:
  other engineers' work shows up as noise)${loadStart > cpus().length ? '; measured under load: the times are inflated, the precision and recall are not' : ''}.
`;
console.log(section);
if (args.write)
  console.log(`written to ${writePerformanceSection(ROOT, '## Risk ranking after the grant', section)}`);
