import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { openSession } from '../auth/sessions.repo.ts';
import { createUser } from '../auth/users.repo.ts';
import { JOBS, type JobRunner, startJobs } from './jobs.ts';
import { oneAtATime } from './one-at-a-time.ts';

describe('background jobs (pg-boss on the same PostgreSQL)', () => {
  let database: TestDatabase;
  let jobs: JobRunner;

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = await startJobs(database.url, database.db, pino({ level: 'silent' }), { schedule: false });
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.dispose();
  });

  it('purges expired sessions when the job runs, and records the run', async () => {
    const user = await createUser(database.db, {
      username: 'job-test',
      displayName: 'Job test',
      role: 'ANALYST',
      password: 'x',
    });
    await openSession(database.db, user.id, 60_000, new Date(Date.now() - 3_600_000)); // expired an hour ago
    await openSession(database.db, user.id, 3_600_000); // still valid
    await jobs.boss.send(JOBS.purgeExpiredSessions.name, {});

    let run: { outcome: string; summary: Record<string, unknown> } | undefined;
    for (let waited = 0; waited < 20_000 && run?.outcome !== 'SUCCEEDED'; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      run = await database.db
        .selectFrom('job_runs')
        .select(['outcome', 'summary'])
        .where('job_name', '=', JOBS.purgeExpiredSessions.name)
        .executeTakeFirst();
    }
    expect(run).toMatchObject({ outcome: 'SUCCEEDED', summary: { deleted: 1 } });
    const left = await database.db.selectFrom('sessions').select('user_id').execute();
    expect(left).toHaveLength(1);
  });

  it('schedules every job in Brussels time', async () => {
    const scheduled = await startJobs(database.url, database.db, pino({ level: 'silent' }));
    const schedules = await scheduled.boss.getSchedules();
    await scheduled.stop();
    expect(schedules.map((s) => [s.name, s.cron, (s as { timezone?: string }).timezone]).sort()).toEqual(
      Object.values(JOBS)
        .map((j) => [j.name, j.cron, 'Europe/Brussels'])
        .sort(),
    );
  });

  it('runs a job once at a time across instances, and frees it when the runner dies', async () => {
    let finish = () => {};
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let started = () => {};
    const isRunning = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = oneAtATime(database.db, 'job:test', async () => {
      started();
      await held;
      return 'first';
    });
    await isRunning;
    expect(await oneAtATime(database.db, 'job:test', async () => 'second')).toBeNull();
    expect(await oneAtATime(database.db, 'job:other', async () => 'other')).toBe('other');
    finish();
    expect(await first).toBe('first');
    expect(await oneAtATime(database.db, 'job:test', async () => 'third')).toBe('third');

    // A runner whose connection dies (its process killed) leaves the job free at once.
    const { Client } = (await import('pg')).default;
    const other = new Client({ connectionString: database.url });
    await other.connect();
    other.on('error', () => {});
    const pid = (await other.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    await other.query(`select pg_advisory_lock(hashtextextended($1, 0))`, [
      'loket-one-at-a-time\u001fjob:test',
    ]);
    expect(await oneAtATime(database.db, 'job:test', async () => 'blocked')).toBeNull();
    await sql`select pg_terminate_backend(${pid}::int)`.execute(database.db);
    let outcome: string | null = null;
    for (let tries = 0; tries < 50 && outcome === null; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50)); // the backend exits just after the signal
      outcome = await oneAtATime(database.db, 'job:test', async () => 'free again');
    }
    expect(outcome).toBe('free again');
    await other.end().catch(() => {});
  });
});
