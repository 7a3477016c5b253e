import type { Db } from '../db/client.ts';

export interface AuditEvent {
  actorUserId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit trail (append-only by a database trigger). Pass a transaction to tie it to the change. */
export async function recordAuditEvent(db: Db, event: AuditEvent): Promise<void> {
  await recordAuditEvents(db, [event]);
}

/**
 * Appends several events in one statement: one round trip and, outside a transaction, one commit
 * (a staff read of a dossier with register data logs two events; under load each commit counts).
 */
export async function recordAuditEvents(db: Db, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      events.map((event) => ({
        actor_user_id: event.actorUserId,
        action: event.action,
        subject_type: event.subjectType ?? null,
        subject_id: event.subjectId ?? null,
        request_id: event.requestId ?? null,
        details: event.details ?? {},
      })),
    )
    .execute();
}
