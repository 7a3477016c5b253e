import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { LoketError } from '../../server/errors.ts';
import { STAFF_ONLY_ACTIONS } from '../dossier-view.ts';
import { type DossierRow, effectiveDueDateSql, listActions, OPEN_STATUSES } from '../dossiers.repo.ts';
import { refusalShown } from '../handling/refusal-grounds.ts';
import { revocationShown } from '../revocation/revocation-view.ts';
import { employmentTerms } from './employment-terms.ts';

/** The worker's read-only token, a cookie scoped to the worker-access routes. */
export const WORKER_COOKIE = 'loket_worker';

/** Codes and tokens are stored as hashes only. */
export const hashWorkerSecret = (text: string) => createHash('sha256').update(text).digest('hex');

/** The dossier the request's worker token opens, or 401 (no token, unknown or expired). */
export async function workerDossier(db: Db, request: FastifyRequest, now: Date): Promise<DossierRow> {
  const token = request.cookies[WORKER_COOKIE];
  if (!token) throw new LoketError('LOKET_UNAUTHENTICATED');
  const access = await db
    .selectFrom('worker_access_tokens as t')
    .innerJoin('worker_access as a', 'a.id', 't.access_id')
    .select('a.dossier_id')
    .where('t.token_hash', '=', hashWorkerSecret(token))
    .where('t.expires_at', '>', now)
    .executeTakeFirst();
  if (!access) throw new LoketError('LOKET_UNAUTHENTICATED');
  return db.selectFrom('dossiers').selectAll().where('id', '=', access.dossier_id).executeTakeFirstOrThrow();
}

/**
 * What a worker may read of their dossier: status and dates, the employment terms the employer
 * declared (to confirm they were told them), never documents, the assessment or register data.
 */
export async function workerView(db: Db, dossier: DossierRow, today: string) {
  const history = await listActions(db, dossier.id);
  const due = await db
    .selectFrom('dossiers as d')
    .select(effectiveDueDateSql(today).as('due'))
    .where('d.id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  const decision = dossier.decision as {
    outcome?: 'GRANTED' | 'REFUSED';
    decidedOn?: string;
    validFrom?: string;
    validUntil?: string;
    appeal?: { outcome: string; followUp: string | null; decidedOn: string };
  } | null;
  const letters = await db
    .selectFrom('dossier_letters')
    .select(['id', 'kind', 'lang', 'created_at'])
    .where('dossier_id', '=', dossier.id)
    .orderBy('created_at', 'desc')
    .execute();
  return {
    dossier: {
      number: dossier.number,
      status: dossier.status,
      category: dossier.category,
      // The date the service must decide by, only while it still has to: never after a decision.
      dueDate: (OPEN_STATUSES as readonly string[]).includes(dossier.status) ? due.due : null,
      isPaused: dossier.paused_since !== null,
      decisionOutcome: decision?.outcome ?? null,
      refusal: refusalShown(dossier, dossier.lang),
      // A withdrawn authorisation concerns the worker first: the day, the grounds, the motivation.
      revocation: revocationShown(dossier, dossier.lang),
      decidedOn: decision?.outcome ? (decision.decidedOn ?? null) : null,
      validFrom: decision?.validFrom ?? null,
      validUntil: decision?.validUntil ?? null,
      appeal: decision?.appeal
        ? {
            outcome: decision.appeal.outcome,
            followUp: decision.appeal.followUp ?? null,
            decidedOn: decision.appeal.decidedOn,
          }
        : null,
      // The letters concern the worker too: the decision on their work authorisation.
      letters: letters.map((l) => ({
        id: l.id,
        kind: l.kind,
        lang: l.lang,
        createdAt: l.created_at.toISOString(),
      })),
      // Why the service did not take the application up: grounds as codes, field paths and document types.
      inadmissibility: history.findLast((a) => a.action === 'DECLARE_INADMISSIBLE')?.details ?? null,
      history: history
        .filter((a) => a.action !== 'SAVE_DRAFT' && !STAFF_ONLY_ACTIONS.has(a.action))
        .map((a) => ({ action: a.action, on: a.on })),
      terms: employmentTerms(dossier.category, dossier.application),
      termsConfirmedAt: dossier.worker_terms_confirmed_at
        ? new Date(dossier.worker_terms_confirmed_at).toISOString()
        : null,
      // Whether decisions are mailed to the worker; the address itself is not shown back.
      hasEmail: dossier.worker_email !== null,
    },
  };
}
