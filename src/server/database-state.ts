import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { LoketError } from './errors.ts';

/**
 * The database as the server sees it: routes use `db`, which answers 503 (not 500) while the
 * database is not reachable or not yet migrated; `/health/ready` reports the same state.
 */
export class DatabaseState {
  private handle: Db | null = null;
  private migrated = false;
  private pool: { totalCount: number; idleCount: number; waitingCount: number } | null = null;

  constructor(db?: Db) {
    if (db) this.attach(db);
  }

  attach(db: Db, migrated = true): void {
    this.handle = db;
    this.migrated = migrated;
  }

  /** The connection pool behind `db`, for its saturation metrics. */
  observePool(pool: { totalCount: number; idleCount: number; waitingCount: number }): void {
    this.pool = pool;
  }

  /** Connections open, idle and requests waiting for one (null before the database is attached). */
  poolStats(): { total: number; idle: number; waiting: number } | null {
    return this.pool
      ? { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount }
      : null;
  }

  markMigrated(): void {
    this.migrated = true;
  }

  get db(): Db {
    if (!this.handle || !this.migrated) throw new LoketError('LOKET_DATABASE_UNAVAILABLE');
    return this.handle;
  }

  get isAttached(): boolean {
    return this.handle !== null;
  }

  /**
   * 'up' when a query answers within two seconds on a migrated schema that takes writes;
   * 'read-only' on a hot standby (after a failover, the address may still lead to the old primary,
   * now a standby) or a database set read-only: nearly every request writes (sessions, audit).
   */
  async check(): Promise<'up' | 'down' | 'migrating' | 'read-only'> {
    if (!this.handle) return 'down';
    if (!this.migrated) return 'migrating';
    try {
      const { rows } = await Promise.race([
        sql<{ read_only: boolean }>`
          select pg_is_in_recovery() or current_setting('transaction_read_only') = 'on' as read_only`.execute(
          this.handle,
        ),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000).unref()),
      ]);
      return rows[0]?.read_only ? 'read-only' : 'up';
    } catch {
      return 'down';
    }
  }
}
