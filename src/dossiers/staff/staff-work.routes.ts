import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import { translate } from '../../i18n/translate.ts';
import { addDays } from '../../rules/dates/iso-date.ts';
import type { Assessment, Category } from '../../rules/index.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { loadDossierFor } from '../dossier-guard.ts';
import { assessDossierNow } from '../dossier-view.ts';
import { lockDossier } from '../dossiers.repo.ts';
import type { DossierRouteOptions } from '../dossiers.routes.ts';
import { type AppealDecisionInput, appealDates, checkAppealDecision } from '../handling/decide-appeal.ts';
import { checkGrant } from '../handling/decide-dossier.ts';
import { displayName, letterParties } from '../handling/issue-letter.ts';
import { chooseRefusalGrounds } from '../handling/refusal-grounds.ts';
import type { AppealDecision } from '../letters/appeal-letter.ts';
import { draftAppealLetter, draftDecisionLetter } from '../letters/letter-draft.ts';
import { allowedActionsFor, type DossierStatus } from '../lifecycle/dossier-lifecycle.ts';
import {
  deleteSavedFilter,
  listSavedFilters,
  type SavedQuery,
  SavedQuerySchema,
  saveFilter,
} from './saved-filters.ts';
import { insertStaffEntry } from './staff-entries.repo.ts';

const STAFF = ['CASE_HANDLER', 'SUPERVISOR'] as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * The case handler's own working tools: internal notes on a dossier, saved queue filters, and the
 * draft of a decision letter to read and edit before signing.
 */
