import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvents } from '../audit/audit.repo.ts';
import type { User } from '../auth/users.repo.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { CATEGORIES, type Category, nationalitiesWithoutAuthorisation } from '../rules/index.ts';
import type { CaseHandlingConfig } from '../server/config.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { IdempotencyHeaders, idempotencyKey } from '../server/idempotency.ts';
import { brusselsDate } from '../server/today.ts';
import type { SourceAdapters } from '../sources/index.ts';
import type { DocumentStorage } from './documents/document-storage.ts';
import { isStaffRequest, loadDossierFor, reachDossier, staffReadEvent } from './dossier-guard.ts';
import { buildDossierOverview } from './dossier-view.ts';
import { enterprisesOf, findDossier, listDocumentTypes } from './dossiers.repo.ts';
import { listEmployerDossiers } from './employer-dossiers.ts';
import { ActionRequestSchema, performAction, validateActionRequest } from './handling/perform-action.ts';
import { applicationSteps, withNationalityNotice } from './intake/application-steps.ts';
import { deleteDraft } from './intake/delete-draft.ts';
import { createDraft, findSubmissionErrors, saveDraftStep, submitDossier } from './intake/intake.ts';
import { enterpriseNumberErrors } from './intake/intake-checks.ts';
import { DOSSIER_STATUSES, type DossierStatus } from './lifecycle/dossier-lifecycle.ts';
import { prefetchRegisterFacts, runClaimedRegisterCheck } from './register-check/run-register-checks.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const EMPLOYER_AND_STAFF = ['EMPLOYER', 'CASE_HANDLER', 'SUPERVISOR'] as const;

export interface DossierRouteOptions {
  database: DatabaseState;
  caseHandling: CaseHandlingConfig;
  now: () => Date;
  /** The registers, when configured: asked while a submission commits (see prefetchRegisterFacts). */
  sources?: SourceAdapters | null;
  /** How long a submission's claim on its register check keeps other instances off it (LOKET_CLAIM_LEASE_SECONDS). */
  claimLeaseSeconds?: number;
  /** Where document bytes live: a deleted draft's documents are erased there. */
  storage?: DocumentStorage;
}

