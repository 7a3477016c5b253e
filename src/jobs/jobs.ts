import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { deleteExpiredSessions } from '../auth/sessions.repo.ts';
import type { Db } from '../db/client.ts';

/**
 * Background work runs in pg-boss on the same PostgreSQL: no other broker to operate. Each run of a
 * scheduled job is recorded in job_runs so operators can see it happened.
 */
export const JOBS = {
  purgeExpiredSessions: { name: 'sessions-purge-expired', cron: '*/15 * * * *' },
  // Skeleton of the nightly legal-deadline sweep; the case-handling capability fills in the checks.
  deadlineSweep: { name: 'deadlines-sweep', cron: '0 2 * * *' },
} as const;

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

export const JOB_HANDLERS: Record<JobName, (db: Db) => Promise<Record<string, unknown>>> = {
  'sessions-purge-expired': async (db) => ({ deleted: await deleteExpiredSessions(db) }),
  'deadlines-sweep': async () => ({ dossiersChecked: 0, overdue: 0 }),
};

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startJobs(
  databaseUrl: string,
  db: Db,
  log: Logger,
  options: { schedule?: boolean } = {},
): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    application_name: 'loket-jobs',
  });
  let stopping = false;
  // On Ctrl-C the terminal signals the embedded PostgreSQL too, which ends the queue's connections
  // while we stop: expected then, worth an error otherwise.
  boss.on('error', (error) => {
    if (!stopping) log.error({ err: { message: error.message } }, 'job queue error');
  });
  await boss.start();
  for (const job of Object.values(JOBS)) {
    await boss.createQueue(job.name);
    if (options.schedule !== false) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Brussels' });
    await boss.work(job.name, async () => {
      const summary = await runRecorded(db, job.name, () => JOB_HANDLERS[job.name](db));
      log.info({ job: job.name, summary }, 'job finished');
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