export async function staffWorkRoutes(app: FastifyInstance, options: DossierRouteOptions): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());

  app.post(
    '/api/v1/dossiers/:id/notes',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['case handling'],
        summary:
          'Add an internal note to a dossier: staff only, never shown to the employer or the worker, never in a letter',
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const text = (request.body as { text: string }).text.trim();
      const user = request.user as User;
      if (!text) {
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
          { path: 'text', rule: 'required', message: translate(request.lang, 'validation.required') },
        ]);
      }
      await loadDossierFor(db(), request, id, 'CHANGE');
      const noteId = await db()
        .transaction()
        .execute(async (trx) => {
          const dossier = await lockDossier(trx, id);
          // A draft is the employer's until it is submitted: staff have nothing to note on it yet.
          if (!dossier?.number) throw new LoketError('LOKET_NOT_FOUND');
          const entryId = await insertStaffEntry(trx, {
            dossierId: id,
            kind: 'NOTE',
            actorUserId: user.id,
            on: today(),
            details: { text },
          });
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'DOSSIER_NOTE_ADDED',
            subjectType: 'dossier',
            subjectId: id,
            requestId: String(request.id),
            // The note may name people: the trail keeps its length, the dossier keeps the text.
            details: { noteId: entryId, textLength: text.length },
          });
          return entryId;
        });
      return reply.code(201).send({ id: noteId, text, authorName: user.displayName, on: today() });
    },
  );

  app.get(
    '/api/v1/staff/saved-filters',
    {
      config: { access: [...STAFF] },
      schema: { tags: ['case handling'], summary: 'My saved queue filters, by name' },
    },
    async (request) => ({ filters: await listSavedFilters(db(), (request.user as User).id) }),
  );

  app.post(
    '/api/v1/staff/saved-filters',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['case handling'],
        summary: 'Save the queue filter, search and sort under a name (the same name replaces it)',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 80 }), query: SavedQuerySchema },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as { name: string; query: SavedQuery };
      const saved = await saveFilter(db(), (request.user as User).id, {
        ...body,
        lang: request.lang,
        requestId: String(request.id),
      });
      return reply.code(201).send(saved);
    },
  );

  app.delete(
    '/api/v1/staff/saved-filters/:id',
    {
      config: { access: [...STAFF] },
      schema: { tags: ['case handling'], summary: 'Delete one of my saved filters', params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await deleteSavedFilter(db(), (request.user as User).id, id, String(request.id));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/dossiers/:id/letter-draft',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['case handling'],
        summary:
          "The decision letter's text before signing, in the dossier's language: fixed legal parts and the editable motivation",
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.Enum(['GRANTED', 'REFUSED']),
            validFrom: Type.Optional(Type.String({ format: 'date' })),
            validUntil: Type.Optional(Type.String({ format: 'date' })),
            reasonCodes: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 })),
            note: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as {
        outcome: 'GRANTED' | 'REFUSED';
        validFrom?: string;
        validUntil?: string;
        reasonCodes?: string[];
        note?: string;
      };
      const dossier = await loadDossierFor(db(), request, id, 'READ', 'letter-draft');
      if (!dossier.number) throw new LoketError('LOKET_NOT_FOUND');
      const on = today();
      const user = request.user as User;
      const parties = await letterParties(db(), dossier);
      const decidedBy = await displayName(db(), user.id);
      if (body.outcome === 'GRANTED') {
        const missing = (['validFrom', 'validUntil'] as const).filter((field) => !body[field]);
        if (missing.length > 0) {
          throw new LoketError(
            'LOKET_VALIDATION_FAILED',
            {},
            missing.map((path) => ({
              path,
              rule: 'required',
              message: translate(request.lang, 'validation.required'),
            })),
          );
        }
        const grant = { validFrom: body.validFrom as string, validUntil: body.validUntil as string };
        checkGrant(dossier.assessment as unknown as Assessment | null, grant, request.lang);
        return draftDecisionLetter({
          ...parties,
          decision: { outcome: 'GRANTED', decidedOn: on, ...grant, note: body.note ?? null },
          decidedBy,
        });
      }
      const assessment = await assessDossierNow(db(), dossier, dossier.lang);
      const reasons = chooseRefusalGrounds(
        { category: dossier.category as Category, application: dossier.application },
        assessment,
        { reasonCodes: body.reasonCodes ?? [], note: body.note ?? null },
        request.lang,
        dossier.lang,
      );
      return draftDecisionLetter({
        ...parties,
        decision: { outcome: 'REFUSED', decidedOn: on, reasons, note: body.note ?? null },
        decidedBy,
      });
    },
  );
  app.post(
    '/api/v1/dossiers/:id/appeal-letter-draft',
    {
      config: { access: ['SUPERVISOR'] },
      schema: {
        tags: ['case handling'],
        summary:
          "The letter on an appeal before signing, in the dossier's language: the outcome fixed, the reasons editable",
        params: IdParams,
        body: Type.Object(
          {
            appealOutcome: Type.Enum(['UPHELD', 'OVERTURNED']),
            followUp: Type.Optional(Type.Enum(['GRANT', 'REVIEW'])),
            validFrom: Type.Optional(Type.String({ format: 'date' })),
            validUntil: Type.Optional(Type.String({ format: 'date' })),
            note: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as Omit<AppealDecisionInput, 'note'> & { note?: string };
      const dossier = await loadDossierFor(db(), request, id, 'READ', 'appeal-letter-draft');
      const user = request.user as User;
      if (!allowedActionsFor(dossier.status as DossierStatus, user.role).includes('DECIDE_APPEAL')) {
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: dossier.status, action: 'DECIDE_APPEAL' });
      }
      checkAppealDecision(body, dossier.assessment as unknown as Assessment | null, request.lang, {
        isDraft: true,
      });
      const on = today();
      const decision: AppealDecision =
        body.appealOutcome === 'UPHELD'
          ? { outcome: 'DISMISSED' }
          : body.followUp === 'GRANT'
            ? {
                outcome: 'GRANTED',
                validFrom: body.validFrom as string,
                validUntil: body.validUntil as string,
              }
            : // The new examination's clock starts on the day of the decision (legal-clock.ts).
              {
                outcome: 'REVIEW',
                dueDate: dossier.deadline_days ? addDays(on, dossier.deadline_days) : null,
              };
      return draftAppealLetter({
        ...(await letterParties(db(), dossier)),
        appeal: {
          ...decision,
          ...(await appealDates(db(), dossier, on)),
          decidedOn: on,
          motivation: body.note ?? '',
        },
        decidedBy: await displayName(db(), user.id),
      });
    },
  );
}
