import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { deleteExpiredSessions } from '../auth/sessions.repo.ts';
import { JOB_QUEUE_SCHEMA } from '../db/app-grants.ts';
import type { Db } from '../db/client.ts';
import { pollResidenceDecisions, sendFederalOutbox } from '../dossiers/federal/federal-handover.ts';
import { remindInformationRequests } from '../dossiers/handling/information-requests.ts';
import { sweepDeadlines } from '../dossiers/handling/sweep-deadlines.ts';
import { scheduledMonitoring, workRequestedRuns } from '../enforcement/monitoring-run.ts';
import { brusselsDate } from '../server/today.ts';
import type { SourceAdapters } from '../sources/index.ts';
import { eraseExpiredCandidates } from '../talent/erase-expired.ts';
import { importOneAtATime } from '../talent/vacancy-import/import-vacancies.ts';
import { oneAtATime } from './one-at-a-time.ts';

/**
 * Background work runs in pg-boss on the same PostgreSQL: no other broker to operate. Each run of a
 * scheduled job is recorded in job_runs so operators can see it happened.
 */
export const JOBS = {
  purgeExpiredSessions: { name: 'sessions-purge-expired', cron: '*/15 * * * *' },
  // Open dossiers past their legal deadline are reported to the supervisors.
  deadlineSweep: { name: 'deadlines-sweep', cron: '0 2 * * *' },
  // Admissible dossiers go to the federal immigration office from the outbox; its residence
  // decisions are fetched back.
  federalOutbox: { name: 'federal-outbox-send', cron: '* * * * *' },
  federalDecisions: { name: 'federal-decisions-poll', cron: '*/5 * * * *' },
  // Employers are reminded once, a few days before a request for information is due.
  informationReminders: { name: 'information-reminders', cron: '0 8 * * *' },
  // Granted, still valid authorisations re-read in the registers (issue 14): monthly by default
  // (LOKET_RISK_MONITORING_CRON), and runs an inspector asked for, picked up within a minute.
  riskMonitoring: { name: 'risk-monitoring', cron: process.env.LOKET_RISK_MONITORING_CRON || '0 3 1 * *' },
  riskMonitoringRequested: { name: 'risk-monitoring-requested', cron: '* * * * *' },
  // Talent pools: candidates past the retention date of their consent are erased (src/talent).
  talentRetention: { name: 'talent-retention-erase', cron: '30 3 * * *' },
  // Vacancies published at VDAB and EURES, imported every hour by default (LOKET_VACANCY_IMPORT_CRON).
  talentVacancyImport: {
    name: 'talent-vacancy-import',
    cron: process.env.LOKET_VACANCY_IMPORT_CRON || '20 * * * *',
  },
} as const;

/** What the jobs may use besides the database: the registers (null when none is configured). */
export interface JobContext {
  sources: SourceAdapters | null;
  now: () => Date;
}

type JobName = (typeof JOBS)[keyof typeof JOBS]['name'];

export async function runRecorded(
  db: Db,
  name: JobName,
  work: () => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const run = await db
    .insertInto('job_runs')
    .values({ job_name: name })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    const summary = await work();
    await db
      .updateTable('job_runs')
      .set({ outcome: 'SUCCEEDED', finished_at: new Date(), summary })
      .where('id', '=', run.id)
      .execute();
    return summary;
  } catch (error) {
    await db
      .updateTable('job_runs')
      .set({ outcome: 'FAILED', finished_at: new Date(), summary: { error: (error as Error).message } })
      .where('id', '=', run.id)
      .execute();
    throw error;
  }
}

const NO_SOURCES = { skipped: 'no federal office configured (LOKET_SOURCES_URL)' };
const NO_REGISTERS = { skipped: 'no registers configured (LOKET_SOURCES_URL)' };

export const JOB_HANDLERS: Record<
  JobName,
  (db: Db, context: JobContext) => Promise<Record<string, unknown>>
> = {
  'sessions-purge-expired': async (db) => ({ deleted: await deleteExpiredSessions(db) }),
  'deadlines-sweep': async (db, context) => sweepDeadlines(db, brusselsDate(context.now())),
  'federal-outbox-send': async (db, context) =>
    context.sources ? sendFederalOutbox(db, context.sources.federal) : NO_SOURCES,
  'federal-decisions-poll': async (db, context) =>
    context.sources ? pollResidenceDecisions(db, context.sources.federal) : NO_SOURCES,
  'information-reminders': async (db, context) => remindInformationRequests(db, brusselsDate(context.now())),
  'risk-monitoring': async (db, context) =>
    context.sources ? scheduledMonitoring(db, context.sources, brusselsDate(context.now())) : NO_REGISTERS,
  'risk-monitoring-requested': async (db, context) =>
    context.sources ? workRequestedRuns(db, context.sources) : NO_REGISTERS,
  'talent-retention-erase': async (db, context) => eraseExpiredCandidates(db, brusselsDate(context.now())),
  'talent-vacancy-import': async (db, context) => {
    if (!context.sources) return NO_REGISTERS;
    const run = await importOneAtATime(db, context.sources.vacancies, {
      today: brusselsDate(context.now()),
      requestedBy: null,
    });
    return run ? { importId: run.id, outcome: run.outcome } : { skipped: 'another import is running' };
  },
};

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss's schema and our queues, made by the owner (each queue is a table of its own, so creating
 * one is DDL): run before the grants, at every migration run (src/server/prepare-database.ts). The
 * app's runner then only checks that the schema is there (`migrate: false`).
 */
export async function prepareJobQueues(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_QUEUE_SCHEMA,
    application_name: 'loket-migrate',
    max: 1,
    supervise: false,
    schedule: false,
  });
  let failure: Error | null = null;
  boss.on('error', (error) => {
    failure ??= error;
  });
  await boss.start();
  try {
    for (const job of Object.values(JOBS)) await boss.createQueue(job.name);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  if (failure) throw failure;
}

export async function startJobs(
  databaseUrl: string,
  db: Db,
  log: Logger,
  options: { schedule?: boolean; context?: JobContext } = {},
): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    application_name: 'loket-jobs',
    // The app role may not create tables: prepareJobQueues made the schema and the queues.
    migrate: false,
  });
  let stopping = false;
  // On Ctrl-C the terminal signals the embedded PostgreSQL too, which ends the queue's connections
  // while we stop: expected then, worth an error otherwise.
  boss.on('error', (error) => {
    if (!stopping) log.error({ err: { message: error.message } }, 'job queue error');
  });
  await boss.start();
  for (const job of Object.values(JOBS)) {
    if (options.schedule !== false) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Brussels' });
    await boss.work(job.name, async () => {
      const context = options.context ?? { sources: null, now: () => new Date() };
      // One run of a job at a time across all instances; a run that finds another at work leaves
      // the rows to it (or to the next run) and is not recorded: it did nothing.
      const summary = await oneAtATime(db, `job:${job.name}`, () =>
        runRecorded(db, job.name, () => JOB_HANDLERS[job.name](db, context)),
      );
      if (summary) log.info({ job: job.name, summary }, 'job finished');
      else log.info({ job: job.name }, 'job skipped: another run of it is at work');
    });
  }
  return {
    boss,
    stop: () => {
      stopping = true;
      return boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
