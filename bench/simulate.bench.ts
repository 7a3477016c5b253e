/**
 * npm run bench:simulate — the policy simulation at volume (issue 15): 1,000,000 generated dossiers
 * re-assessed under the rules in force and under a changed parameter (the salary base of the
 * highly-skilled threshold raised by 10 %) on the simulation's own worker threads, next to the plain
 * assessment throughput of one thread measured in the same run (as bench:rules measures it).
 *
 *   node --import tsx bench/simulate.bench.ts [--count N] [--batch B] [--threads T] [--plain P] [--write]
 *
 * The dossiers are generated on the main thread in batches while the threads assess the previous
 * ones, as the server reads pages of stored dossiers from the database while its threads work.
 * `--write` rewrites the "Policy simulation" section of docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ruleDataParts } from '../src/governance/simulation/simulate-batch.worker.ts';
import {
  emptyTally,
  mergeTallies,
  type RuleChange,
  type SimulationDossier,
  type SimulationTally,
} from '../src/governance/simulation/simulation-diff.ts';
import { createSimulationPool } from '../src/governance/simulation/simulation-pool.ts';
import { type Application, assessValidApplication, getDefaultRuleData } from '../src/rules/index.ts';
import { generateApplications } from './support/generate-applications.ts';
import { writePerformanceSection } from './support/performance-doc.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '10000' },
    threads: { type: 'string', default: String(availableParallelism()) },
    plain: { type: 'string', default: '100000' },
    write: { type: 'boolean', default: false },
  },
});
const COUNT = Number(args.count);
const BATCH = Number(args.batch);
const THREADS = Number(args.threads);
const PLAIN = Number(args.plain);
const ROOT = new URL('..', import.meta.url).pathname;
const SEED = 20260210;

const data = getDefaultRuleData();
const base2026 = data.parameters.resolve('salary.averageGrossAnnual', '2026-06-01')?.value as number;
const change: RuleChange = {
  kind: 'parameter',
  name: 'salary.averageGrossAnnual',
  value: Math.round(base2026 * 1.1),
};

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

function asDossiers(apps: Application[], offset: number): SimulationDossier[] {
  return apps.map((application, i) => ({
    reference: `B${String(offset + i).padStart(7, '0')}`,
    category: application.category,
    year: Number(application.applicationDate.slice(0, 4)),
    application,
  }));
}

// --- Plain assessment, one thread (the figure bench:rules reports) -----------------------------
const uptimeBefore = uptime();
const loadBefore = loadavg()[0]?.toFixed(2);
console.error(`${uptimeBefore}\nPlain assessment of ${PLAIN} applications on one thread…`);
const plainApps = generateApplications(PLAIN, SEED, data);
for (let i = 0; i < Math.min(PLAIN, 10_000); i++) assessValidApplication(data, plainApps[i] as Application);
const plainRuns: number[] = [];
const plainCpu: number[] = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const app of plainApps) assessValidApplication(data, app, { lang: 'nl' });
  const cpu = process.cpuUsage(c0);
  plainRuns.push(((performance.now() - t0) * 1000) / PLAIN);
  plainCpu.push((cpu.user + cpu.system) / PLAIN);
}
const plainUs = median(plainRuns);
/** CPU time per assessment: what the thread itself used, whatever else ran on the cores. */
const plainCpuUs = median(plainCpu);
console.error(
  `  ${plainRuns.map((x) => x.toFixed(2)).join(' / ')} µs per assessment → ${plainUs.toFixed(2)} µs`,
);

// --- The simulation ---------------------------------------------------------------------------
const pool = createSimulationPool({ threads: THREADS });
const key = 'bench';
const baseline = ruleDataParts(data);
console.error(`Starting ${THREADS} simulation threads…`);
const tStart = performance.now();
await Promise.all(
  Array.from({ length: THREADS }, (_, t) =>
    pool.run({
      key,
      baseline,
      change,
      dossiers: asDossiers(generateApplications(500, SEED + 1000 + t, data), 0),
    }),
  ),
);
const startMs = performance.now() - tStart;

console.error(`Re-assessing ${COUNT} dossiers in batches of ${BATCH} on ${THREADS} threads…`);
let tally = emptyTally();
let generateMs = 0;
const inFlight: Promise<SimulationTally>[] = [];
const t0 = performance.now();
const cpu0 = process.cpuUsage(); // the whole process: main thread and the worker threads
for (let offset = 0; offset < COUNT; offset += BATCH) {
  const g0 = performance.now();
  const dossiers = asDossiers(
    generateApplications(Math.min(BATCH, COUNT - offset), SEED + offset, data),
    offset,
  );
  generateMs += performance.now() - g0;
  inFlight.push(pool.run({ key, baseline, change, dossiers }));
  if (inFlight.length > THREADS)
    tally = mergeTallies(tally, await (inFlight.shift() as Promise<SimulationTally>));
}
for (const pending of inFlight) tally = mergeTallies(tally, await pending);
const simulateMs = performance.now() - t0;
const cpuUsed = process.cpuUsage(cpu0);
const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
const cores = cpus().length;
await pool.close();
const uptimeAfter = uptime();
const loadAfter = loadavg()[0]?.toFixed(2);

