import { sql } from 'kysely';
import type { Db } from '../db/client.ts';

export type AuditChainProblem = 'HASH_MISMATCH' | 'LINK_BROKEN';

export type AuditChainVerification =
  | { ok: true; checked: number; lastHash: string | null }
  | {
      ok: false;
      /** Events found intact before the break. */
      checked: number;
      /**
       * LINK_BROKEN: `previous_hash` of event `id` is not the hash of the event before it (an event
       * was deleted, inserted or renumbered); an absent hash is ''. HASH_MISMATCH: the event's content
       * no longer gives its stored hash (a field was changed).
       */
      brokenAt: { id: number; expected: string; found: string; problem: AuditChainProblem };
    };

interface ChainRow {
  id: number | string;
  previous_hash: string | null;
  hash: string;
  recomputed: string;
}

const DEFAULT_BATCH_SIZE = 5_000;

/**
 * Recomputes the audit trail's hash chain (migration 0003) in id order, one keyset-paginated batch
 * at a time, so memory stays constant however long the trail is. The hash is recomputed in SQL with
 * built-in functions only, repeating the formula rather than calling the trigger's
 * `audit_event_hash()`: someone able to rewrite rows might also redefine that function.
 *
 * Batches are separate queries, not one snapshot; that is sound because the trigger assigns ids
 * under the chain lock, so an event committed later always has a higher id than all before it.
 */
export async function verifyAuditChain(
  db: Db,
  options: { batchSize?: number } = {},
): Promise<AuditChainVerification> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  let checked = 0;
  let lastHash: string | null = null;
  let afterId: number | string = 0;
  for (;;) {
    const { rows } = await sql<ChainRow>`
      select id, previous_hash, hash,
        encode(sha256(convert_to(coalesce(previous_hash, '') || jsonb_build_array(
          id,
          to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          actor_user_id, action, subject_type, subject_id, request_id, details
        )::text, 'UTF8')), 'hex') as recomputed
      from audit_events
      where id > ${afterId}
      order by id
      limit ${batchSize}`.execute(db);
    for (const row of rows) {
      const id = Number(row.id);
      if (row.previous_hash !== lastHash) {
        const brokenAt = { id, expected: lastHash ?? '', found: row.previous_hash ?? '' };
        return { ok: false, checked, brokenAt: { ...brokenAt, problem: 'LINK_BROKEN' } };
      }
      if (row.hash !== row.recomputed) {
        const brokenAt = { id, expected: row.recomputed, found: row.hash };
        return { ok: false, checked, brokenAt: { ...brokenAt, problem: 'HASH_MISMATCH' } };
      }
      lastHash = row.hash;
      checked += 1;
      afterId = row.id;
    }
    if (rows.length < batchSize) return { ok: true, checked, lastHash };
  }
}

/**
 * Whether `hash` (a last hash exported earlier) is still the hash of an event in the chain: the
 * newest one, or one that a later event links to. Meaningful after `verifyAuditChain` found the chain
 * intact; then a missing hash means events were removed from the end or the chain was rewritten.
 */
export async function isHashInAuditChain(db: Db, hash: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from audit_events where previous_hash = ${hash})
        or exists (select 1 from (select hash from audit_events order by id desc limit 1) as newest
                   where newest.hash = ${hash}) as found`.execute(db);
  return rows[0]?.found === true;
}
