import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import type { DossierRouteOptions } from '../dossiers.routes.ts';
import { employmentTerms } from './employment-terms.ts';
import { workerDossier, workerView } from './worker-view.ts';

/**
 * What a worker does with their access code besides reading: confirm that the employer told them
 * the job and its terms (policy note 002 §2.8), and leave an address to hear of decisions by e-mail.
 * Both are the worker's own acts, audited without the address itself.
 */
export async function workerSelfServiceRoutes(
  app: FastifyInstance,
  options: DossierRouteOptions,
): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());

  app.post(
    '/api/v1/worker-access/terms-confirmation',
    {
      config: { access: 'PUBLIC', csrf: true },
      schema: {
        tags: ['worker access'],
        summary: 'The worker confirms they received and understood the employment terms shown',
        body: Type.Object({ confirmed: Type.Literal(true) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const dossier = await workerDossier(db(), request, options.now());
      if (dossier.worker_terms_confirmed_at !== null) return workerView(db(), dossier, today());
      if (dossier.status === 'DRAFT' || dossier.status === 'WITHDRAWN') {
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: dossier.status, action: 'CONFIRM_TERMS' });
      }
      const updated = await db()
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .updateTable('dossiers')
            .set({
              worker_terms_confirmed_at: options.now(),
              worker_terms_confirmed: { ...employmentTerms(dossier.category, dossier.application) },
            })
            .where('id', '=', dossier.id)
            .where('worker_terms_confirmed_at', 'is', null)
            .returningAll()
            .executeTakeFirst();
          if (row) {
            await recordAuditEvent(trx, {
              actorUserId: null,
              action: 'WORKER_TERMS_CONFIRMED',
              subjectType: 'dossier',
              subjectId: dossier.id,
              requestId: String(request.id),
            });
          }
          return row ?? dossier;
        });
      return workerView(db(), updated, today());
    },
  );

  app.put(
    '/api/v1/worker-access/contact',
    {
      config: { access: 'PUBLIC', csrf: true },
      schema: {
        tags: ['worker access'],
        summary: 'The worker gives (or removes, with null) an e-mail address to hear of decisions',
        body: Type.Object(
          { email: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { email } = request.body as { email: string | null };
      const dossier = await workerDossier(db(), request, options.now());
      const updated = await db()
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .updateTable('dossiers')
            .set({ worker_email: email, worker_lang: email ? request.lang : null })
            .where('id', '=', dossier.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAuditEvent(trx, {
            actorUserId: null,
            action: email ? 'WORKER_EMAIL_GIVEN' : 'WORKER_EMAIL_REMOVED',
            subjectType: 'dossier',
            subjectId: dossier.id,
            requestId: String(request.id),
          });
          return row;
        });
      return workerView(db(), updated, today());
    },
  );
}