const perDossierUs = (simulateMs * 1000) / COUNT;
const plainSeconds = (COUNT * 2 * plainUs) / 1e6;
const transitions = Object.entries(tally.transitions)
  .sort((a, b) => b[1] - a[1])
  .map(([k, n]) => `${k} ${n}`)
  .join(', ');
const lines = [
  `Simulated ${tally.total} dossiers (${tally.notAssessed} not assessable): ${tally.changed} outcomes change (${transitions})`,
  `  ${(simulateMs / 1000).toFixed(1)} s for ${COUNT} dossiers on ${THREADS} threads (${perDossierUs.toFixed(2)} µs per dossier, two assessments each); generating them on the main thread ${(generateMs / 1000).toFixed(1)} s of it; threads started in ${(startMs / 1000).toFixed(1)} s before`,
  `  CPU time of the run (main thread and threads): ${cpuSeconds.toFixed(1)} s, i.e. ${(cpuSeconds / cores).toFixed(1)} s of wall time on ${cores} otherwise idle cores`,
  `  plain assessment on one thread: ${plainUs.toFixed(2)} µs wall, ${plainCpuUs.toFixed(2)} µs CPU (${Math.round(1e6 / plainUs)} per second); 2 × ${COUNT} plain assessments on one thread would take ${plainSeconds.toFixed(1)} s`,
  `  target: under 60 s → ${simulateMs < 60_000 ? 'met' : 'NOT met'}`,
];
console.log(lines.join('\n'));

if (args.write) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const section = `## Policy simulation (npm run bench:simulate)

\`npm run bench:simulate\` (${new Date().toISOString().slice(0, 10)}): ${COUNT.toLocaleString('en')} generated dossiers (the applications of \`bench:rules\`: highly skilled, medium-skilled shortage, other with a labour-market test, 2023–2026) re-assessed under the rules in force and under \`salary.averageGrossAnnual\` raised by 10 % (${base2026} → ${String(change.kind === 'parameter' ? change.value : '')} EUR) on the simulation's worker threads (\`src/governance/simulation/\`, the code the server runs), in batches of ${BATCH.toLocaleString('en')} generated on the main thread meanwhile.

| figure | value |
| --- | --- |
| 1,000,000 dossiers re-assessed (two assessments each, diff and tally) | **${(simulateMs / 1000).toFixed(1)} s** on ${THREADS} threads (target under 60 s: ${simulateMs < 60_000 ? 'met' : 'not met'}) |
| per dossier | ${perDossierUs.toFixed(2)} µs wall time |
| CPU time of the run, all threads (load-independent) | ${cpuSeconds.toFixed(1)} s: **${(cpuSeconds / cores).toFixed(1)} s** of wall time on ${cores} otherwise idle cores |
| main-thread time generating the dossiers (overlaps the threads' work) | ${(generateMs / 1000).toFixed(1)} s |
| starting the threads (TypeScript and rule data loaded), before the timing | ${(startMs / 1000).toFixed(1)} s |
| plain assessment, one thread, same run (median of 3 × ${PLAIN.toLocaleString('en')}) | ${plainUs.toFixed(2)} µs wall (${plainCpuUs.toFixed(2)} µs CPU), ${Math.round(1e6 / plainUs).toLocaleString('en')} per second: 2 × 1,000,000 would take ${plainSeconds.toFixed(1)} s on one thread |
| outcomes changed | ${tally.changed.toLocaleString('en')} of ${tally.total.toLocaleString('en')} (${transitions}) |

Machine: ${cpus().length} × ${cpu}. \`uptime\` before: \`${uptimeBefore}\`; after: \`${uptimeAfter}\` (load ${loadBefore} → ${loadAfter}). **The ${cores} cores were shared with other sessions** (other builds and tests ran at the same time; a load of ${loadBefore} on ${cores} cores means the run got a fraction of them), so the wall time is an upper bound for a quiet machine and the CPU time the better guide; re-run before quoting. The server runs the same worker with one thread less than the cores (one is left to the event loop) and reads the dossiers from PostgreSQL instead of generating them; one request is capped at 250,000 dossiers ([governance.md](governance.md#policy-simulation)).
`;
  console.error(
    `wrote ${writePerformanceSection(ROOT, '## Policy simulation (npm run bench:simulate)', section)}`,
  );
}
