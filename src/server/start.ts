import path from 'node:path';
import pino, { type Logger } from 'pino';
import { startAuditSealing } from '../audit/audit-sealing.ts';
import { connectDatabase, type DatabaseHandle } from '../db/client.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { ensureDatabase } from '../db/ensure-database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import { loadDemoDossiers } from '../demo/demo-dossiers.ts';
import { loadDemoEnforcement } from '../demo/demo-enforcement.ts';
import { loadDemoReports } from '../desk/desk-demo.ts';
import { startRegisterCheckLoop } from '../dossiers/register-check/run-register-checks.ts';
import { workRequestedRuns } from '../enforcement/monitoring-run.ts';
import { startGovernedRuleData } from '../governance/rule-data/governed-rule-data.ts';
import { type JobRunner, startJobs } from '../jobs/jobs.ts';
import { oneAtATime } from '../jobs/one-at-a-time.ts';
import { startMailSending } from '../notifications/send-mail.ts';
import { getDefaultRuleData } from '../rules/index.ts';
import { createSimulator, createSourceAdapters, type Simulator } from '../sources/index.ts';
import { startStatisticsFolding } from '../stats/fold-statistics.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { DatabaseState } from './database-state.ts';
import { loggerOptions } from './logger.ts';
import { prepareDatabase } from './prepare-database.ts';
import { brusselsDate } from './today.ts';

