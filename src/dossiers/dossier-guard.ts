import type { FastifyRequest } from 'fastify';
import { type AuditEvent, recordAuditEvent } from '../audit/audit.repo.ts';
import type { Db } from '../db/client.ts';
import { LoketError } from '../server/errors.ts';
import { type DossierRow, enterprisesOf, findDossier } from './dossiers.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dossier a request may touch, or 404: an employer reaches only the dossiers of the
 * enterprises it acts for (another enterprise's dossier does not exist for it, so its existence is
 * not revealed); staff reach every dossier, and each staff read is written to the audit trail.
 */
export async function loadDossierFor(
  db: Db,
  request: FastifyRequest,
  dossierId: string,
  purpose: 'READ' | 'CHANGE',
  what = 'overview',
): Promise<DossierRow> {
  const dossier = await reachDossier(db, request, dossierId);
  if (purpose === 'READ' && isStaffRequest(request))
    await recordAuditEvent(db, staffReadEvent(request, dossier.id, what));
  return dossier;
}

/**
 * The access check of `loadDossierFor` without the audit event, for a route that writes the
 * staff read itself together with other events in one statement (the dossier view). The caller
 * must write `staffReadEvent` before it answers.
 */
export async function reachDossier(db: Db, request: FastifyRequest, dossierId: string): Promise<DossierRow> {
  const user = request.user;
  if (!user || !UUID.test(dossierId)) throw new LoketError('LOKET_NOT_FOUND');
  const dossier = await findDossier(db, dossierId);
  if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
  if (user.role === 'EMPLOYER') {
    if (!(await enterprisesOf(db, user)).includes(dossier.enterprise_number))
      throw new LoketError('LOKET_NOT_FOUND');
    return dossier;
  }
  if (!isStaffRequest(request)) throw new LoketError('LOKET_FORBIDDEN');
  return dossier;
}

export function isStaffRequest(request: FastifyRequest): boolean {
  return request.user?.role === 'CASE_HANDLER' || request.user?.role === 'SUPERVISOR';
}

/** The audit event of a staff read of one dossier (`what`: the overview, a document, a letter…). */
export function staffReadEvent(request: FastifyRequest, dossierId: string, what: string): AuditEvent {
  return {
    actorUserId: request.user?.id ?? null,
    action: 'DOSSIER_READ',
    subjectType: 'dossier',
    subjectId: dossierId,
    requestId: String(request.id),
    details: { what },
  };
}

/**
 * A staff read of a list (the queue, notifications, the workload): one audit event for the whole
 * list, naming what was read and the dossiers it showed (ids, no personal data), rather than a
 * write per row (issue 12, "every staff read logged").
 */
export async function recordStaffListRead(
  db: Db,
  request: FastifyRequest,
  what: 'queue' | 'notifications' | 'workload',
  dossierIds: readonly string[],
): Promise<void> {
  await recordAuditEvent(db, {
    actorUserId: request.user?.id ?? null,
    action: 'DOSSIER_LIST_READ',
    requestId: String(request.id),
    details: { what, dossiers: [...dossierIds] },
  });
}
