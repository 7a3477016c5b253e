import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import type { Assessment, Category } from '../../rules/index.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { staffReadEvent } from '../dossier-guard.ts';
import { findDossier, lockDossier, OPEN_STATUSES } from '../dossiers.repo.ts';
import type { DossierRouteOptions } from '../dossiers.routes.ts';
import { offeredGrounds } from '../handling/refusal-grounds.ts';
import { GROUND_STATEMENTS } from '../letters/ground-texts.ts';
import { insertStaffEntry } from './staff-entries.repo.ts';

/**
 * After an inspection, the inspector proposes refusal grounds for an employer's pending dossier
 * (issue 14: "proposes a withdrawal … or a refusal ground for pending dossiers"). The proposal is a
 * staff entry with its facts: the case handler sees it beside each ground it names (pre-ticked on the
 * refusal form) and decides; nothing changes in the dossier's status. Inspectors reach a dossier only
 * through this and the withdrawal routes; every read and proposal is audited (the facts' text is
 * kept out of the trail, as with inspections).
 */
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

function invalid(lang: Lang, path: string, rule: string, params: Record<string, unknown> = {}): LoketError {
  return new LoketError('LOKET_VALIDATION_FAILED', {}, [
    { path, rule, message: translate(lang, `validation.groundProposal.${rule}`, params) },
  ]);
}

export async function groundProposalRoutes(
  app: FastifyInstance,
  options: DossierRouteOptions,
): Promise<void> {
  const db = () => options.database.db;

  const groundsOf = (dossier: { category: string; assessment: unknown; application: unknown }) =>
    offeredGrounds(
      dossier.category as Category,
      dossier.assessment as Assessment | null,
      dossier.application,
    );

  app.get(
    '/api/v1/dossiers/:id/refusal-grounds',
    {
      config: { access: ['INSPECTOR'] },
      schema: {
        tags: ['enforcement'],
        summary:
          'The legal grounds a pending dossier may be refused on, for an inspector to propose (audited)',
        params: IdParams,
      },
    },
    async (request: FastifyRequest) => {
      const { id } = request.params as { id: string };
      const dossier = await findDossier(db(), id);
      if (!dossier?.number) throw new LoketError('LOKET_NOT_FOUND');
      await recordAuditEvent(db(), staffReadEvent(request, id, 'refusal-grounds'));
      return {
        status: dossier.status,
        open: isOpen(dossier.status),
        grounds: groundsOf(dossier).map((ground) => ({
          code: ground.code,
          statement: GROUND_STATEMENTS[request.lang][ground.code],
          legalBasis: renderLegalBasis(ground.legalBasis, request.lang),
        })),
      };
    },
  );

  app.post(
    '/api/v1/dossiers/:id/refusal-ground-proposals',
    {
      config: { access: ['INSPECTOR'] },
      schema: {
        tags: ['enforcement'],
        summary:
          "Propose refusal grounds for a pending dossier, with the inspection's facts (the case handler decides)",
        params: IdParams,
        body: Type.Object(
          {
            groundCodes: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 }),
            facts: Type.String({ maxLength: 4000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request: FastifyRequest, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as { groundCodes: string[]; facts: string };
      const lang = request.lang;
      const codes = [...new Set(body.groundCodes)];
      const facts = body.facts.trim();
      if (codes.length === 0) throw invalid(lang, 'groundCodes', 'groundRequired');
      if (!facts) throw invalid(lang, 'facts', 'factsRequired');
      const user = request.user as User;
      const entryId = await db()
        .transaction()
        .execute(async (trx) => {
          const dossier = await lockDossier(trx, id);
          if (!dossier?.number) throw new LoketError('LOKET_NOT_FOUND');
          if (!isOpen(dossier.status)) throw invalid(lang, 'groundCodes', 'decided');
          const offered = new Set(groundsOf(dossier).map((g) => g.code as string));
          const foreign = codes.filter((code) => !offered.has(code));
          if (foreign.length > 0)
            throw invalid(lang, 'groundCodes', 'notAGround', { codes: foreign.join(', ') });
          const entry = await insertStaffEntry(trx, {
            dossierId: id,
            kind: 'REFUSAL_GROUNDS_PROPOSED',
            actorUserId: user.id,
            on: brusselsDate(options.now()),
            details: { codes, facts },
          });
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'DOSSIER_REFUSAL_GROUNDS_PROPOSED',
            subjectType: 'dossier',
            subjectId: id,
            requestId: String(request.id),
            details: { codes },
          });
          return entry;
        });
      return reply.code(201).send({ id: entryId });
    },
  );
}
