import { sql } from 'kysely';
import type { Db } from '../db/client.ts';

export type AuditChainProblem = 'HASH_MISMATCH' | 'LINK_BROKEN' | 'EVENT_MISSING';

/** Events that have no seal yet (migration 0007): normal for about a second after their commit. */
export interface UnsealedAuditEvents {
  count: number;
  /** The unsealed event written longest ago, and how many seconds ago (from its `occurred_at`). */
  oldest: { id: number; ageSeconds: number } | null;
}

export type AuditChainVerification =
  | { ok: true; checked: number; lastHash: string | null; unsealed: UnsealedAuditEvents }
  | {
      ok: false;
      /** Seals found intact before the break. */
      checked: number;
      /**
       * At seal `seq`, for event `id`. LINK_BROKEN: the seal's `previous_hash` is not the hash of the
       * seal before it (a seal was deleted, inserted or moved); an absent hash is ''. HASH_MISMATCH:
       * the event's content no longer gives the seal's hash (a field was changed, or the event
       * renumbered). EVENT_MISSING: the sealed event is gone (`expected` is the seal's hash).
       */
      brokenAt: { seq: number; id: number; expected: string; found: string; problem: AuditChainProblem };
      unsealed: UnsealedAuditEvents;
    };

interface ChainRow {
  seq: number;
  event_id: number;
  previous_hash: string | null;
  hash: string;
  /** NULL when the event is missing. */
  recomputed: string | null;
}

const DEFAULT_BATCH_SIZE = 5_000;

/**
 * Recomputes the audit trail's hash chain (migrations 0003 and 0007) in seal order, one
 * keyset-paginated batch at a time, so memory stays constant however long the trail is. Each seal's
 * hash is recomputed in SQL from its event's content with built-in functions only, repeating the
 * formula rather than calling `audit_event_hash()`: someone able to rewrite rows might also
 * redefine that function. Then counts the events that have no seal (none is trusted to be sealed
 * later: the count is over all events, not from the sealer's horizon).
 *
 * Batches are separate queries, not one snapshot; that is sound because seals are appended with
 * increasing `seq`, one sealer at a time, and never changed, so every batch sees a prefix of the
 * same chain.
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
  let afterSeq = 0;
  for (;;) {
    // A left join: a seal whose event was deleted must not be skipped silently.
    const { rows } = await sql<ChainRow>`
      select s.seq, s.event_id, s.previous_hash, s.hash,
        case when e.id is not null then encode(sha256(convert_to(coalesce(s.previous_hash, '') || jsonb_build_array(
          e.id,
          to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          e.actor_user_id, e.action, e.subject_type, e.subject_id, e.request_id, e.details
        )::text, 'UTF8')), 'hex') end as recomputed
      from audit_seals s left join audit_events e on e.id = s.event_id
      where s.seq > ${afterSeq}
      order by s.seq
      limit ${batchSize}`.execute(db);
    for (const row of rows) {
      const at = { seq: Number(row.seq), id: Number(row.event_id) };
      if (row.previous_hash !== lastHash) {
        const brokenAt = { ...at, expected: lastHash ?? '', found: row.previous_hash ?? '' };
        return broken(db, checked, { ...brokenAt, problem: 'LINK_BROKEN' });
      }
      if (row.recomputed === null) {
        const brokenAt = { ...at, expected: row.hash, found: '' };
        return broken(db, checked, { ...brokenAt, problem: 'EVENT_MISSING' });
      }
      if (row.hash !== row.recomputed) {
        const brokenAt = { ...at, expected: row.recomputed, found: row.hash };
        return broken(db, checked, { ...brokenAt, problem: 'HASH_MISMATCH' });
      }
      lastHash = row.hash;
      checked += 1;
      afterSeq = at.seq;
    }
    if (rows.length < batchSize) return { ok: true, checked, lastHash, unsealed: await findUnsealed(db) };
  }
}

async function broken(
  db: Db,
  checked: number,
  brokenAt: Extract<AuditChainVerification, { ok: false }>['brokenAt'],
): Promise<AuditChainVerification> {
  return { ok: false, checked, brokenAt, unsealed: await findUnsealed(db) };
}

async function findUnsealed(db: Db): Promise<UnsealedAuditEvents> {
  const { rows } = await sql<{ id: number; age_seconds: number; count: number }>`
    select e.id, extract(epoch from statement_timestamp() - e.occurred_at)::float8 as age_seconds,
      count(*) over () as count
    from audit_events e
    where not exists (select 1 from audit_seals s where s.event_id = e.id)
    order by e.occurred_at, e.id
    limit 1`.execute(db);
  const oldest = rows[0];
  if (!oldest) return { count: 0, oldest: null };
  return {
    count: Number(oldest.count),
    oldest: { id: Number(oldest.id), ageSeconds: Number(oldest.age_seconds) },
  };
}

/**
 * Whether `hash` (a last hash exported earlier) is still the hash of a seal in the chain: the
 * newest one, or one that a later seal links to. Meaningful after `verifyAuditChain` found the chain
 * intact; then a missing hash means seals were removed from the end or the chain was rewritten.
 */
export async function isHashInAuditChain(db: Db, hash: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from audit_seals where previous_hash = ${hash})
        or exists (select 1 from (select hash from audit_seals order by seq desc limit 1) as newest
                   where newest.hash = ${hash}) as found`.execute(db);
  return rows[0]?.found === true;
}
