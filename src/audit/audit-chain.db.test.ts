import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { runAudit } from '../cli/audit-command.ts';
import { type CliIo, UsageError } from '../cli/cli-support.ts';
import { connectDatabase, type Db } from '../db/client.ts';
import { migrateTo, migrateToLatest } from '../db/migrate.ts';
import { recordAuditEvent } from './audit.repo.ts';
import { isHashInAuditChain, verifyAuditChain } from './verify-audit-chain.ts';

interface StoredEvent {
  id: number;
  occurred_at_utc: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  details_text: string;
  previous_hash: string | null;
  hash: string;
}

async function readChain(db: Db): Promise<StoredEvent[]> {
  const { rows } = await sql<StoredEvent>`
    select id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at_utc,
      actor_user_id, action, subject_type, subject_id, request_id, details::text as details_text,
      previous_hash, hash
    from audit_events order by id`.execute(db);
  return rows;
}

/**
 * The formula of docs/operations.md, written out independently in Node: JSON strings as
 * JSON.stringify writes them (the same escapes as PostgreSQL's jsonb output), details as jsonb's text.
 */
function hashAsDocumented(event: StoredEvent): string {
  const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  const canonical = `[${[
    String(event.id),
    text(event.occurred_at_utc),
    text(event.actor_user_id),
    text(event.action),
    text(event.subject_type),
    text(event.subject_id),
    text(event.request_id),
    event.details_text,
  ].join(', ')}]`;
  return createHash('sha256')
    .update((event.previous_hash ?? '') + canonical, 'utf8')
    .digest('hex');
}

