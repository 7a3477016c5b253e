import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { repeatInProcess } from '../jobs/repeat-in-process.ts';

/**
 * A change to a dossier only notes its id in `statistics_pending`; folding turns the pending ids
 * into statistics rows and rollups (migration 0006 has the why). One fold runs at a time across
 * all instances; a fold with nothing to do costs one query.
 */
export async function foldPendingStatistics(db: Db): Promise<number> {
  const { rows } = await sql<{ changed: number }>`select fold_pending_statistics() as changed`.execute(db);
  return Number(rows[0]?.changed ?? 0);
}

/**
 * Folds every `intervalMs` in this instance, so the queue stays short and the fold a statistics
 * query does first (src/stats/aggregate.ts) rarely finds work.
 */
export function startStatisticsFolding(db: Db, log: Logger, options: { intervalMs?: number } = {}) {
  return repeatInProcess(() => foldPendingStatistics(db), {
    intervalMs: options.intervalMs ?? 2_000,
    log,
    failureMessage: 'folding statistics failed',
  });
}
