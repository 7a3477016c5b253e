import { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, hashAsDocumented, NONE_UNSEALED, readChain } from '../../test/audit-chain-reading.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { runAudit } from '../cli/audit-command.ts';
import { type CliIo, UsageError } from '../cli/cli-support.ts';
import { migrateTo, migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { recordAuditEvent } from './audit.repo.ts';
import { sealAuditEvents, startAuditSealing } from './audit-sealing.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

describe('migration 0007', () => {
  it('turns the 0003 chain into seals unchanged, and the chain goes on from its last hash', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      await migrateTo(database.db, '0001_foundation');
      await sql`insert into audit_events (action, subject_type, subject_id, details) values
        ('LOGIN', null, null, '{}'), ('DOSSIER_READ', 'dossier', '7', '{"field": "status"}'), ('LOGOUT', null, null, '{}')`.execute(
        database.db,
      );
      await migrateTo(database.db, '0006_statistics_fold');
      // Chained by 0003's trigger, which skips an id.
      await sql`insert into audit_events (action) values ('UNDER_0003')`.execute(database.db);
      const { rows: old } = await sql<{ id: number; previous_hash: string | null; hash: string }>`
        select id, previous_hash, hash from audit_events order by id`.execute(database.db);
      expect(old).toHaveLength(4);

      await migrateToLatest(database.db);
      const chain = await readChain(database.db);
      expect(chain.map(({ seq, id, previous_hash, hash }) => ({ seq, id, previous_hash, hash }))).toEqual(
        old.map((event, index) => ({ seq: index + 1, ...event })),
      );
      expect(chain.map((e) => e.action)).toEqual(['LOGIN', 'DOSSIER_READ', 'LOGOUT', 'UNDER_0003']);
      for (const event of chain) expect(event.hash).toBe(hashAsDocumented(event));
      await expect(verifyAuditChain(database.db)).resolves.toEqual({
        ok: true,
        checked: 4,
        lastHash: old[3]!.hash,
        unsealed: NONE_UNSEALED,
      });
      await expect(database.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);

      await recordAuditEvent(database.db, { actorUserId: null, action: 'AFTER_MIGRATION' });
      expect(await sealAuditEvents(database.db)).toBe(1);
      const next = (await readChain(database.db)).at(-1)!;
      expect(next).toMatchObject({ seq: 5, action: 'AFTER_MIGRATION', previous_hash: old[3]!.hash });
      expect(next.hash).toBe(hashAsDocumented(next));
    } finally {
      await database.dispose();
    }
  });
});

describe('startAuditSealing', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  function capturingLog() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    return { log: pino({ level: 'warn', base: null, timestamp: false }, stream), lines };
  }

  it('seals new events every interval', async () => {
    const { log, lines } = capturingLog();
    const sealing = startAuditSealing(database.db, log, { intervalMs: 10 });
    try {
      await recordAuditEvent(database.db, { actorUserId: null, action: 'SEALED_BY_TIMER' });
      for (let tries = 0; tries < 200 && (await countRows(database.db, 'audit_seals')) === 0; tries++)
        await sleep(10);
    } finally {
      await sealing.stop();
    }
    expect((await readChain(database.db)).map((e) => e.action)).toEqual(['SEALED_BY_TIMER']);
    expect(lines).toEqual([]);
  });

  it('never runs twice at once in one process', async () => {
    let calls = 0;
    const counting = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: database.pool }),
      log: (event) => {
        if (event.query.sql.includes('audit_seal_pending')) calls += 1;
      },
    });
    const blocker = await database.owner.pool.connect();
    const { log } = capturingLog();
    try {
      // Holds the first round at its read of the chain head for 300 ms, 30 intervals.
      await blocker.query('begin');
      await blocker.query('lock table audit_seals in access exclusive mode');
      const sealing = startAuditSealing(counting, log, { intervalMs: 10 });
      await sleep(300);
      await blocker.query('commit');
      await sealing.stop();
    } finally {
      blocker.release();
    }
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(3);
  });

  it('logs a failure with its message only, and keeps going', async () => {
    const unmigrated = await createTestDatabase({ migrate: false });
    const { log, lines } = capturingLog();
    try {
      const sealing = startAuditSealing(unmigrated.db, log, { intervalMs: 10 });
      for (let tries = 0; tries < 200 && lines.length < 2; tries++) await sleep(10);
      await sealing.stop();
    } finally {
      await unmigrated.dispose();
    }
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatchObject({
      level: 40,
      msg: 'sealing audit events failed',
      err: { message: 'function audit_seal_pending() does not exist' },
    });
    // pino's error serializer adds only the type of the logged object and an empty stack.
    expect(Object.keys(lines[0]!).sort()).toEqual(['err', 'level', 'msg']);
    expect(lines[0]!.err).toEqual(expect.objectContaining({ stack: '', type: 'Object' }));
  });
});

function fakeIo(): { io: CliIo; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  return {
    io: {
      stdin: Readable.from([]),
      stdout: sink((text) => (out += text)),
      stderr: sink((text) => (err += text)),
    },
    stdout: () => out,
    stderr: () => err,
  };
}

