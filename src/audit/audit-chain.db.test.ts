import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  hashAsDocumented,
  NONE_UNSEALED,
  readChain,
  type StoredEvent,
} from '../../test/audit-chain-reading.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { connectDatabase, type Db } from '../db/client.ts';
import { recordAuditEvent } from './audit.repo.ts';
import { sealAuditEvents } from './audit-sealing.ts';
import { isHashInAuditChain, verifyAuditChain } from './verify-audit-chain.ts';

/**
 * Runs `tamper` as the superuser the tests connect as, with every trigger of both tables off
 * (append-only rules and foreign keys), checks, and rolls everything back.
 */
async function withTampering<T>(db: Db, tamper: string, check: (trx: Db) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    await sql`alter table audit_events disable trigger all`.execute(trx);
    await sql`alter table audit_seals disable trigger all`.execute(trx);
    await sql.raw(tamper).execute(trx);
    return await check(trx);
  } finally {
    await trx.rollback().execute();
  }
}

/**
 * A connection of its own, for transactions held open across steps of a test; close it with
 * `client.release(true)`, so its settings never return to the pool.
 */
async function openSession(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  // Should anything here wait on a lock, it fails the test instead of hanging it.
  await client.query(`set statement_timeout = '5s'`);
  return client;
}

async function insertEvent(client: pg.PoolClient, action: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    'insert into audit_events (action) values ($1) returning id',
    [action],
  );
  return Number(rows[0]!.id);
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

  it('seals each committed event onto the chain, hashing the row as stored', async () => {
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

    // Written, not yet chained.
    expect(await readChain(database.db)).toEqual([]);
    const before = await verifyAuditChain(database.db);
    expect(before).toMatchObject({ ok: true, checked: 0, lastHash: null, unsealed: { count: 3 } });
    expect(before.unsealed.oldest?.ageSeconds).toBeLessThan(60);

    expect(await sealAuditEvents(database.db)).toBe(3);
    expect(await sealAuditEvents(database.db)).toBe(0);
    const chain = await readChain(database.db);
    expect(chain.map((e) => e.action)).toEqual(['LOGIN', 'DOSSIER_READ', 'DOSSIER_STATUS_CHANGED']);
    expect(chain[0]!.previous_hash).toBeNull();
    for (const [index, event] of chain.entries()) {
      expect(event.seq).toBe(index + 1);
      expect(event.hash).toMatch(HEX64);
      expect(event.hash).toBe(hashAsDocumented(event));
      if (index > 0) expect(event.previous_hash).toBe(chain[index - 1]!.hash);
    }
    await expect(verifyAuditChain(database.db)).resolves.toEqual({
      ok: true,
      checked: 3,
      lastHash: chain[2]!.hash,
      unsealed: NONE_UNSEALED,
    });
  });

  it('seals the rows of one multi-row insert in id order', async () => {
    await database.db
      .insertInto('audit_events')
      .values([
        { actor_user_id: null, action: 'BULK_1' },
        { actor_user_id: null, action: 'BULK_2' },
        { actor_user_id: null, action: 'BULK_3' },
      ])
      .execute();
    expect(await sealAuditEvents(database.db)).toBe(3);
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
        expect(await sealAuditEvents(database.db)).toBe(events.length);
        const latest = (await readChain(database.db)).slice(-events.length);
        for (const stored of latest) expect(stored.hash).toBe(hashAsDocumented(stored));
      }),
      { numRuns: 25, seed: 4 },
    );
    expect((await verifyAuditChain(database.db, { batchSize: 7 })).ok).toBe(true);
  });

  it('lets two open transactions write events without one waiting for the other', async () => {
    const a = await openSession(database.pool);
    const b = await openSession(database.pool);
    try {
      await a.query('begin');
      await b.query('begin');
      // 0003's chain lock made the second insert wait for the first transaction's commit.
      await a.query(`set local statement_timeout = '500ms'`);
      await b.query(`set local statement_timeout = '500ms'`);
      await insertEvent(a, 'OPEN_A');
      await insertEvent(b, 'OPEN_B');
      await insertEvent(a, 'OPEN_A_AGAIN');
      await b.query('commit');
      await a.query('commit');
    } finally {
      a.release(true);
      b.release(true);
    }
    expect(await sealAuditEvents(database.db)).toBe(3);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, unsealed: NONE_UNSEALED });
  });

  it('makes one intact chain of 20 connections writing at once, all their transactions open together', async () => {
    const before = await verifyAuditChain(database.db);
    expect(before.ok).toBe(true);
    const concurrent = connectDatabase(database.url, { max: 25, applicationName: 'audit-chain-test' });
    const writers = 20;
    let inserted = 0;
    let openAll: () => void = () => {};
    const allInserted = new Promise<void>((resolve) => {
      openAll = resolve;
    });
    let writing = true;
    try {
      // A sealer keeps running meanwhile, as the instances' sealers do.
      const sealing = (async () => {
        let sealed = 0;
        while (writing) {
          sealed += await sealAuditEvents(concurrent.db);
          await sleep(3);
        }
        return sealed;
      })();
      await Promise.all(
        Array.from({ length: writers }, async (_, connection) => {
          const client = await openSession(concurrent.pool);
          try {
            await client.query('begin');
            await insertEvent(client, `PARALLEL_${connection}_A`);
            // Every transaction waits here until all 20 hold an uncommitted event: with a lock held
            // until commit, the others could not insert and this would time out.
            inserted += 1;
            if (inserted === writers) openAll();
            await allInserted;
            await client.query('select pg_sleep(random() * 0.005)');
            await insertEvent(client, `PARALLEL_${connection}_B`);
            await client.query('commit');
          } catch (error) {
            openAll(); // let the others finish: the test fails with this error, not by hanging
            throw error;
          } finally {
            client.release(true);
          }
        }),
      );
      writing = false;
      await sealing;
    } finally {
      writing = false;
      await concurrent.close();
    }
    await sealAuditEvents(database.db);
    const after = await verifyAuditChain(database.db, { batchSize: 16 });
    expect(after).toMatchObject({
      ok: true,
      checked: (before.ok ? before.checked : 0) + 2 * writers,
      unsealed: NONE_UNSEALED,
    });
    const parallel = (await readChain(database.db)).filter((e) => e.action.startsWith('PARALLEL_'));
    expect(new Set(parallel.map((e) => e.id)).size).toBe(2 * writers);
    expect(await countRows(database.db, 'audit_seals')).toBe(await countRows(database.db, 'audit_events'));
  });

  it('seals an event committed after a seal round that ran while its transaction was open', async () => {
    const early = await openSession(database.pool);
    const xidFirst = await openSession(database.pool);
    try {
      await early.query('begin');
      const earlyId = await insertEvent(early, 'COMMITS_LATE');
      // This transaction has its id before the round but writes its event only after it.
      await xidFirst.query('begin');
      await xidFirst.query('select pg_current_xact_id()');
      await recordAuditEvent(database.db, { actorUserId: null, action: 'COMMITS_FIRST' });

      expect(await sealAuditEvents(database.db)).toBe(1);
      const firstRound = await readChain(database.db);
      const first = firstRound.at(-1)!;
      expect(first.action).toBe('COMMITS_FIRST');
      expect(first.id).toBeGreaterThan(earlyId);

      const xidFirstId = await insertEvent(xidFirst, 'XID_BEFORE_ROUND');
      await early.query('commit');
      await xidFirst.query('commit');
      expect(await verifyAuditChain(database.db)).toMatchObject({
        ok: true,
        checked: firstRound.length,
        unsealed: { count: 2 },
      });

      expect(await sealAuditEvents(database.db)).toBe(2);
      const chain = await readChain(database.db);
      // Chain order is seal order: the lower id comes after the event sealed before it.
      expect(chain.slice(-3).map((e) => e.id)).toEqual([first.id, earlyId, xidFirstId]);
      expect(await verifyAuditChain(database.db)).toEqual({
        ok: true,
        checked: chain.length,
        lastHash: chain.at(-1)!.hash,
        unsealed: NONE_UNSEALED,
      });
    } finally {
      early.release(true);
      xidFirst.release(true);
    }
  });

  it('never seals, nor keeps, the event of a rolled-back transaction or savepoint', async () => {
    const session = await openSession(database.pool);
    try {
      await session.query('begin');
      await insertEvent(session, 'ROLLED_BACK');
      await sealAuditEvents(database.db);
      await session.query('rollback');
      await session.query('begin');
      await session.query('savepoint undo');
      await insertEvent(session, 'SAVEPOINT_ROLLED_BACK');
      await session.query('rollback to savepoint undo');
      await insertEvent(session, 'KEPT');
      await session.query('commit');
    } finally {
      session.release(true);
    }
    expect(await sealAuditEvents(database.db)).toBe(1);
    const chain = await readChain(database.db);
    expect(chain.at(-1)!.action).toBe('KEPT');
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from audit_events where action in ('ROLLED_BACK', 'SAVEPOINT_ROLLED_BACK')`.execute(
      database.db,
    );
    expect(Number(rows[0]!.n)).toBe(0);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, unsealed: NONE_UNSEALED });
  });

  it('runs one sealer at a time: a second one returns at once, and many at once make one chain', async () => {
    await recordAuditEvent(database.db, { actorUserId: null, action: 'WHILE_SEALING_1' });
    const first = await openSession(database.pool);
    const second = await openSession(database.pool);
    try {
      await first.query('begin');
      const { rows } = await first.query<{ sealed: number }>('select audit_seal_pending() as sealed');
      expect(rows[0]!.sealed).toBe(1);
      await recordAuditEvent(database.db, { actorUserId: null, action: 'WHILE_SEALING_2' });
      // Without the sealer lock this would wait for `first`'s uncommitted seal of the same seq.
      await second.query(`set statement_timeout = '500ms'`);
      const other = await second.query<{ sealed: number }>('select audit_seal_pending() as sealed');
      expect(other.rows[0]!.sealed).toBe(0);
      await first.query('commit');
      const again = await second.query<{ sealed: number }>('select audit_seal_pending() as sealed');
      expect(again.rows[0]!.sealed).toBe(1);
    } finally {
      first.release(true);
      second.release(true);
    }

    const concurrent = connectDatabase(database.url, { max: 20, applicationName: 'audit-sealers-test' });
    try {
      await Promise.all([
        ...Array.from({ length: 10 }, async (_, writer) => {
          for (let round = 0; round < 5; round++)
            await recordAuditEvent(concurrent.db, {
              actorUserId: null,
              action: `SEALERS_${writer}_${round}`,
            });
        }),
        ...Array.from({ length: 8 }, async () => {
          for (let round = 0; round < 10; round++) await sealAuditEvents(concurrent.db);
        }),
      ]);
    } finally {
      await concurrent.close();
    }
    await sealAuditEvents(database.db);
    const chain = await readChain(database.db);
    expect(chain.map((e) => e.seq)).toEqual(chain.map((_, index) => index + 1));
    expect(new Set(chain.map((e) => e.id)).size).toBe(chain.length);
    expect(chain.length).toBe(await countRows(database.db, 'audit_events'));
    expect(await verifyAuditChain(database.db, { batchSize: 9 })).toMatchObject({
      ok: true,
      checked: chain.length,
      unsealed: NONE_UNSEALED,
    });
  });

  it('refuses a fork: a second seal after the same predecessor', async () => {
    const chain = await readChain(database.db);
    await recordAuditEvent(database.db, { actorUserId: null, action: 'FORK' });
    const { rows } = await sql<{ id: number }>`select max(id) as id from audit_events`.execute(database.db);
    await expect(
      sql`insert into audit_seals (seq, event_id, previous_hash, hash)
          values (${chain.length + 1}, ${rows[0]!.id}, ${chain[3]!.previous_hash}, ${'f'.repeat(64)})`.execute(
        database.owner.db,
      ),
    ).rejects.toThrow(/audit_seals_previous_hash_key/);
    expect(await sealAuditEvents(database.db)).toBe(1);
  });

  it('accepts events written under any isolation level, but seals only under READ COMMITTED', async () => {
    for (const level of ['repeatable read', 'serializable'] as const)
      await database.db
        .transaction()
        .setIsolationLevel(level)
        .execute((trx) => recordAuditEvent(trx, { actorUserId: null, action: `WRITTEN_${level}` }));
    await expect(
      database.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((trx) => sealAuditEvents(trx)),
    ).rejects.toThrow(/READ COMMITTED/);
    expect(await sealAuditEvents(database.db)).toBe(2);
  });

  it('searches every event when its horizon is ahead of the database (a logical restore elsewhere)', async () => {
    await sql`update audit_seal_horizon
              set low_xid = (pg_current_xact_id()::text::bigint + 1000000000)::text::xid8`.execute(
      database.owner.db,
    );
    await recordAuditEvent(database.db, { actorUserId: null, action: 'AFTER_RESTORE' });
    expect(await sealAuditEvents(database.db)).toBe(1);
    // Its one row deleted by hand: the same, and the row is back.
    await sql`delete from audit_seal_horizon`.execute(database.owner.db);
    await recordAuditEvent(database.db, { actorUserId: null, action: 'AFTER_HORIZON_DELETED' });
    expect(await sealAuditEvents(database.db)).toBe(1);
    const { rows } = await sql<{ n: number }>`select count(*) as n from audit_seal_horizon`.execute(
      database.db,
    );
    expect(Number(rows[0]!.n)).toBe(1);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, unsealed: NONE_UNSEALED });
  });

  it('still refuses UPDATE, DELETE and TRUNCATE, of events and of seals, even to the owner', async () => {
    await expect(
      database.owner.db.updateTable('audit_events').set({ action: 'X' }).execute(),
    ).rejects.toThrow(/audit_events is append-only/);
    await expect(database.owner.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events cascade`.execute(database.owner.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.owner.db.updateTable('audit_seals').set({ hash: 'x' }).execute()).rejects.toThrow(
      /audit_seals is append-only/,
    );
    await expect(database.owner.db.deleteFrom('audit_seals').execute()).rejects.toThrow(
      /audit_seals is append-only/,
    );
    await expect(sql`truncate audit_seals`.execute(database.owner.db)).rejects.toThrow(
      /audit_seals is append-only/,
    );
  });

  describe('detects tampering by a superuser', () => {
    let chain: StoredEvent[];
    let victim: StoredEvent;
    let victimIndex: number;

    beforeAll(async () => {
      await sealAuditEvents(database.db);
      chain = await readChain(database.db);
      victimIndex = 5;
      victim = chain[victimIndex]!;
    });

    it('a changed field: HASH_MISMATCH at that event', async () => {
      const result = await withTampering(
        database.owner.db,
        `update audit_events set details = '{"reason": "nothing to see"}' where id = ${victim.id}`,
        (trx) => verifyAuditChain(trx, { batchSize: 4 }),
      );
      expect(result).toEqual({
        ok: false,
        checked: victimIndex,
        brokenAt: {
          seq: victim.seq,
          id: victim.id,
          expected: expect.stringMatching(HEX64),
          found: victim.hash,
          problem: 'HASH_MISMATCH',
        },
        unsealed: NONE_UNSEALED,
      });
      if (!result.ok) expect(result.brokenAt.expected).not.toBe(victim.hash);
    });

    it('a changed field with its seal recomputed: LINK_BROKEN at the next seal', async () => {
      const result = await withTampering(
        database.owner.db,
        `update audit_events set action = 'LOGIN' where id = ${victim.id};
         update audit_seals s set hash = audit_event_hash(s.previous_hash, e)
           from audit_events e where e.id = s.event_id and s.seq = ${victim.seq}`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toMatchObject({
        ok: false,
        checked: victimIndex + 1,
        brokenAt: {
          seq: victim.seq + 1,
          id: chain[victimIndex + 1]!.id,
          expected: expect.stringMatching(HEX64),
          found: victim.hash,
          problem: 'LINK_BROKEN',
        },
      });
    });

    it('a deleted event with its seal: LINK_BROKEN at the seal after it', async () => {
      const result = await withTampering(
        database.owner.db,
        `delete from audit_seals where seq = ${victim.seq}; delete from audit_events where id = ${victim.id}`,
        (trx) => verifyAuditChain(trx, { batchSize: 3 }),
      );
      expect(result).toEqual({
        ok: false,
        checked: victimIndex,
        brokenAt: {
          seq: victim.seq + 1,
          id: chain[victimIndex + 1]!.id,
          expected: chain[victimIndex - 1]!.hash,
          found: victim.hash,
          problem: 'LINK_BROKEN',
        },
        unsealed: NONE_UNSEALED,
      });
    });

    it('a deleted event, its seal kept: EVENT_MISSING at that seal', async () => {
      const result = await withTampering(
        database.owner.db,
        `delete from audit_events where id = ${victim.id}`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toMatchObject({
        ok: false,
        checked: victimIndex,
        brokenAt: {
          seq: victim.seq,
          id: victim.id,
          expected: victim.hash,
          found: '',
          problem: 'EVENT_MISSING',
        },
      });
    });

    it('a deleted first event: LINK_BROKEN at the new first seal', async () => {
      const result = await withTampering(
        database.owner.db,
        `delete from audit_seals where seq = ${chain[0]!.seq}; delete from audit_events where id = ${chain[0]!.id}`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toMatchObject({
        ok: false,
        checked: 0,
        brokenAt: {
          seq: chain[1]!.seq,
          id: chain[1]!.id,
          expected: '',
          found: chain[0]!.hash,
          problem: 'LINK_BROKEN',
        },
      });
    });

    it('a renumbered event, its seal following it: HASH_MISMATCH at that seal', async () => {
      const result = await withTampering(
        database.owner.db,
        `with moved as (update audit_events set id = default where id = ${victim.id} returning id)
         update audit_seals set event_id = (select id from moved) where seq = ${victim.seq}`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toMatchObject({
        ok: false,
        checked: victimIndex,
        brokenAt: { seq: victim.seq, found: victim.hash, problem: 'HASH_MISMATCH' },
      });
    });

    it('two seals swapped: LINK_BROKEN at the first of them', async () => {
      const [a, b] = [victim.seq, victim.seq + 1];
      const result = await withTampering(
        database.owner.db,
        // The superuser drops the constraints that forbid two seals of one event or predecessor, too.
        `alter table audit_seals drop constraint audit_seals_event_id_key,
           drop constraint audit_seals_previous_hash_key;
         update audit_seals t set event_id = s.event_id, previous_hash = s.previous_hash, hash = s.hash
         from audit_seals s where (t.seq, s.seq) in ((${a}, ${b}), (${b}, ${a}))`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toMatchObject({
        ok: false,
        checked: victimIndex,
        brokenAt: {
          seq: a,
          id: chain[victimIndex + 1]!.id,
          expected: chain[victimIndex - 1]!.hash,
          found: victim.hash,
          problem: 'LINK_BROKEN',
        },
      });
    });

    it('the seal of the newest event deleted: the chain is intact, the event reported unsealed', async () => {
      const last = chain.at(-1)!;
      const result = await withTampering(
        database.owner.db,
        `delete from audit_seals where seq = ${last.seq}`,
        (trx) => verifyAuditChain(trx),
      );
      expect(result).toMatchObject({
        ok: true,
        checked: chain.length - 1,
        unsealed: { count: 1, oldest: { id: last.id } },
      });
    });

    it('the last event deleted: the chain is intact but its exported last hash is gone', async () => {
      const last = chain.at(-1)!;
      expect(await isHashInAuditChain(database.db, last.hash)).toBe(true);
      expect(await isHashInAuditChain(database.db, chain[2]!.hash)).toBe(true);
      const [result, stillThere] = await withTampering(
        database.owner.db,
        `delete from audit_seals where seq = ${last.seq}; delete from audit_events where id = ${last.id}`,
        async (trx) => [await verifyAuditChain(trx), await isHashInAuditChain(trx, last.hash)] as const,
      );
      expect(result).toMatchObject({ ok: true, checked: chain.length - 1, unsealed: NONE_UNSEALED });
      expect(stillThere).toBe(false);
    });
  });
});
