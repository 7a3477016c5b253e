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
  await db
    .insertInto('audit_events')
    .values({
      actor_user_id: event.actorUserId,
      action: event.action,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId ?? null,
      request_id: event.requestId ?? null,
      details: event.details ?? {},
    })
    .execute();
}