export interface RunningLoket {
  url: string;
  database: DatabaseState;
  /** Resolves once the database is connected, migrated and (if asked) loaded with demo data. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

const RETRY_MS = 5_000;

function describeDatabase(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || 5432}${pathname}`; // never the password
}

/**
 * Starts Loket: the embedded PostgreSQL unless DATABASE_URL is set, the HTTP server at once (so
 * /health/ready can say 503 while the database is down), then connects, migrates, loads demo
 * data and starts background jobs, retrying until the database answers.
 */
export async function startLoket(
  config: Config,
  options: { log?: Logger; announce?: (text: string) => void } = {},
): Promise<RunningLoket> {
  const log = options.log ?? pino(loggerOptions(config.logLevel));
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const dataDir = path.join(config.dataDir, 'postgres');
    log.info({ dataDir }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir,
      log: (message) => log.debug({ postgres: message }),
      onSupervision: (event) => {
        if (event.kind === 'died')
          log.error(
            { code: event.code, signal: event.signal },
            'embedded PostgreSQL stopped unexpectedly; restarting it (/health/ready answers 503 meanwhile)',
          );
        else if (event.kind === 'restart-failed')
          log.error(
            { attempt: event.attempt, retryInMs: event.retryInMs, reason: event.reason },
            'embedded PostgreSQL did not restart; trying again',
          );
        else log.info({ attempt: event.attempt }, 'embedded PostgreSQL restarted');
      },
    });
    databaseUrl = await ensureDatabase(embedded.url, 'loket');
  }
  // The rule files are read and checked once, now, rather than by the first request that assesses.
  getDefaultRuleData();
  const loadDemo = config.demo === 'on' || (config.demo === 'auto' && embedded !== null);
  // The registers: a configured network, or in demo mode the simulator inside this process.
  let simulator: Simulator | null = null;
  let sourcesUrl = config.caseHandling.sourcesUrl;
  if (!sourcesUrl && loadDemo) {
    // With the demo's enforcement cases: the registers behind the demo's granted dossiers.
    simulator = await createSimulator({
      port: 0,
      host: '127.0.0.1',
      referenceDate: brusselsDate(new Date()),
      demoMonitoring: true,
    });
    sourcesUrl = simulator.url;
    log.info({ simulator: simulator.url }, 'register simulator started (demo mode)');
  }
  const sources = sourcesUrl ? createSourceAdapters({ baseUrl: sourcesUrl, log }) : null;

  const database = new DatabaseState();
  const app = await buildApp({ config, database, sources });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${new URL(address).port}`;

  let handle: DatabaseHandle | null = null;
  let jobs: JobRunner | null = null;
  let registerChecks: { stop(drainMs?: number): Promise<void> } | null = null;
  let statisticsFolding: { stop(): Promise<void> } | null = null;
  let auditSealing: { stop(): Promise<void> } | null = null;
  let mailSending: { stop(): Promise<void> } | null = null;
  let ruleDataRefresh: { stop(): Promise<void> } | null = null;
  let demoMonitoring: Promise<unknown> | null = null;
  let appUrl: string | null = null;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | null = null;

  const prepare = async (ownerUrl: string): Promise<string> => {
    const prepared = await prepareDatabase(ownerUrl, { appUrl: config.appDatabaseUrl });
    if (prepared.applied.length) log.info({ migrations: prepared.applied }, 'database migrated');
    log.info({ role: prepared.role, managed: prepared.managed }, 'serving as the database app role');
    return prepared.appUrl;
  };

  const connect = async (): Promise<void> => {
    while (!stopping) {
      try {
        // As the owner: migrations, the job queue's schema, the app role and its grants. Then
        // everything else runs as the app role, which cannot alter what it uses (decision 006).
        appUrl ??= await prepare(databaseUrl);
        handle ??= connectDatabase(appUrl, {
          max: config.database.poolSize,
          connectionTimeoutMs: config.database.connectionTimeoutMs,
          statementTimeoutMs: config.database.statementTimeoutMs,
          idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
          onConnectionError: (error) =>
            log.warn({ reason: error.message }, 'database connection lost; the next query reconnects'),
        });
        database.attach(handle.db);
        database.observePool(handle.pool);
        // Instances starting together on an empty database: one loads the demo, the others go on.
        const db = handle.db;
        // The rule data is the database's approved versions (seeded from rules/ when empty).
        ruleDataRefresh ??= await startGovernedRuleData(db, log);
        const demoLoaded = loadDemo
          ? ((await oneAtATime(db, 'demo-data', () => loadDemoData(db))) ?? false)
          : false;
        if (demoLoaded) {
          const started = Date.now();
          const dossiers = await loadDemoDossiers(handle.db, brusselsDate(new Date()));
          const inspector = await db
            .selectFrom('users')
            .select('id')
            .where('username', '=', 'inspecteur')
            .executeTakeFirst();
          const reports = await loadDemoReports(db, brusselsDate(new Date()), inspector?.id ?? null);
          log.info({ dossiers, reports, ms: Date.now() - started }, 'demo dossiers and desk reports loaded');
          // The enforcement cases and their first monitoring run, after the start rather than before
          // it (each grant renders its letter): the inspector's work list fills a few seconds later.
          demoMonitoring = loadDemoEnforcement(db, brusselsDate(new Date()))
            .then(async (enforcement) => {
              const run = sources && enforcement.runId ? await workRequestedRuns(db, sources) : null;
              log.info(
                { granted: enforcement.dossiers, run, ms: Date.now() - started },
                'demo enforcement cases loaded',
              );
            })
            .catch((error: Error) =>
              log.warn({ reason: error.message }, 'the demo enforcement cases failed'),
            );
        }
        if (sources)
          registerChecks = startRegisterCheckLoop(handle.db, sources, log, {
            leaseSeconds: config.claimLeaseSeconds,
          });
        statisticsFolding = startStatisticsFolding(handle.db, log);
        auditSealing = startAuditSealing(handle.db, log);
        mailSending = startMailSending(handle.db, config.mail, log);
        jobs = await startJobs(appUrl, handle.db, log, { context: { sources, now: () => new Date() } });
        options.announce?.(banner(url, loadDemo, demoLoaded));
        return;
      } catch (error) {
        log.error(
          { database: describeDatabase(databaseUrl), reason: (error as Error).message },
          `database not reachable or not ready; retrying in ${RETRY_MS / 1000} s (/health/ready answers 503 meanwhile)`,
        );
        await new Promise<void>((resolve) => {
          retryTimer = setTimeout(resolve, RETRY_MS);
        });
      }
    }
  };
  const ready = connect();

  return {
    url,
    database,
    ready,
    async stop() {
      stopping = true;
      if (retryTimer) clearTimeout(retryTimer);
      await app.close(); // stops accepting, lets requests in flight finish
      await registerChecks?.stop(config.shutdownDrainMs);
      await statisticsFolding?.stop();
      await auditSealing?.stop();
      await mailSending?.stop();
      await ruleDataRefresh?.stop();
      await jobs?.stop();
      await demoMonitoring;
      await handle?.close();
      await simulator?.close();
      await embedded?.stop(); // fast shutdown: PostgreSQL flushes and exits
    },
  };
}

function banner(url: string, demoEnabled: boolean, demoLoadedNow: boolean): string {
  const lines = [`Loket is running at ${url}`, `  API documentation: ${url}/api/docs`];
  if (demoEnabled) {
    lines.push(`  Demo accounts${demoLoadedNow ? ' (just created)' : ''}, password "${DEMO_PASSWORD}":`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.username.padEnd(12)} ${account.role}`);
  }
  lines.push('  Stop with Ctrl-C.');
  return lines.join('\n');
}