describe('loket audit verify', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const action of ['LOGIN', 'DOSSIER_READ', 'LOGOUT'])
      await recordAuditEvent(database.db, { actorUserId: null, action });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('seals first, then prints the count and the last hash and exits 0 for an intact trail', async () => {
    expect(await countRows(database.db, 'audit_seals')).toBe(0);
    const { io, stdout } = fakeIo();
    expect(await runAudit(['verify', '--database-url', database.url], io, {})).toBe(0);
    const last = (await readChain(database.db)).at(-1)!;
    expect(stdout()).toBe(`audit trail intact: 3 events checked, last hash ${last.hash}\nunsealed: none\n`);
  });

  it('takes the database from DATABASE_URL, and checks a known hash', async () => {
    const last = (await readChain(database.db)).at(-1)!;
    const found = fakeIo();
    expect(
      await runAudit(['verify', '--known-hash', last.hash], found.io, { DATABASE_URL: database.url }),
    ).toBe(0);
    expect(found.stdout()).toContain(`known hash ${last.hash} is in the chain`);
    const missing = fakeIo();
    expect(
      await runAudit(['verify', '--known-hash', 'a'.repeat(64)], missing.io, { DATABASE_URL: database.url }),
    ).toBe(1);
    expect(missing.stderr()).toMatch(/no longer in the chain/);
  });

  it('explains --database-url and exits 2 without a database', async () => {
    const { io, stderr } = fakeIo();
    expect(await runAudit(['verify'], io, {})).toBe(2);
    expect(stderr()).toMatch(/--database-url/);
    expect(stderr()).toMatch(/DATABASE_URL/);
  });

  it('treats other mistakes in the call as usage errors', async () => {
    const { io } = fakeIo();
    await expect(runAudit([], io, {})).rejects.toThrow(UsageError);
    await expect(runAudit(['check'], io, {})).rejects.toThrow(UsageError);
    await expect(runAudit(['verify', '--frobnicate'], io, {})).rejects.toThrow(UsageError);
    await expect(runAudit(['verify', '--known-hash', 'abc'], io, {})).rejects.toThrow(UsageError);
    await expect(runAudit(['verify', '--grace-seconds', '1.5'], io, {})).rejects.toThrow(UsageError);
    await expect(runAudit(['verify', '--grace-seconds', '-1'], io, {})).rejects.toThrow(UsageError);
    await expect(runAudit(['verify', '--no-seal=yes'], io, {})).rejects.toThrow(UsageError);
  });

  it('exits 3 when the audit trail cannot be read', async () => {
    const { io, stderr } = fakeIo();
    const nowhere = database.url.replace(/\/[^/]+$/, '/loket_no_such_database');
    expect(await runAudit(['verify', '--database-url', nowhere], io, {})).toBe(3);
    expect(stderr()).toMatch(/cannot read the audit trail/);
  });

  it('with a read-only connection: exits 3 when asked to seal, verifies with --no-seal', async () => {
    const readOnly = `${database.url}?options=${encodeURIComponent('-c default_transaction_read_only=on')}`;
    // Give the sealer a write to make: its horizon is the cluster's oldest running transaction, which
    // a long transaction in another database (tests run side by side) can hold where it was stored,
    // and then a quiet database has nothing to write and the read-only role would not show.
    await sql`update audit_seal_horizon set low_xid = '0'::xid8`.execute(database.owner.db);
    const sealing = fakeIo();
    expect(await runAudit(['verify', '--database-url', readOnly], sealing.io, {})).toBe(3);
    expect(sealing.stderr()).toMatch(/cannot seal the audit trail: .*read-only.*pass --no-seal/);
    const reading = fakeIo();
    expect(await runAudit(['verify', '--no-seal', '--database-url', readOnly], reading.io, {})).toBe(0);
    expect(reading.stdout()).toMatch(/^audit trail intact: 3 events checked/);
  });

  it('with --no-seal, fails on an event unsealed for longer than the grace period (UNSEALED)', async () => {
    const { rows } = await sql<{ id: number }>`
      insert into audit_events (action, occurred_at) values ('NOT_SEALED', now() - interval '2 minutes')
      returning id`.execute(database.db);
    const id = rows[0]!.id;

    const stale = fakeIo();
    expect(await runAudit(['verify', '--no-seal', '--database-url', database.url], stale.io, {})).toBe(1);
    expect(stale.stdout()).toMatch(/^audit trail intact: 3 events checked, last hash [0-9a-f]{64}\n$/);
    expect(stale.stderr()).toMatch(
      new RegExp(
        `^audit trail INCOMPLETE at event ${id} \\(UNSEALED\\): written 12\\d s ago .* 60 s grace period \\(1 unsealed event\\)`,
      ),
    );

    const patient = fakeIo();
    const args = ['verify', '--no-seal', '--grace-seconds', '600', '--database-url', database.url];
    expect(await runAudit(args, patient.io, {})).toBe(0);
    expect(patient.stdout()).toMatch(
      /\nunsealed: 1 event, the oldest written 12\d s ago \(grace period 600 s\)\n$/,
    );

    const sealing = fakeIo();
    expect(await runAudit(['verify', '--database-url', database.url], sealing.io, {})).toBe(0);
    expect(sealing.stdout()).toMatch(/^audit trail intact: 4 events checked, .*\nunsealed: none\n$/);
  });

  it('prints where the chain breaks and exits 1', async () => {
    const victim = (await readChain(database.owner.db))[1]!;
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(database.owner.db);
    await sql`update audit_events set details = '{"changed": true}' where id = ${victim.id}`.execute(
      database.owner.db,
    );
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(database.owner.db);
    const { io, stdout, stderr } = fakeIo();
    expect(await runAudit(['verify', '--database-url', database.url], io, {})).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(new RegExp(`BROKEN at event ${victim.id}, seal 2 \\(HASH_MISMATCH\\)`));
    expect(stderr()).toContain(`found    ${victim.hash}`);
    expect(stderr()).toMatch(/intact before it: 1 event\n/);
  });
});
