import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierDriver, HIGHLY_SKILLED_ANSWERS } from '../../test/dossier-driver.ts';
import { type HttpSession, httpSignIn } from '../../test/http-session.ts';
import { type LoketProcess, startLoketProcess } from '../../test/loket-process.ts';
import { startSmtpServer } from '../../test/smtp-server.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import { JOBS } from '../jobs/jobs.ts';
import { freeMovementGroupOf } from '../rules/index.ts';
import { buildSimulatorApp } from '../sources/simulator/create-simulator.ts';
import { generatePopulation } from '../sources/simulator/generate-population.ts';
import type { Population } from '../sources/simulator/population.ts';
import { brusselsDate } from './today.ts';

// Two Loket processes, started as `npm start` starts them, on one PostgreSQL and one register
// simulator: every piece of background work happens once, a session works on both, and a process
// killed with SIGKILL loses nothing it acknowledged (docs/operations.md "Scaling out").

const LEASE_SECONDS = 3;

/** The register simulator, with switches that make every answer slow, or wait until released. */
async function startSimulator(population: Population) {
  const control = {
    slowMs: 0,
    held: null as Promise<void> | null,
    release: () => {},
    /** The idempotency key of every hand-over the federal office received. */
    federalNotices: [] as string[],
    /** Every register question (GET), by path. */
    lookups: [] as string[],
  };
  const app = buildSimulatorApp({
    population,
    failureRate: 0,
    latencyMs: [20, 60],
    federalDecisionDelayMs: 600_000,
  });
  app.addHook('onRequest', async (request) => {
    if (request.method === 'POST' && request.url === '/federal/dossiers')
      control.federalNotices.push(String(request.headers['idempotency-key']));
    if (request.method === 'GET') control.lookups.push(request.url);
    if (control.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, control.slowMs));
    await control.held;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const hold = () => {
    control.held = new Promise((resolve) => {
      control.release = () => {
        control.held = null;
        resolve();
      };
    });
  };
  return { url: `http://127.0.0.1:${port}`, control, hold, close: () => app.close() };
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('two Loket instances on one database', () => {
  let database: TestDatabase;
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let boss: PgBoss;
  let a: LoketProcess;
  let b: LoketProcess;
  let employer: HttpSession;
  const today = brusselsDate(new Date());
  const population = generatePopulation({ seed: 2026 });
  // Each dossier's worker is someone else from abroad whom the registers know: their questions
  // are the dossier's own (the answers about the employer are cached by each instance).
  const workers = population.people
    .filter((p) => !p.registeredInBelgium && freeMovementGroupOf(p.nationality, today) === null)
    .slice(0, 15);
  const answersOf = (worker: Population['people'][number]) => ({
    worker: {
      ...HIGHLY_SKILLED_ANSWERS.worker,
      'workerIdentity.givenNames': worker.givenNames.join(' '),
      'workerIdentity.familyName': worker.familyName,
      'application.worker.birthDate': worker.birthDate,
      'application.worker.nationality': worker.nationality,
      'application.worker.insz': worker.insz,
    },
    // The job starts in the future whatever the day the test runs.
    job: { ...HIGHLY_SKILLED_ANSWERS.job, 'application.job.startDate': addDays(today, 90) },
  });
  let nextWorker = 0;
  const nextAnswers = () => answersOf(workers[nextWorker++] as Population['people'][number]);

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    [simulator, smtp] = await Promise.all([startSimulator(population), startSmtpServer()]);
    const env = (name: string) => ({
      // The owner, as an operator configures it: each instance prepares the app role and serves as it.
      DATABASE_URL: database.owner.url,
      LOKET_SOURCES_URL: simulator.url,
      LOKET_SMTP_URL: smtp.url,
      LOKET_MAIL_FROM: `Loket ${name} <${name}@loket.invalid>`,
      LOKET_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
      LOKET_DB_POOL_SIZE: '5',
      // On SIGTERM a check in flight gets one second to finish before its claim is released.
      LOKET_SHUTDOWN_DRAIN_SECONDS: '1',
    });
    [a, b] = await Promise.all([startLoketProcess('a', env('a')), startLoketProcess('b', env('b'))]);
    boss = new PgBoss({
      connectionString: database.url,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
    });
    await boss.start();
  }, 150_000);

  afterAll(async () => {
    await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
    await boss?.stop({ graceful: false, wait: true });
    simulator?.control.release();
    await Promise.all([simulator?.close(), smtp?.close()]);
    await database?.dispose();
  });

  const count = async (query: ReturnType<typeof sql<{ n: string }>>) =>
    Number((await query.execute(database.db)).rows[0]?.n);

  /** Every background round caught up: checks, outboxes, statistics and seals. */
  async function settled() {
    const left = await sql<{ n: string }>`
      select (select count(*) from register_checks where status <> 'COMPLETE')
           + (select count(*) from mail_outbox where status <> 'SENT')
           + (select count(*) from federal_outbox where status <> 'SENT')
           + (select count(*) from statistics_pending)
           + (select count(*) from audit_events e where not exists
               (select 1 from audit_seals s where s.event_id = e.id)) as n`.execute(database.db);
    return Number(left.rows[0]?.n) === 0;
  }

  /** Submitted dossiers whose register check or federal hand-over did not happen exactly once. */
  async function notExactlyOnce() {
    const { rows } = await sql<{ id: string; what: string }>`
      select d.id, 'register check events ' || count(e.id) as what
        from dossiers d left join audit_events e
          on e.subject_id = d.id::text and e.action = 'REGISTER_CHECK_COMPLETED'
       where d.status <> 'DRAFT' group by d.id having count(e.id) <> 1
      union all
      select d.id, 'federal hand-over events ' || count(e.id)
        from dossiers d join federal_outbox o on o.dossier_id = d.id
        left join audit_events e on e.subject_id = d.id::text and e.action = 'DOSSIER_SENT_TO_FEDERAL_OFFICE'
       group by d.id having count(e.id) <> 1`.execute(database.db);
    return rows;
  }

  async function expectStatisticsAndAuditTrailExact() {
    const submitted = await count(sql`select count(*) as n from dossiers where status <> 'DRAFT'`);
    expect(await count(sql`select count(*) as n from dossier_statistics`)).toBe(submitted);
    expect(await count(sql`select coalesce(sum(applications), 0) as n from statistics_cohort_counts`)).toBe(
      submitted,
    );
    const admissible = await count(sql`select count(*) as n from dossiers where admissible_on is not null`);
    expect(await count(sql`select coalesce(sum(admissible), 0) as n from statistics_cohort_counts`)).toBe(
      admissible,
    );
    const chain = await verifyAuditChain(database.db);
    expect(chain.ok).toBe(true);
    expect(chain.unsealed.count).toBe(0);
    expect(chain.checked).toBe(await count(sql`select count(*) as n from audit_events`));
  }

  /** How often the mail server received the mail of each outbox row (matched by dossier number). */
  async function deliveries() {
    const outbox = await database.db
      .selectFrom('mail_outbox')
      .select(['id', 'dossier_number', 'recipient', 'status', 'attempts'])
      .execute();
    return outbox.map((mail) => ({
      ...mail,
      received: smtp.received.filter(
        (m) => m.to.includes(mail.recipient) && m.raw.includes(mail.dossier_number ?? ''),
      ).length,
    }));
  }

  it('shares a session, and does every register check, hand-over job, mail, fold and seal once', async () => {
    employer = await httpSignIn([a.url, b.url], 'werkgever', DEMO_PASSWORD);
    // Signed in on a; b knows the session and accepts its CSRF token (the next request goes to b).
    const onB = await employer.request('GET', '/api/v1/session');
    expect(onB.json().user?.username).toBe('werkgever');
    const driver = dossierDriver(employer);
    const submitted: string[] = [];
    const submitOne = async () => {
      const draft = await driver.completeDraft('HIGHLY_SKILLED', nextAnswers());
      return (await driver.submit(draft.id)).id as string;
    };
    // Two submissions in flight at a time, their requests spread over both instances.
    for (let round = 0; round < 4; round++)
      submitted.push(...(await Promise.all([submitOne(), submitOne()])));
    expect(submitted).toHaveLength(8);

    // The case handler records the fees on both instances: each dossier becomes admissible and
    // queued for the federal office, which two jobs on two instances then send at the same time.
    const handler = await httpSignIn([b.url, a.url], 'behandelaar', DEMO_PASSWORD);
    for (const id of submitted) {
      const view = (await handler.request('GET', `/api/v1/dossiers/${id}`)).json();
      const paid = await handler.request('POST', `/api/v1/dossiers/${id}/fee/payment`, {
        paidOn: today,
        version: view.version,
      });
      expect(paid.statusCode, paid.body).toBe(200);
      expect(paid.json().status).toBe('ADMISSIBLE');
    }
    simulator.control.slowMs = 150; // each hand-over takes a while, so the jobs overlap
    const jobIds = await Promise.all(
      [1, 2, 3, 4].map(() => boss.send(JOBS.federalOutbox.name, {}) as Promise<string>),
    );
    const jobStates = async () =>
      (
        await sql<{ state: string; retry_count: number }>`
          select state, retry_count from pgboss.job where id = any(${jobIds}::uuid[])`.execute(database.db)
      ).rows;
    await waitFor(
      'every background round and job',
      async () => (await settled()) && (await jobStates()).every((job) => job.state === 'completed'),
      30_000,
    );
    simulator.control.slowMs = 0;
    expect(await notExactlyOnce()).toEqual([]);
    // Checked once each, by the instance that took the submission (a second claim would count 2),
    // and no register was asked the same question about a worker twice.
    const attempts = await database.db.selectFrom('register_checks').select('attempts').execute();
    expect(attempts.map((row) => row.attempts)).toEqual(submitted.map(() => 1));
    const asked = workers.slice(0, submitted.length).map((worker) => worker.insz.replace(/\D/g, ''));
    const aboutWorkers = simulator.control.lookups.filter((path) =>
      asked.some((insz) => path.includes(insz)),
    );
    expect(new Set(aboutWorkers.map((path) => asked.find((insz) => path.includes(insz)))).size).toBe(
      submitted.length,
    );
    expect(aboutWorkers.length).toBe(new Set(aboutWorkers).size);
    // Each job ran once, and together the runs sent every hand-over once.
    expect(await jobStates()).toEqual(jobIds.map(() => ({ state: 'completed', retry_count: 0 })));
    const runs = await database.db
      .selectFrom('job_runs')
      .select('summary')
      .where('job_name', '=', JOBS.federalOutbox.name)
      .execute();
    expect(runs.length).toBeGreaterThanOrEqual(1); // a run that found another at work is not recorded
    const sent = runs.reduce((sum, run) => sum + Number((run.summary as { sent?: number }).sent ?? 0), 0);
    expect(sent).toBe(submitted.length);
    expect(simulator.control.federalNotices.toSorted()).toEqual(
      submitted.map((id) => `admissible:${id}`).toSorted(),
    );
    // Every mail sent once: one attempt, one copy at the mail server.
    const mails = await deliveries();
    expect(mails.length).toBeGreaterThanOrEqual(submitted.length);
    expect(mails.filter((m) => m.status !== 'SENT' || m.attempts !== 1 || m.received !== 1)).toEqual([]);
    await expectStatisticsAndAuditTrailExact();
  });

  it('loses nothing it acknowledged when an instance is killed: the other takes its work over', async () => {
    const driver = dossierDriver(employer);
    const drafts = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => driver.completeDraft('HIGHLY_SKILLED', nextAnswers())),
    );
    // The registers now hold their answers: a's register checks are still running when it is killed.
    simulator.hold();
    employer.baseUrls = [a.url];
    const acknowledged: string[] = [];
    const submissions = drafts.map(async (draft) => {
      const response = await employer.request('POST', `/api/v1/dossiers/${draft.id}/submit`, {});
      if (response.statusCode === 200) acknowledged.push(draft.id);
    });
    await Promise.race([Promise.any(submissions), Promise.allSettled(submissions)]);
    expect(await a.kill('SIGKILL')).toBe('SIGKILL');
    await Promise.allSettled(submissions);
    expect(acknowledged.length).toBeGreaterThan(0);
    const claimedByA = await database.db
      .selectFrom('register_checks')
      .select('dossier_id')
      .where('dossier_id', 'in', acknowledged)
      .where('status', '<>', 'COMPLETE')
      .execute();
    expect(claimedByA.length).toBeGreaterThan(0);
    simulator.control.release();

    // The session made on a still works on b, and nothing a acknowledged is missing.
    employer.baseUrls = [b.url];
    expect((await employer.request('GET', '/api/v1/session')).json().user?.username).toBe('werkgever');
    for (const id of acknowledged) {
      const view = (await employer.request('GET', `/api/v1/dossiers/${id}`)).json();
      expect(view.status).not.toBe('DRAFT');
      expect(view.number).toMatch(/^VL-/);
    }
    // b takes a's checks over once their lease, counted from the submission, has ended.
    await waitFor('b to finish what a left', settled, 30_000);
    const takenOver = await sql<{ status: string; attempts: number; waited_ms: number }>`
      select status, attempts, extract(epoch from completed_at - requested_at) * 1000 as waited_ms
        from register_checks where dossier_id = any(${claimedByA.map((row) => row.dossier_id)}::uuid[])`.execute(
      database.db,
    );
    expect(takenOver.rows.map(({ status, attempts }) => ({ status, attempts }))).toEqual(
      claimedByA.map(() => ({ status: 'COMPLETE', attempts: 2 })),
    );
    for (const check of takenOver.rows)
      expect(Number(check.waited_ms)).toBeGreaterThan(LEASE_SECONDS * 1_000 - 100);
    expect(await notExactlyOnce()).toEqual([]);
    // A mail being handed to the mail server at the very moment of the kill may go twice (the
    // outbox is at-least-once, docs/operations.md); none may be lost.
    expect((await deliveries()).filter((m) => m.status !== 'SENT' || m.received < 1)).toEqual([]);
    await expectStatisticsAndAuditTrailExact();
    expect((await fetch(`${b.url}/health/ready`)).status).toBe(200);
  });

  it('on SIGTERM releases the claim of a register check it cannot finish, so any instance takes it at once', async () => {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', nextAnswers());
    simulator.hold();
    const submitted = await driver.submit(draft.id);
    const check = () =>
      database.db
        .selectFrom('register_checks')
        .select(['status', 'attempts', sql<boolean>`next_attempt_at <= now()`.as('due')])
        .where('dossier_id', '=', submitted.id as string)
        .executeTakeFirstOrThrow();
    // b claims it after the answer (its lease then runs LEASE_SECONDS) and waits on the registers.
    await waitFor('b to claim the check', async () => (await check()).attempts === 1);
    expect(await check()).toEqual({ status: 'PENDING', attempts: 1, due: false });

    expect(await b.kill('SIGTERM')).toBe(0);
    expect(b.output()).not.toMatch(/unhandled|uncaught/i);
    // Released, not left to its lease: due now, for whichever instance asks next.
    expect(await check()).toEqual({ status: 'PENDING', attempts: 1, due: true });
    simulator.control.release();
  });
});
