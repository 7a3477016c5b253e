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

  /** 'up' when a query answers within two seconds on a migrated schema. */
  async check(): Promise<'up' | 'down' | 'migrating'> {
    if (!this.handle) return 'down';
    if (!this.migrated) return 'migrating';
    try {
      await Promise.race([
        sql`select 1`.execute(this.handle),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000).unref()),
      ]);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
