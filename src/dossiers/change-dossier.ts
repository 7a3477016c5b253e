import type { Updateable } from 'kysely';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { Role } from '../auth/roles.ts';
import type { Db } from '../db/client.ts';
import type { DossiersTable } from '../db/schema.ts';
import { queueDossierMails } from '../notifications/mail-outbox.repo.ts';
import { LoketError } from '../server/errors.ts';
import { type DossierRow, insertAction, listActions } from './dossiers.repo.ts';
import {
  applyAction,
  type DossierAction,
  type DossierStatus,
  IllegalTransitionError,
} from './lifecycle/dossier-lifecycle.ts';
import { clockStartOf, projectClock, runsFromSubmission } from './lifecycle/legal-clock.ts';

/** Who acts: a signed-in user in a role, or Loket itself (admissibility, jobs). */
export interface Acting {
  role: Role | 'SYSTEM';
  userId: string | null;
  requestId?: string;
}

export const SYSTEM: Acting = { role: 'SYSTEM', userId: null };

export function assertVersion(dossier: DossierRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== dossier.version) {
    throw new LoketError('LOKET_VERSION_CONFLICT', { current: dossier.version, given: expected });
  }
}

/**
 * The one way a dossier changes state, inside the caller's transaction on a locked row: check the
 * version the user saw, let the lifecycle table decide whether the action is allowed, append it to
 * the log, write the projections (status, clock) and the audit event. Either all of it or nothing.
 */
export async function changeDossier(
  trx: Db,
  dossier: DossierRow,
  change: {
    action: DossierAction;
    acting: Acting;
    on: string;
    expectedVersion?: number;
    details?: Record<string, unknown>;
    patch?: Updateable<DossiersTable>;
  },
): Promise<DossierRow> {
  assertVersion(dossier, change.expectedVersion);
  let status: DossierStatus;
  try {
    status = applyAction(dossier.status as DossierStatus, change.action, change.acting.role);
  } catch (error) {
    if (!(error instanceof IllegalTransitionError)) throw error;
    throw new LoketError('LOKET_ILLEGAL_TRANSITION', {
      status: error.status,
      action: error.action,
      reason: error.reason,
    });
  }
  await insertAction(trx, {
    dossierId: dossier.id,
    action: change.action,
    actor: change.acting.role,
    actorUserId: change.acting.userId,
    on: change.on,
    details: change.details ?? {},
  });
  const deadlineDays = change.patch?.deadline_days ?? dossier.deadline_days;
  // The clock starts at admissibility, on the fast lane at submission (legal-clock.ts): before it,
  // the log need not be read.
  const startsAt = clockStartOf(
    change.patch?.assessment ?? dossier.assessment,
    change.patch?.fee_paid_on ?? dossier.fee_paid_on,
  );
  const isClockStarted =
    dossier.admissible_on !== null ||
    change.action === 'DECLARE_ADMISSIBLE' ||
    (runsFromSubmission(startsAt) && (dossier.submitted_at !== null || change.action === 'SUBMIT'));
  const clock =
    deadlineDays && isClockStarted
      ? projectClock(await listActions(trx, dossier.id), deadlineDays, startsAt)
      : { dueDate: null, pausedSince: null };
  const updated = await trx
    .updateTable('dossiers')
    .set({
      ...change.patch,
      status,
      version: dossier.version + 1,
      due_date: clock.dueDate,
      paused_since: clock.pausedSince,
      updated_at: new Date(),
    })
    .where('id', '=', dossier.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Told by e-mail after the commit, from the outbox: the change never waits for a mail server.
  await queueDossierMails(trx, updated, dossier.status, status);
  await recordAuditEvent(trx, {
    actorUserId: change.acting.userId,
    action: `DOSSIER_${change.action}`,
    subjectType: 'dossier',
    subjectId: dossier.id,
    ...(change.acting.requestId ? { requestId: change.acting.requestId } : {}),
    details: { from: dossier.status, to: status, version: updated.version, ...auditDetails(change.details) },
  });
  return updated;
}

// The audit trail names what changed, never the personal data itself (a question or answer text
// may hold some): free texts are reduced to their length.
function auditDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!details) return {};
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) =>
      typeof value === 'string' && value.length > 60 ? [key, { textLength: value.length }] : [key, value],
    ),
  );
}