/** The employer's intake and the lifecycle actions shared by employer and staff. */
export async function dossierRoutes(app: FastifyInstance, options: DossierRouteOptions): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const overview = async (request: FastifyRequest, id: string) => {
    const dossier = await findDossier(db(), id);
    if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
    return buildDossierOverview(db(), dossier, {
      role: (request.user as User).role,
      lang: request.lang,
      today: today(),
      refusalNeedsCoSign: options.caseHandling.refusalNeedsCoSign,
    });
  };

  app.get(
    '/api/v1/application-steps/:category',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['dossiers'],
        summary: 'The questions of the multi-step application of a category',
        params: Type.Object({ category: Type.Enum(CATEGORIES) }),
      },
    },
    async (request) => ({
      steps: withNationalityNotice(
        applicationSteps((request.params as { category: Category }).category),
        nationalitiesWithoutAuthorisation(today()),
      ),
    }),
  );

  app.get(
    '/api/v1/employer/enterprises',
    {
      config: { access: ['EMPLOYER'] },
      schema: { tags: ['dossiers'], summary: 'Enterprises this account files for' },
    },
    async (request) => {
      const user = request.user as User;
      const numbers = await enterprisesOf(db(), user);
      const names = await db()
        .selectFrom('employer_mandates')
        .select(['enterprise_number', 'enterprise_name'])
        .where('user_id', '=', user.id)
        .execute();
      return {
        enterprises: numbers.map((number) => ({
          enterpriseNumber: number,
          name: names.find((n) => n.enterprise_number === number)?.enterprise_name ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/v1/dossiers',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['dossiers'],
        summary:
          "The dossiers of the employer's enterprises: those that need the employer's action first, then newest first",
        querystring: Type.Object(
          {
            q: Type.Optional(
              Type.String({
                maxLength: 100,
                description: 'Dossier number, worker name, job title or migration-list function',
              }),
            ),
            status: Type.Optional(Type.Enum(DOSSIER_STATUSES)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { q, status } = request.query as { q?: string; status?: DossierStatus };
      const numbers = await enterprisesOf(db(), request.user as User);
      const dossiers = await listEmployerDossiers(db(), numbers, {
        ...(q ? { search: q } : {}),
        ...(status ? { status } : {}),
        lang: request.lang,
        today: today(),
      });
      return { dossiers };
    },
  );

  app.delete(
    '/api/v1/dossiers/:id',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['dossiers'],
        summary: 'Delete a draft (only a draft; a submitted dossier can be withdrawn instead)',
        params: IdParams,
        querystring: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { version } = request.query as { version?: number };
      await loadDossierFor(db(), request, id, 'CHANGE');
      const user = request.user as User;
      await deleteDraft(db(), options.storage, {
        dossierId: id,
        acting: { role: 'EMPLOYER', userId: user.id, requestId: String(request.id) },
        ...(version === undefined ? {} : { expectedVersion: version }),
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/dossiers',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['dossiers'],
        summary: 'Start a draft application (idempotent with an Idempotency-Key header)',
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            category: Type.Enum(CATEGORIES),
            enterpriseNumber: Type.String({ minLength: 10, maxLength: 14 }),
            lang: Type.Optional(Type.Enum(LANGUAGES)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as {
        category: Category;
        enterpriseNumber: string;
        lang?: (typeof LANGUAGES)[number];
      };
      // A mistyped number is the caller's typing error, said in their language; not "no access".
      const invalid = enterpriseNumberErrors(body.enterpriseNumber, request.lang, 'body.enterpriseNumber');
      if (invalid.length > 0) throw new LoketError('LOKET_VALIDATION_FAILED', {}, invalid);
      const key = idempotencyKey(request);
      const dossier = await createDraft(
        db(),
        request.user as User,
        { ...body, lang: body.lang ?? request.lang, ...(key ? { idempotencyKey: key } : {}) },
        today(),
      );
      return reply.code(201).send(await overview(request, dossier.id));
    },
  );

  app.get(
    '/api/v1/dossiers/:id',
    {
      config: { access: [...EMPLOYER_AND_STAFF] },
      schema: {
        tags: ['dossiers'],
        summary: 'One dossier: application, documents, assessment, history, clock',
        params: IdParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const dossier = await reachDossier(db(), request, id);
      const view = await buildDossierOverview(db(), dossier, {
        role: (request.user as User).role,
        lang: request.lang,
        today: today(),
        refusalNeedsCoSign: options.caseHandling.refusalNeedsCoSign,
      });
      if (isStaffRequest(request)) {
        // The staff read, and the register data it showed per source (as the social-security
        // network requires), in one insert before the answer leaves: no view without its events.
        const sources = [...new Set((view.registerCheck?.facts ?? []).map((fact) => fact.source))];
        await recordAuditEvents(db(), [
          staffReadEvent(request, id, 'overview'),
          ...(sources.length > 0
            ? [
                {
                  actorUserId: (request.user as User).id,
                  action: 'REGISTER_DATA_READ',
                  subjectType: 'dossier',
                  subjectId: id,
                  requestId: String(request.id),
                  details: { sources },
                },
              ]
            : []),
        ]);
      }
      return view;
    },
  );

  app.put(
    '/api/v1/dossiers/:id/steps/:step',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['dossiers'],
        summary:
          'Save one step of a draft: its valid answers are saved; `answerErrors` names those that were not, and required answers still missing',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), step: Type.String({ maxLength: 20 }) }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            answers: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id, step } = request.params as { id: string; step: string };
      const body = request.body as { version: number; answers: Record<string, unknown> };
      await loadDossierFor(db(), request, id, 'CHANGE');
      const { errors } = await saveDraftStep(
        db(),
        request.user as User,
        {
          dossierId: id,
          step,
          answers: body.answers,
          version: body.version,
          lang: request.lang,
          requestId: String(request.id),
        },
        today(),
      );
      return { ...(await overview(request, id)), answerErrors: errors };
    },
  );

  app.post(
    '/api/v1/dossiers/:id/submit',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['dossiers'],
        summary: 'Submit a draft: numbered, assessed, fee set, admissibility checked (idempotent)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { version } = (request.body ?? {}) as { version?: number };
      const draft = await loadDossierFor(db(), request, id, 'CHANGE');
      // A valid draft's registers are asked while it commits; the check after the commit uses them.
      const isValidDraft = async () =>
        draft.status === 'DRAFT' &&
        findSubmissionErrors(draft, request.lang, {
          today: today(),
          documentTypes: await listDocumentTypes(db(), id),
        }).length === 0;
      const prefetched =
        options.sources && (await isValidDraft()) ? prefetchRegisterFacts(options.sources, draft) : undefined;
      const user = request.user as User;
      const key = idempotencyKey(request);
      const { dossier, replayed } = await submitDossier(
        db(),
        { role: 'EMPLOYER', userId: user.id, requestId: String(request.id) },
        {
          dossierId: id,
          lang: request.lang,
          ...(version ? { version } : {}),
          ...(key ? { idempotencyKey: key } : {}),
          claimRegisterCheck: options.sources !== null && options.sources !== undefined,
          ...(options.claimLeaseSeconds ? { claimLeaseSeconds: options.claimLeaseSeconds } : {}),
        },
        today(),
      );
      // The check runs on after the answer; the overview shows it pending until it completes.
      if (options.sources && !replayed)
        void runClaimedRegisterCheck(db(), options.sources, dossier, request.log, prefetched);
      return overview(request, id);
    },
  );

  app.post(
    '/api/v1/dossiers/:id/actions',
    {
      config: { access: [...EMPLOYER_AND_STAFF] },
      schema: {
        tags: ['dossiers'],
        summary: 'A lifecycle action (review, request information, answer, grant, refuse, withdraw, appeal)',
        params: IdParams,
        body: ActionRequestSchema,
      },
      // The body is checked against its own action's schema only (see validateActionRequest).
      validatorCompiler: ({ httpPart, schema }) =>
        httpPart === 'body'
          ? (input: unknown) => {
              const result = validateActionRequest(input);
              return result.ok ? { value: result.value } : { error: result.errors as never };
            }
          : TypeBoxValidatorCompiler({ schema, httpPart, method: 'POST', url: '' }),
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await loadDossierFor(db(), request, id, 'CHANGE');
      const user = request.user as User;
      await performAction(db(), id, request.body as never, {
        acting: { role: user.role, userId: user.id, requestId: String(request.id) },
        today: today(),
        lang: request.lang,
        refusalNeedsCoSign: options.caseHandling.refusalNeedsCoSign,
      });
      return overview(request, id);
    },
  );

  app.post(
    '/api/v1/dossiers/:id/renewal',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['dossiers'],
        summary: 'Start a renewal, prefilled from this dossier',
        params: IdParams,
        headers: IdempotencyHeaders,
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const previous = await loadDossierFor(db(), request, id, 'CHANGE');
      if (previous.status !== 'DECIDED_GRANTED') {
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: previous.status, action: 'RENEW' });
      }
      const key = idempotencyKey(request);
      const draft = await createDraft(
        db(),
        request.user as User,
        {
          category: previous.category as Category,
          enterpriseNumber: previous.enterprise_number,
          lang: previous.lang,
          renewalOf: previous,
          ...(key ? { idempotencyKey: key } : {}),
        },
        today(),
      );
      return reply.code(201).send(await overview(request, draft.id));
    },
  );
}
