import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/db/client.ts';

/** Reading the audit trail's hash chain in tests: src/audit/audit-chain.db.test.ts and audit-tools.db.test.ts. */

/** A seal and its event, as the chain holds them. */
export interface StoredEvent {
  seq: number;
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

/** The chain in seal order. */
export async function readChain(db: Db): Promise<StoredEvent[]> {
  const { rows } = await sql<StoredEvent>`
    select s.seq, e.id,
      to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at_utc,
      e.actor_user_id, e.action, e.subject_type, e.subject_id, e.request_id, e.details::text as details_text,
      s.previous_hash, s.hash
    from audit_seals s join audit_events e on e.id = s.event_id order by s.seq`.execute(db);
  return rows;
}

export async function countRows(db: Db, table: 'audit_events' | 'audit_seals'): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/**
 * The formula of docs/operations.md, written out independently in Node: JSON strings as
 * JSON.stringify writes them (the same escapes as PostgreSQL's jsonb output), details as jsonb's text.
 */
export function hashAsDocumented(event: StoredEvent): string {
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

export const NONE_UNSEALED = { count: 0, oldest: null };
