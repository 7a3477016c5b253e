import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { loadDossierFor } from '../dossier-guard.ts';
import { lockDossier, OPEN_STATUSES } from '../dossiers.repo.ts';
import type { DossierRouteOptions } from '../dossiers.routes.ts';
import { insertStaffEntry, listStaffEntries } from './staff-entries.repo.ts';

/**
 * Ministers of religion: the case handler puts the dossier to the screening service for advice,
 * then records the advice received. Policy note 002 §2.7, 1.: "Het Departement WEWIS kan dossiers
 * voorleggen voor advies bij de Informatie- en Screeningsdienst van het Agentschap Binnenlands
 * Bestuur". "Kan": a choice of the case handler, not a rule of the assessment; the advice informs
 * the decision and binds nothing. Both steps are staff entries (migration 0024), in the staff
 * history, audited; never shown to the employer or the worker.
 */
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const SCREENING_ADVICES = ['NO_OBJECTION', 'OBJECTION'] as const;

function invalid(lang: Lang, path: string, rule: string): LoketError {
  return new LoketError('LOKET_VALIDATION_FAILED', {}, [
    { path, rule, message: translate(lang, `validation.screening.${rule}`) },
  ]);
}

export async function screeningRoutes(app: FastifyInstance, options: DossierRouteOptions): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());

  app.post(
    '/api/v1/dossiers/:id/screening',
    {
      config: { access: ['CASE_HANDLER'] },
      schema: {
        tags: ['case handling'],
        summary:
          "A minister of religion's dossier: refer it to the screening service for advice (REFER, with the question), or record the advice received (ADVICE)",
        params: IdParams,
        body: Type.Object(
          {
            step: Type.Enum(['REFER', 'ADVICE']),
            question: Type.Optional(Type.String({ maxLength: 4000 })),
            advice: Type.Optional(Type.Enum([...SCREENING_ADVICES])),
            note: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request: FastifyRequest, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as {
        step: 'REFER' | 'ADVICE';
        question?: string;
        advice?: (typeof SCREENING_ADVICES)[number];
        note?: string;
      };
      const user = request.user as User;
      await loadDossierFor(db(), request, id, 'CHANGE');
      await db()
        .transaction()
        .execute(async (trx) => {
          const dossier = await lockDossier(trx, id);
          if (!dossier?.number) throw new LoketError('LOKET_NOT_FOUND');
          if (dossier.category !== 'MINISTER_OF_RELIGION') throw invalid(request.lang, 'step', 'notMinister');
          if (!(OPEN_STATUSES as readonly string[]).includes(dossier.status))
            throw invalid(request.lang, 'step', 'decided');
          const entries = await listStaffEntries(trx, id);
          const referral = entries.findLast((e) => e.kind === 'SCREENING_REFERRED');
          const isOpen =
            referral !== undefined &&
            !entries.some((e) => e.kind === 'SCREENING_ADVICE' && Number(e.id) > Number(referral.id));
          if (body.step === 'REFER') {
            const question = body.question?.trim() ?? '';
            if (!question) throw invalid(request.lang, 'question', 'questionRequired');
            if (isOpen) throw invalid(request.lang, 'step', 'alreadyReferred');
            await insertStaffEntry(trx, {
              dossierId: id,
              kind: 'SCREENING_REFERRED',
              actorUserId: user.id,
              on: today(),
              details: { question },
            });
          } else {
            if (!isOpen) throw invalid(request.lang, 'step', 'notReferred');
            if (!body.advice) throw invalid(request.lang, 'advice', 'adviceRequired');
            await insertStaffEntry(trx, {
              dossierId: id,
              kind: 'SCREENING_ADVICE',
              actorUserId: user.id,
              on: today(),
              details: { advice: body.advice, note: body.note?.trim() ?? '' },
            });
          }
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: body.step === 'REFER' ? 'DOSSIER_SCREENING_REFERRED' : 'DOSSIER_SCREENING_ADVICE',
            subjectType: 'dossier',
            subjectId: id,
            requestId: String(request.id),
            details: body.step === 'ADVICE' ? { advice: body.advice } : {},
          });
        });
      return reply.code(201).send({ dossierId: id, step: body.step });
    },
  );
}
