/**
 * Load benchmark (issue "Load"): the mixed workload of the service — staff queue reads and dossier
 * views, employers' dossier lists, public assessments, analysts' statistics — sent open loop at a
 * fixed arrival rate against a real Loket server (`src/server/main.ts` in its own process, as
 * `npm start` runs it) and its PostgreSQL, all on this machine. The rate steps up (100, 150, … req/s,
 * a fixed duration each); per step p50/p95/p99 latency, errors, and the CPU of the server and of
 * PostgreSQL; the answer is the highest rate with p99 < 300 ms and no errors.
 *
 *   node --import tsx bench/load.bench.ts [--rates 100,150,200,250,300] [--duration 30]
 *     [--dossiers 20000] [--profile DIR] [--statements] [--label TEXT] [--write]
 *
 * Uses DATABASE_URL when set (a database `loket_bench_load` is created and dropped), else an
 * embedded PostgreSQL in a temporary folder. Where the time goes: `--profile DIR` runs the server
 * with `--cpu-prof` (a .cpuprofile per run, for Chrome's DevTools); `--statements` loads
 * pg_stat_statements into the embedded PostgreSQL and prints the statements by total time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { Pool } from 'undici';
import { connectDatabase } from '../src/db/client.ts';
import { freePort, startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { dropDatabase, ensureDatabase } from '../src/db/ensure-database.ts';
import { emptyWebDist } from '../test/loket-process.ts';
import {
  buildWorld,
  MIX,
  type PlannedRequest,
  planRequests,
  type RequestKind,
} from './support/load-world.ts';
import {
  type LatencySummary,
  type OpenLoopResult,
  runOpenLoop,
  summariseLatencies,
} from './support/open-loop.ts';
import { writePerformanceSection } from './support/performance-doc.ts';
import { cpuSeconds, cpuSecondsEach, postgresPids } from './support/process-cpu.ts';

const { values: args } = parseArgs({
  options: {
    rates: { type: 'string', default: '100,150,200,250,300' },
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '10' },
    dossiers: { type: 'string', default: '20000' },
    'case-handlers': { type: 'string', default: '12' },
    employers: { type: 'string', default: '30' },
    profile: { type: 'string' },
    statements: { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
    write: { type: 'boolean', default: false },
  },
});
const RATES = args.rates.split(',').map(Number);
const DURATION_S = Number(args.duration);
const WARMUP_S = Number(args.warmup);
const TARGET_P99_MS = 300;
const TIMEOUT_MS = 10_000;
const ROOT = join(import.meta.dirname, '..');
const started = Date.now();

const work = await mkdtemp(join(tmpdir(), 'loket-bench-load-'));
await chmod(work, 0o755);
const database = await openDatabase();
let server: ChildProcess | null = null;
try {
  const loadAtStart = loadavg().map((n) => n.toFixed(2));
  const port = await freePort();
  const running = await startServer(database.url, port);
  server = running.child;
  const handle = connectDatabase(database.url, {
    max: 3,
    applicationName: 'loket-bench',
    connectionTimeoutMs: 60_000, // a busy machine is slow to connect; the set-up must not give up
  });
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 256, pipelining: 1 });
  console.log(`server up; writing ${args.dossiers} generated dossiers and the accounts…`);
  const world = await buildWorld(handle, {
    dossiers: Number(args.dossiers),
    caseHandlers: Number(args['case-handlers']),
    employers: Number(args.employers),
    isAssessable: async (body) => {
      const answer = await pool.request({
        method: 'POST',
        path: '/api/v1/assessments',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await answer.body.arrayBuffer();
      return answer.statusCode === 200;
    },
  });
  const totalDossiers = Number(
    (
      await handle.db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

  const send = async (request: PlannedRequest): Promise<true | string> => {
    const headers: Record<string, string> = { 'accept-language': 'nl' };
    if (request.session) headers.cookie = `loket_session=${request.session}`;
    if (request.body) headers['content-type'] = 'application/json';
    const response = await pool.request({
      method: request.method,
      path: request.path,
      headers,
      ...(request.body ? { body: request.body } : {}),
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
    await response.body.arrayBuffer();
    return response.statusCode < 400 ? true : String(response.statusCode);
  };
  // Every kind must answer 2xx before measuring: a mix of 404s would be fast and meaningless.
  for (const [kind] of MIX) {
    const sample = world.catalogue[kind][0] as PlannedRequest;
    const answer = await send(sample);
    if (answer !== true) throw new Error(`${kind} ${sample.method} ${sample.path} answered ${answer}`);
  }

  const auditCount = async () =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from audit_events
          where action in ('DOSSIER_READ', 'DOSSIER_LIST_READ')`.execute(handle.db)
      ).rows[0]?.n,
    );
  // PostgreSQL's CPU over a step: every backend alive at its start or end (the server's pool opens
  // connections as the load grows; one opened during the step used all its CPU within it).
  const postgresCpu = async (before: Map<number, number> | null) => {
    const now = await cpuSecondsEach(await postgresPids(database.postmasterPidFile));
    if (!before) return { now, used: 0 };
    let used = 0;
    for (const [pid, seconds] of now) used += seconds - (before.get(pid) ?? 0);
    return { now, used };
  };

  interface Step {
    rate: number;
    result: OpenLoopResult;
    overall: LatencySummary;
    byKind: Map<RequestKind, LatencySummary>;
    errors: Map<string, number>;
    serverCpu: number;
    postgresCpu: number;
    /** CPU ms per answered request: comparable across runs even when other work shares the cores. */
    serverMsPerRequest: number;
    postgresMsPerRequest: number;
    benchCpu: number;
    load: string;
    staffReads: number;
    audited: number;
    /** SQL statements per request (pg_stat_statements, with --statements): load-independent. */
    statementsPerRequest: number | null;
  }
  const statementCount = async () =>
    args.statements
      ? Number(
          (
            await sql<{ n: number }>`select coalesce(sum(calls), 0)::bigint as n from pg_stat_statements
              where dbid = (select oid from pg_database where datname = current_database())`.execute(
              handle.db,
            )
          ).rows[0]?.n,
        )
      : 0;
  const runStep = async (rate: number, seconds: number, seed: number): Promise<Step> => {
    const planned = planRequests(world, Math.floor(rate * seconds), seed);
    const load = loadavg()[0]?.toFixed(2) ?? '?';
    const auditBefore = await auditCount();
    const statementsBefore = await statementCount();
    const pgBefore = (await postgresCpu(null)).now;
    const serverBefore = await cpuSeconds([server?.pid as number]);
    const benchBefore = process.cpuUsage();
    const result = await runOpenLoop({
      rate,
      durationMs: seconds * 1000,
      send: (index) => send(planned[index] as PlannedRequest),
    });
    const wall = result.wallMs / 1000;
    const bench = process.cpuUsage(benchBefore);
    const serverSeconds = (await cpuSeconds([server?.pid as number])) - serverBefore;
    const postgresSeconds = (await postgresCpu(pgBefore)).used;
    const answered = Math.max(1, result.outcomes.length);
    const ok = result.outcomes.filter((o) => o.ok);
    const byKind = new Map<RequestKind, LatencySummary>();
    for (const [kind] of MIX)
      byKind.set(
        kind,
        summariseLatencies(ok.filter((o) => planned[o.index]?.kind === kind).map((o) => o.latencyMs)),
      );
    const errors = new Map<string, number>();
    for (const o of result.outcomes)
      if (!o.ok) {
        const key = `${planned[o.index]?.kind}: ${o.error}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    return {
      rate,
      result,
      overall: summariseLatencies(ok.map((o) => o.latencyMs)),
      byKind,
      errors,
      serverCpu: serverSeconds / wall,
      postgresCpu: postgresSeconds / wall,
      serverMsPerRequest: (serverSeconds * 1000) / answered,
      postgresMsPerRequest: (postgresSeconds * 1000) / answered,
      benchCpu: (bench.user + bench.system) / 1e6 / wall,
      load,
      staffReads: result.outcomes.filter((o) => o.ok && planned[o.index]?.staffRead).length,
      audited: (await auditCount()) - auditBefore,
      // Less the two counting queries of the benchmark itself.
      statementsPerRequest: args.statements
        ? ((await statementCount()) - statementsBefore - 2) / answered
        : null,
    };
  };

  const fmt = (n: number) => (Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const describe = (step: Step) =>
    `${step.rate} req/s: p50 ${fmt(step.overall.p50)} ms, p95 ${fmt(step.overall.p95)} ms, p99 ${fmt(step.overall.p99)} ms, max ${fmt(step.overall.max)} ms; errors ${step.result.outcomes.length - step.overall.count}; server CPU ${(step.serverCpu * 100).toFixed(0)} % (${step.serverMsPerRequest.toFixed(2)} ms/req), PostgreSQL ${(step.postgresCpu * 100).toFixed(0)} % (${step.postgresMsPerRequest.toFixed(2)} ms/req), bench ${(step.benchCpu * 100).toFixed(0)} %; load ${step.load};${step.statementsPerRequest === null ? '' : ` ${step.statementsPerRequest.toFixed(2)} SQL statements/req;`} send lag max ${fmt(step.result.maxSendLagMs)} ms`;

  console.log(`warm-up: ${WARMUP_S} s at 50 req/s (not counted)…`);
  const warm = await runStep(50, WARMUP_S, 1);
  console.log(`  warm-up ${describe(warm)}`);
  if (args.statements) await sql`select pg_stat_statements_reset()`.execute(handle.db);
  const steps: Step[] = [];
  for (const [i, rate] of RATES.entries()) {
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // let the last step's queue drain
    const step = await runStep(rate, DURATION_S, 100 + i);
    steps.push(step);
    console.log(describe(step));
    for (const [kind, s] of step.byKind)
      console.log(`    ${kind.padEnd(13)} p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms (${s.count})`);
    for (const [key, n] of step.errors) console.log(`    error ${key} × ${n}`);
    // Far past the target, higher rates only add minutes of queueing: stop there.
    if (step.overall.p99 > 5_000) break;
  }
  if (args.statements) {
    const { rows: top } = await sql<{ calls: number; total: number; mean: number; query: string }>`
      select calls::int, total_exec_time as total, mean_exec_time as mean, query
      from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      order by total_exec_time desc limit 25`.execute(handle.db);
    console.log('statements by total time (all steps):');
    for (const row of top)
      console.log(
        `  ${row.total.toFixed(0).padStart(7)} ms  ${String(row.calls).padStart(7)} calls  ${row.mean.toFixed(3)} ms  ${row.query.replace(/\s+/g, ' ').slice(0, 150)}`,
      );
  }
  const passing = steps.filter((s) => s.overall.p99 < TARGET_P99_MS && s.errors.size === 0);
  const best = passing.length ? Math.max(...passing.map((s) => s.rate)) : null;
  const unaudited = steps.filter((s) => s.audited < s.staffReads);
  console.log(
    `highest rate with p99 < ${TARGET_P99_MS} ms and no errors: ${best ?? 'none'} req/s; staff reads audited: ${unaudited.length === 0 ? 'all' : 'NOT ALL'}`,
  );
  if (unaudited.length) process.exitCode = 1;

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
  const rows = steps
    .map(
      (s) =>
        `| ${s.rate} | ${fmt(s.overall.p50)} | ${fmt(s.overall.p95)} | ${fmt(s.overall.p99)} | ${fmt(s.overall.max)} | ${s.result.outcomes.length - s.overall.count} | ${(s.serverCpu * 100).toFixed(0)} % (${s.serverMsPerRequest.toFixed(1)}) | ${(s.postgresCpu * 100).toFixed(0)} % (${s.postgresMsPerRequest.toFixed(1)}) | ${s.load} |`,
    )
    .join('\n');
  const kindRows = MIX.map(
    ([kind, share]) =>
      `| ${kind} (${share} %) | ${steps.map((s) => `${fmt(s.byKind.get(kind)?.p50 ?? Number.NaN)} / ${fmt(s.byKind.get(kind)?.p99 ?? Number.NaN)}`).join(' | ')} |`,
  ).join('\n');
  const section = `## Load (npm run bench:load)

\`npm run bench:load -- --rates ${RATES.join(',')} --duration ${DURATION_S} --dossiers ${args.dossiers} --write\`${args.label ? ` — ${args.label}` : ''}

- Machine: ${machine}; measured ${new Date().toISOString().slice(0, 10)}; 1/5/15-minute load average
  ${loadAtStart.join(' / ')} at the start (other work on the same cores shows up as noise; the load
  at each step's start is in the table). Loket, its PostgreSQL and this load generator share the cores.
- Data: the demo data (accounts, ${totalDossiers - Number(args.dossiers)} demo dossiers, with register facts) plus ${args.dossiers} generated
  dossiers (seed 2019), ${totalDossiers} in all, ${world.openDossiers} open; ${world.staff} staff and
  ${world.employers} employer sessions, one analyst.
- Open loop: requests are sent at fixed times (rate × ${DURATION_S} s per step, ${WARMUP_S} s at 50 req/s of
  warm-up first, not counted), whether or not earlier ones have answered; latency runs from the
  planned send time to the end of the answer, so queueing in the server is counted. An error is an
  answer ≥ 400 or none within ${TIMEOUT_MS / 1000} s of the request leaving on a connection (up to 256 open);
  errors are left out of the percentiles.
- Mix: ${MIX.map(([k, share]) => `${k} ${share} %`).join(', ')}. Dossier views and queue reads are staff reads and must each leave
  an audit event: the benchmark counts them (${unaudited.length === 0 ? 'all audited in every step' : 'SOME NOT AUDITED'}).

| rate req/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU (ms/request) | PostgreSQL CPU (ms/request) | load |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows}

Per kind, p50 / p99 ms at each rate (${steps.map((s) => s.rate).join(', ')} req/s):

| kind | ${steps.map((s) => `${s.rate}`).join(' | ')} |
|---|${steps.map(() => '---').join('|')}|
${kindRows}

**Highest rate with p99 < ${TARGET_P99_MS} ms and no errors: ${best ?? 'none'} req/s** (target 200 req/s). CPU is
of one core (100 % = one core busy); CPU ms per request is the steadier figure when other work shares
the cores. Whole benchmark: ${((Date.now() - started) / 1000).toFixed(0)} s.
`;
  if (args.write)
    console.log(`wrote ${writePerformanceSection(ROOT, '## Load (npm run bench:load)', section)}`);
  else console.log(`\n${section}`);
  await pool.close();
  await handle.close();
} finally {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  await database.close();
  await rm(work, { recursive: true, force: true });
}

async function openDatabase() {
  if (process.env.DATABASE_URL) {
    const url = await ensureDatabase(process.env.DATABASE_URL, 'loket_bench_load');
    return {
      url,
      postmasterPidFile: null,
      close: () => dropDatabase(process.env.DATABASE_URL as string, 'loket_bench_load'),
    };
  }
  const dataDir = join(work, 'data');
  let embedded = await startEmbeddedPostgres({ dataDir });
  if (args.statements) {
    // The extension must be preloaded: set it, then start again on the same folder.
    const admin = connectDatabase(embedded.url, { max: 1 });
    await sql`alter system set shared_preload_libraries = 'pg_stat_statements'`.execute(admin.db);
    await admin.close();
    await embedded.stop();
    embedded = await startEmbeddedPostgres({ dataDir });
  }
  const url = await ensureDatabase(embedded.url, 'loket_bench_load');
  if (args.statements) {
    const own = connectDatabase(url, { max: 1 });
    await sql`create extension pg_stat_statements`.execute(own.db);
    await own.close();
  }
  return { url, postmasterPidFile: join(dataDir, 'postmaster.pid'), close: () => embedded.stop() };
}

/**
 * The server as `npm start` runs it, in its own process: demo data loaded into the (empty)
 * benchmark database, the register simulator in demo mode, logging at its default level to a file.
 * The workload asks only API routes, so the server gets an empty web build instead of building
 * the real one at start (`emptyWebDist`, as the two-instance test does).
 */
async function startServer(databaseUrl: string, port: number) {
  const web = await emptyWebDist();
  const logFile = join(work, 'server.log');
  const { openSync } = await import('node:fs');
  const out = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : []),
      '--import',
      'tsx',
      join(ROOT, 'src/server/main.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOKET_DEMO: '1',
        LOKET_WEB_DIST: web,
      },
      stdio: ['ignore', out, out],
    },
  );
  const deadline = Date.now() + 180_000;
  while (!(await readFile(logFile, 'utf8')).includes('Loket is running at')) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`the server did not start in 3 minutes; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, logFile };
}
