import { sql } from 'kysely';
import type { Db } from '../db/client.ts';

/**
 * Runs `work` unless another instance (or this one) is running the work called `name`; returns
 * null when it did not run. pg-boss runs each scheduled job once, but not one at a time: a run
 * that takes longer than the minute to the next one, or a job retried after its worker died,
 * overlaps a newer run on another instance, and both would pick up the same outbox rows.
 *
 * The lock is PostgreSQL's session-level advisory lock on a connection of its own, held while
 * `work` runs on other connections: a process that dies loses its connection, and with it the
 * lock, at once (no lease to wait out).
 */
export async function oneAtATime<T>(db: Db, name: string, work: () => Promise<T>): Promise<T | null> {
  const key = sql`hashtextextended(${`loket-one-at-a-time\u001f${name}`}, 0)`;
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(
      connection,
    );
    if (!rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