/** Runs `tamper` as the superuser the tests connect as, checks, and rolls everything back. */
async function withTampering<T>(db: Db, tamper: string, check: (trx: Db) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(trx);
    await sql.raw(tamper).execute(trx);
    return await check(trx);
  } finally {
    await trx.rollback().execute();
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

describe('audit trail hash chain', () => {
  let database: TestDatabase;
  let actorId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const user = await database.db
      .insertInto('users')
      .values({
        username: 'behandelaar',
        display_name: 'Behandelaar',
        role: 'CASE_HANDLER',
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    actorId = user.id;
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('links each event to the one before and hashes the row as stored (id and occurred_at are final in the trigger)', async () => {
    await recordAuditEvent(database.db, { actorUserId: null, action: 'LOGIN' });
    await recordAuditEvent(database.db, {
      actorUserId: actorId,
      action: 'DOSSIER_READ',
      subjectType: 'dossier',
      subjectId: '42',
      requestId: 'req-1',
      details: { reason: 'é "quoted" \\ back\tslash\n\u0001', nested: { b: [1.5, 2e3, null, true], a: 'x' } },
    });
    await recordAuditEvent(database.db, { actorUserId: actorId, action: 'DOSSIER_STATUS_CHANGED' });

    const chain = await readChain(database.db);
    expect(chain).toHaveLength(3);
    expect(chain[0]!.previous_hash).toBeNull();
    for (const [index, event] of chain.entries()) {
      expect(event.hash).toMatch(HEX64);
      expect(event.hash).toBe(hashAsDocumented(event));
      if (index > 0) expect(event.previous_hash).toBe(chain[index - 1]!.hash);
      if (index > 0) expect(event.id).toBeGreaterThan(chain[index - 1]!.id);
    }
    await expect(verifyAuditChain(database.db)).resolves.toEqual({
      ok: true,
      checked: 3,
      lastHash: chain[2]!.hash,
    });
  });

  it('chains the rows of one multi-row insert in id order', async () => {
    await database.db
      .insertInto('audit_events')
      .values([
        { actor_user_id: null, action: 'BULK_1' },
        { actor_user_id: null, action: 'BULK_2' },
        { actor_user_id: null, action: 'BULK_3' },
      ])
      .execute();
    const chain = await readChain(database.db);
    expect(chain.slice(-3).map((e) => e.action)).toEqual(['BULK_1', 'BULK_2', 'BULK_3']);
    expect((await verifyAuditChain(database.db, { batchSize: 2 })).ok).toBe(true);
  });

  it('gives the documented hash for any details, strings and actions the callers may write', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !s.includes('\u0000'));
    const event = fc.record({
      action: text.filter((s) => s.length > 0),
      subjectId: fc.option(text, { nil: undefined }),
      requestId: fc.option(text, { nil: undefined }),
      details: fc
        .dictionary(text, fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 3 }), { maxKeys: 4 })
        .filter((d) => !JSON.stringify(d).includes('\\u0000')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 5 }), async (events) => {
        for (const e of events) await recordAuditEvent(database.db, { actorUserId: actorId, ...e });
        const latest = (await readChain(database.db)).slice(-events.length);
        for (const stored of latest) expect(stored.hash).toBe(hashAsDocumented(stored));
      }),
      { numRuns: 25, seed: 4 },
    );
    expect((await verifyAuditChain(database.db, { batchSize: 7 })).ok).toBe(true);
  });

  it('stays one chain when 20 connections insert at the same time', async () => {
    const before = await verifyAuditChain(database.db);
    expect(before.ok).toBe(true);
    const concurrent = connectDatabase(database.url, { max: 20, applicationName: 'audit-chain-test' });
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, connection) =>
          (async () => {
            for (let round = 0; round < 5; round++) {
              await concurrent.db.transaction().execute(async (trx) => {
                await recordAuditEvent(trx, {
                  actorUserId: null,
                  action: `PARALLEL_${connection}_${round}_A`,
                });
                // Hold the chain lock a moment so the other connections queue behind it.
                await sql`select pg_sleep(random() * 0.005)`.execute(trx);
                await recordAuditEvent(trx, {
                  actorUserId: null,
                  action: `PARALLEL_${connection}_${round}_B`,
                });
              });
            }
          })(),
        ),
      );
    } finally {
      await concurrent.close();
    }
    const after = await verifyAuditChain(database.db, { batchSize: 16 });
    expect(after).toMatchObject({ ok: true, checked: (before.ok ? before.checked : 0) + 200 });
    // One transaction's two events are adjacent: the lock is held until commit.
    const actions = (await readChain(database.db))
      .map((e) => e.action)
      .filter((a) => a.startsWith('PARALLEL_'));
    for (let i = 0; i < actions.length; i += 2) expect(actions[i + 1]).toBe(actions[i]!.replace(/_A$/, '_B'));
  });

  it('refuses events written under REPEATABLE READ, whose snapshot could fork the chain', async () => {
    await expect(
      database.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((trx) => recordAuditEvent(trx, { actorUserId: null, action: 'STALE' })),
    ).rejects.toThrow(/READ COMMITTED/);
  });

  it('still refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(database.db.updateTable('audit_events').set({ action: 'X' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  describe('detects tampering by a superuser', () => {
    let chain: StoredEvent[];
    let victim: StoredEvent;
    let victimIndex: number;

    beforeAll(async () => {
      chain = await readChain(database.db);
      victimIndex = 5;
      victim = chain[victimIndex]!;
    });

    it('a changed field: HASH_MISMATCH at that event', async () => {
      const result = await withTampering(
        database.db,
        `update audit_events set details = '{"reason": "nothing to see"}' where id = ${victim.id}`,
        (trx) => verifyAuditChain(trx, { batchSize: 4 }),
      );
      expect(result).toEqual({
        ok: false,
        checked: victimIndex,
        brokenAt: {
          id: victim.id,
          expected: expect.stringMatching(HEX64),
          found: victim.hash,
          problem: 'HASH_MISMATCH',
        },
      });
      if (!result.ok) expect(result.brokenAt.expected).not.toBe(victim.hash);
    });

    it('a changed field with its hash recomputed: LINK_BROKEN at the next event', async () => {
      const result = await withTampering(
        database.db,
        `update audit_events set action = 'LOGIN' where id = ${victim.id};
         update audit_events set hash = audit_event_hash(previous_hash, audit_events) where id = ${victim.id}`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toEqual({
        ok: false,
        checked: victimIndex + 1,
        brokenAt: {
          id: chain[victimIndex + 1]!.id,
          expected: expect.stringMatching(HEX64),
          found: victim.hash,
          problem: 'LINK_BROKEN',
        },
      });
    });

    it('a deleted event: LINK_BROKEN at the event after it', async () => {
      const result = await withTampering(
        database.db,
        `delete from audit_events where id = ${victim.id}`,
        (trx) => verifyAuditChain(trx, { batchSize: 3 }),
      );
      expect(result).toEqual({
        ok: false,
        checked: victimIndex,
        brokenAt: {
          id: chain[victimIndex + 1]!.id,
          expected: chain[victimIndex - 1]!.hash,
          found: victim.hash,
          problem: 'LINK_BROKEN',
        },
      });
    });

    it('a deleted first event: LINK_BROKEN at the new first event', async () => {
      const result = await withTampering(
        database.db,
        `delete from audit_events where id = ${chain[0]!.id}`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toEqual({
        ok: false,
        checked: 0,
        brokenAt: { id: chain[1]!.id, expected: '', found: chain[0]!.hash, problem: 'LINK_BROKEN' },
      });
    });

    it('a renumbered event (moved to the end): LINK_BROKEN where it was taken out', async () => {
      const result = await withTampering(
        database.db,
        `update audit_events set id = default where id = ${victim.id}`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toMatchObject({
        ok: false,
        checked: victimIndex,
        brokenAt: { id: chain[victimIndex + 1]!.id, problem: 'LINK_BROKEN' },
      });
    });

    it('two events swapped: LINK_BROKEN at the first of them', async () => {
      const [a, b] = [victim.id, chain[victimIndex + 1]!.id];
      const result = await withTampering(
        database.db,
        // The superuser drops the index that forbids two events with the same predecessor, too.
        `drop index audit_events_previous_hash_key;
         update audit_events t set occurred_at = s.occurred_at, actor_user_id = s.actor_user_id,
           action = s.action, subject_type = s.subject_type, subject_id = s.subject_id,
           request_id = s.request_id, details = s.details, previous_hash = s.previous_hash, hash = s.hash
         from audit_events s where (t.id, s.id) in ((${a}, ${b}), (${b}, ${a}))`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toMatchObject({
        ok: false,
        checked: victimIndex,
        brokenAt: { id: a, problem: 'LINK_BROKEN' },
      });
    });

    it('the last event deleted: the chain is intact but its exported last hash is gone', async () => {
      const last = chain[chain.length - 1]!;
      expect(await isHashInAuditChain(database.db, last.hash)).toBe(true);
      expect(await isHashInAuditChain(database.db, chain[2]!.hash)).toBe(true);
      const [result, stillThere] = await withTampering(
        database.db,
        `delete from audit_events where id = ${last.id}`,
        async (trx) => [await verifyAuditChain(trx), await isHashInAuditChain(trx, last.hash)] as const,
      );
      expect(result).toMatchObject({ ok: true, checked: chain.length - 1 });
      expect(stillThere).toBe(false);
    });
  });
});

describe('migration 0003', () => {
  it('chains the events written before it, in id order', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      await migrateTo(database.db, '0001_foundation');
      await sql`insert into audit_events (action, subject_type, subject_id, details) values
        ('LOGIN', null, null, '{}'), ('DOSSIER_READ', 'dossier', '7', '{"field": "status"}'), ('LOGOUT', null, null, '{}')`.execute(
        database.db,
      );
      await migrateToLatest(database.db);
      const chain = await readChain(database.db);
      expect(chain.map((e) => e.action)).toEqual(['LOGIN', 'DOSSIER_READ', 'LOGOUT']);
      expect(chain[0]!.previous_hash).toBeNull();
      for (const event of chain) expect(event.hash).toBe(hashAsDocumented(event));
      expect(chain[2]!.previous_hash).toBe(chain[1]!.hash);
      await expect(verifyAuditChain(database.db)).resolves.toEqual({
        ok: true,
        checked: 3,
        lastHash: chain[2]!.hash,
      });
      // The append-only trigger is back on after the backfill.
      await expect(database.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
      await recordAuditEvent(database.db, { actorUserId: null, action: 'AFTER_MIGRATION' });
      expect((await readChain(database.db)).at(-1)!.previous_hash).toBe(chain[2]!.hash);
    } finally {
      await database.dispose();
    }
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

  it('prints the count and the last hash and exits 0 for an intact trail', async () => {
    const { io, stdout } = fakeIo();
    expect(await runAudit(['verify', '--database-url', database.url], io, {})).toBe(0);
    const last = (await readChain(database.db)).at(-1)!;
    expect(stdout()).toBe(`audit trail intact: 3 events checked, last hash ${last.hash}\n`);
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
  });

  it('exits 3 when the audit trail cannot be read', async () => {
    const { io, stderr } = fakeIo();
    const nowhere = database.url.replace(/\/[^/]+$/, '/loket_no_such_database');
    expect(await runAudit(['verify', '--database-url', nowhere], io, {})).toBe(3);
    expect(stderr()).toMatch(/cannot read the audit trail/);
  });

  it('prints where the chain breaks and exits 1', async () => {
    const victim = (await readChain(database.db))[1]!;
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(database.db);
    await sql`update audit_events set details = '{"changed": true}' where id = ${victim.id}`.execute(
      database.db,
    );
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(database.db);
    const { io, stdout, stderr } = fakeIo();
    expect(await runAudit(['verify', '--database-url', database.url], io, {})).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(new RegExp(`BROKEN at event ${victim.id} \\(HASH_MISMATCH\\)`));
    expect(stderr()).toContain(`found    ${victim.hash}`);
    expect(stderr()).toMatch(/intact before it: 1 event\n/);
  });
});
