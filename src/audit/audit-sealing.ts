import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { repeatInProcess } from '../jobs/repeat-in-process.ts';

/**
 * Chains every committed audit event that has no seal yet onto the audit trail's hash chain
 * (migration 0007 has the why and the proof that none is missed); returns how many it sealed.
 * One sealer runs at a time across all instances: while another is at work this returns 0 at once.
 * Call it on the database rather than in a long transaction: the sealer's lock and its seals are
 * held until the surrounding transaction ends (and it refuses any isolation but READ COMMITTED).
 */
export async function sealAuditEvents(db: Db): Promise<number> {
  const { rows } = await sql<{ sealed: number }>`select audit_seal_pending() as sealed`.execute(db);
  return Number(rows[0]?.sealed ?? 0);
}

/**
 * Seals every `intervalMs` in this instance, so an event waits about that long after its commit
 * before it is in the chain; `loket audit verify` fails on events left unsealed much longer.
 */
export function startAuditSealing(db: Db, log: Logger, options: { intervalMs?: number } = {}) {
  return repeatInProcess(() => sealAuditEvents(db), {
    intervalMs: options.intervalMs ?? 1_000,
    log,
    failureMessage: 'sealing audit events failed',
  });
}
