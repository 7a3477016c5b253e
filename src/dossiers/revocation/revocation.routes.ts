import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import type { Acting } from '../change-dossier.ts';
import { loadDossierFor, staffReadEvent } from '../dossier-guard.ts';
import { type DossierRow, findDossier } from '../dossiers.repo.ts';
import type { DossierRouteOptions } from '../dossiers.routes.ts';
import { listProposals } from './revocation.repo.ts';
import { answerHearing, decideRevocation, proposeRevocation } from './revocation.ts';
import { shownWithdrawalGround, withdrawalGroundsOfDossier } from './revocation-rules.ts';
import { showProposal } from './revocation-view.ts';

/**
 * The withdrawal (intrekking) of a granted authorisation over HTTP (decision 012). Proposals come
 * from case handlers and from inspectors (the enforcement side calls this API with its findings);
 * the employer answers on its dossier; a supervisor decides. Every read by staff or an inspector is
 * audited; every step is a lifecycle action with its audit event.
 */
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PROPOSERS = ['CASE_HANDLER', 'INSPECTOR'] as const;
const READERS = ['CASE_HANDLER', 'SUPERVISOR', 'INSPECTOR'] as const;
const IsoDate = Type.String({ format: 'date' });

export async function revocationRoutes(app: FastifyInstance, options: DossierRouteOptions): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const acting = (request: FastifyRequest): Acting => {
    const user = request.user as User;
    return { role: user.role, userId: user.id, requestId: String(request.id) };
  };
  /** Staff and inspectors reach any dossier (an inspector only through these routes), audited. */
  const reachForService = async (request: FastifyRequest, id: string, what: string): Promise<DossierRow> => {
    const dossier = await findDossier(db(), id);
    if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
    await recordAuditEvent(db(), staffReadEvent(request, id, what));
    return dossier;
  };

  app.get(
    '/api/v1/dossiers/:id/withdrawal-grounds',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['withdrawal'],
        summary:
          "The legal grounds a withdrawal of this dossier's authorisation may rest on today, each with its legal basis",
        params: IdParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const dossier = await reachForService(request, id, 'withdrawal-grounds');
      return {
        status: dossier.status,
        grounds: withdrawalGroundsOfDossier(dossier.application, today()).map((ground) =>
          shownWithdrawalGround(ground, ground.code, request.lang),
        ),
      };
    },
  );

  app.get(
    '/api/v1/dossiers/:id/withdrawal-proposals',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['withdrawal'],
        summary: 'Every withdrawal proposal on the dossier, the latest first, with hearing and outcome',
        params: IdParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const dossier = await reachForService(request, id, 'withdrawal-proposals');
      const rows = await listProposals(db(), id);
      return {
        status: dossier.status,
        proposals: rows.map((row) => showProposal(row, dossier.application, request.lang, 'STAFF', today())),
      };
    },
  );

  app.post(
    '/api/v1/dossiers/:id/withdrawal-proposals',
    {
      config: { access: [...PROPOSERS] },
      schema: {
        tags: ['withdrawal'],
        summary:
          'Propose to withdraw a granted authorisation (case handler or inspector): grounds, facts, evidence; the employer is heard until hearingDueOn (default 15 days)',
        params: IdParams,
        body: Type.Object(
          {
            // The version the proposer saw; an inspector's system may leave it out.
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            groundCodes: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
              minItems: 1,
              maxItems: 30,
            }),
            facts: Type.String({ minLength: 1, maxLength: 8000 }),
            evidence: Type.Optional(Type.String({ maxLength: 4000 })),
            hearingDueOn: Type.Optional(IsoDate),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as {
        version?: number;
        groundCodes: string[];
        facts: string;
        evidence?: string;
        hearingDueOn?: string;
      };
      const dossier = await findDossier(db(), id);
      if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
      const changed = await proposeRevocation(
        db(),
        id,
        { ...body, version: body.version ?? dossier.version },
        { acting: acting(request), today: today(), lang: request.lang },
      );
      const [proposal] = await listProposals(db(), id);
      return reply.code(201).send({
        dossierId: id,
        version: changed.version,
        status: changed.status,
        proposal: proposal
          ? showProposal(proposal, changed.application, request.lang, 'STAFF', today())
          : null,
      });
    },
  );

  app.post(
    '/api/v1/dossiers/:id/withdrawal-hearing',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['withdrawal'],
        summary: "The employer's answer to a proposed withdrawal, until the hearing's day",
        params: IdParams,
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), answer: Type.String({ minLength: 1, maxLength: 8000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await loadDossierFor(db(), request, id, 'CHANGE');
      const body = request.body as { version: number; answer: string };
      const changed = await answerHearing(db(), id, body, {
        acting: acting(request),
        today: today(),
        lang: request.lang,
      });
      return { dossierId: id, version: changed.version, status: changed.status };
    },
  );

  app.post(
    '/api/v1/dossiers/:id/withdrawal-decision',
    {
      config: { access: ['SUPERVISOR'] },
      schema: {
        tags: ['withdrawal'],
        summary:
          'A supervisor decides a proposed withdrawal after the hearing: REVOKE (letter, worker and federal office told) or DISMISS',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            outcome: Type.Enum(['REVOKE', 'DISMISS']),
            note: Type.String({ minLength: 1, maxLength: 8000 }),
            groundCodes: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 30 }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await loadDossierFor(db(), request, id, 'CHANGE');
      const body = request.body as {
        version: number;
        outcome: 'REVOKE' | 'DISMISS';
        note: string;
        groundCodes?: string[];
      };
      const changed = await decideRevocation(db(), id, body, {
        acting: acting(request),
        today: today(),
        lang: request.lang,
      });
      return { dossierId: id, version: changed.version, status: changed.status };
    },
  );
}
