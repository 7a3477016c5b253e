import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { User } from '../auth/users.repo.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { IdempotencyHeaders, idempotencyKey, lockIdempotencyKey } from '../server/idempotency.ts';
import { brusselsDate } from '../server/today.ts';
import { rankShownCandidates } from './candidate-ranking.ts';
import { explainRecognition } from './care/care-matching.ts';
import { recognitionFilesOf } from './care/recognition.repo.ts';
import { rankVacancies } from './matching.ts';
import {
  type Candidate,
  DuplicateReferenceError,
  deleteCandidate,
  findCandidate,
  findVacancy,
  findVacancyByIdempotencyKey,
  insertCandidate,
  insertVacancy,
  listPartnerCandidates,
  listVacancies,
  openVacanciesInMinorGroups,
  type Partner,
  partnerOfUser,
  setCandidateConsent,
  type Vacancy,
} from './talent.repo.ts';
import { FieldChecks, vacancySearchText } from './talent-input.ts';
import {
  CEFR_LEVELS,
  CIRCLES,
  type Circle,
  CONSENT_PURPOSES,
  type LanguageSkill,
  POOLS,
  type Pool,
  RECOGNITION,
  type Recognition,
  TALENT_LANGUAGES,
  WORK_ACCESS,
  type WorkAccess,
} from './talent-model.ts';
import {
  candidateView,
  matchContext,
  matchView,
  routeFor,
  shownCandidateView,
  vacancyShortageStatus,
  vacancyView,
} from './talent-views.ts';

const STAFF = ['CASE_HANDLER', 'SUPERVISOR'] as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Strict = { additionalProperties: false } as const;
const IsoDate = Type.String({ format: 'date' });
const PostalCode = Type.String({ pattern: '^[1-9][0-9]{3}$', description: 'Belgian postal code' });
const EscoId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9-]+$' });
const Languages = Type.Array(
  Type.Object({ lang: Type.Enum([...TALENT_LANGUAGES]), level: Type.Enum([...CEFR_LEVELS]) }, Strict),
  { maxItems: 8 },
);
const Vks = Type.Integer({
  minimum: 1,
  maximum: 8,
  description: 'VKS level (Flemish qualification structure)',
});
/** How many matches a ranking shows: enough for a case worker's screen. */
const RANKING_LIMIT = 50;

const NewVacancyBody = Type.Object(
  {
    occupationId: EscoId,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    postalCode: PostalCode,
    requiredVks: Vks,
    languages: Languages,
    startDate: IsoDate,
    positions: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    grossAnnualSalary: Type.Optional(
      Type.Union([Type.Number({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
    ),
    onVdabShortageList: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    enterpriseNumber: Type.Optional(
      Type.String({
        pattern: '^[01][0-9]{9}$',
        description: 'Only when the service records it for an employer',
      }),
    ),
  },
  Strict,
);

const NewCandidateBody = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._/-]+$' }),
    pool: Type.Enum([...POOLS]),
    occupationIds: Type.Array(EscoId, { minItems: 1, maxItems: 5, uniqueItems: true }),
    educationVks: Vks,
    languages: Languages,
    circle: Type.Enum([...CIRCLES]),
    postalCode: Type.Optional(Type.Union([PostalCode, Type.Null()])),
    nationality: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    workAccess: Type.Enum([...WORK_ACCESS]),
    availableFrom: IsoDate,
    recognition: Type.Optional(Type.Enum([...RECOGNITION])),
    naricReference: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()])),
    consent: Type.Object(
      {
        purpose: Type.Enum([...CONSENT_PURPOSES]),
        givenOn: IsoDate,
        showToEmployers: Type.Boolean(),
        retentionUntil: IsoDate,
      },
      Strict,
    ),
  },
  Strict,
);

type NewVacancyInput = {
  occupationId: string;
  title?: string;
  postalCode: string;
  requiredVks: number;
  languages: LanguageSkill[];
  startDate: string;
  positions?: number;
  grossAnnualSalary?: number | null;
  onVdabShortageList?: boolean | null;
  enterpriseNumber?: string;
};

type NewCandidateInput = {
  reference: string;
  pool: Pool;
  occupationIds: string[];
  educationVks: number;
  languages: LanguageSkill[];
  circle: Circle;
  postalCode?: string | null;
  nationality: string;
  workAccess: WorkAccess;
  availableFrom: string;
  recognition?: Recognition;
  naricReference?: string | null;
  consent: {
    purpose: 'SHORTAGE_MATCHING';
    givenOn: string;
    showToEmployers: boolean;
    retentionUntil: string;
  };
};

/**
 * Talent pools (issue 17; docs/talent.md): shortage vacancies, partners' candidate pools with
 * consent, and explainable matching both ways in the concentric order.
 */
export async function talentRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date },
): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const userOf = (request: FastifyRequest) => request.user as User;

  async function partnerOf(request: FastifyRequest): Promise<Partner> {
    const partner = await partnerOfUser(db(), userOf(request).id);
    if (!partner) throw new LoketError('LOKET_FORBIDDEN');
    return partner;
  }

  /** A vacancy the caller may see: an employer only its own enterprise's; others every one. */
  async function reachVacancy(request: FastifyRequest, id: string): Promise<Vacancy> {
    const vacancy = await findVacancy(db(), id);
    const user = userOf(request);
    if (!vacancy) throw new LoketError('LOKET_NOT_FOUND');
    if (user.role === 'EMPLOYER' && vacancy.enterpriseNumber !== user.enterpriseNumber)
      throw new LoketError('LOKET_NOT_FOUND');
    if (user.role === 'PARTNER' && vacancy.status !== 'OPEN') throw new LoketError('LOKET_NOT_FOUND');
    return vacancy;
  }

  /** The partner's own candidate; another partner's is "not found", never "forbidden" (no probing of ids). */
  async function reachCandidate(request: FastifyRequest, id: string): Promise<Candidate> {
    const partner = await partnerOf(request);
    const candidate = await findCandidate(db(), id);
    if (!candidate || candidate.partnerId !== partner.id) throw new LoketError('LOKET_NOT_FOUND');
    return candidate;
  }

  app.get(
    '/api/v1/talent/vacancies',
    {
      config: { access: ['EMPLOYER', ...STAFF, 'PARTNER'] },
      schema: {
        tags: ['talent'],
        summary:
          "Shortage vacancies: an employer's own, or for the service and partners every open one; q searches the occupation in nl/fr/en (trigram)",
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 2, maxLength: 100, pattern: '\\S' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          Strict,
        ),
      },
    },
    async (request) => {
      const { q, limit } = request.query as { q?: string; limit?: number };
      const user = userOf(request);
      const vacancies = await listVacancies(db(), {
        enterpriseNumber: user.role === 'EMPLOYER' ? user.enterpriseNumber : null,
        query: q ? vacancySearchText('', q) : null,
        limit: limit ?? 100,
      });
      return { vacancies: vacancies.map((vacancy) => vacancyView(vacancy, request.lang)) };
    },
  );

  app.post(
    '/api/v1/talent/vacancies',
    {
      config: { access: ['EMPLOYER', ...STAFF] },
      schema: {
        tags: ['talent'],
        summary:
          'Record a shortage vacancy by ESCO occupation (the service may do it for an employer; idempotent with an Idempotency-Key header)',
        headers: IdempotencyHeaders,
        body: NewVacancyBody,
      },
    },
    async (request, reply) => {
      const body = request.body as NewVacancyInput;
      const user = userOf(request);
      const checks = new FieldChecks(request.lang);
      const occupation = checks.occupation('occupationId', body.occupationId);
      checks.postalCode('postalCode', body.postalCode);
      checks.languages('languages', body.languages);
      if (user.role !== 'EMPLOYER' && !body.enterpriseNumber)
        checks.fail('enterpriseNumber', 'required', 'enterpriseNumber');
      checks.throwIfAny();
      const enterpriseNumber =
        user.role === 'EMPLOYER' ? (user.enterpriseNumber as string) : (body.enterpriseNumber as string);
      const key = idempotencyKey(request) ?? null;
      const title =
        body.title?.trim() ||
        (occupation?.labels[request.lang] ?? occupation?.labels.nl ?? body.occupationId);
      const vacancy = await db()
        .transaction()
        .execute(async (trx) => {
          if (key) {
            await lockIdempotencyKey(trx, `talent-vacancy:${user.id}`, key);
            const earlier = await findVacancyByIdempotencyKey(trx, user.id, key);
            if (earlier) return earlier;
          }
          const made = await insertVacancy(trx, {
            enterpriseNumber,
            createdBy: user.id,
            occupationId: body.occupationId,
            iscoCode: occupation?.iscoCode as string,
            title,
            postalCode: body.postalCode,
            requiredVks: body.requiredVks,
            languages: body.languages,
            startDate: body.startDate,
            positions: body.positions ?? 1,
            grossAnnualSalary: body.grossAnnualSalary ?? null,
            onVdabShortageList: body.onVdabShortageList ?? null,
            searchText: vacancySearchText(body.occupationId, title),
            idempotencyKey: key,
          });
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'TALENT_VACANCY_RECORDED',
            subjectType: 'talent_vacancy',
            subjectId: made.id,
            requestId: String(request.id),
            details: { enterpriseNumber, occupationId: made.occupationId },
          });
          return made;
        });
      return reply.code(201).send({ vacancy: vacancyView(vacancy, request.lang) });
    },
  );

  app.get(
    '/api/v1/talent/vacancies/:id',
    {
      config: { access: ['EMPLOYER', ...STAFF, 'PARTNER'] },
      schema: {
        tags: ['talent'],
        summary:
          'One vacancy: on the shortage lists in force? Which permit route would a third-country worker take?',
        params: IdParams,
      },
    },
    async (request) => {
      const vacancy = await reachVacancy(request, (request.params as { id: string }).id);
      return {
        vacancy: vacancyView(vacancy, request.lang),
        shortage: vacancyShortageStatus(vacancy, today(), request.lang),
      };
    },
  );

  app.get(
    '/api/v1/talent/vacancies/:id/matches',
    {
      config: { access: ['EMPLOYER', ...STAFF] },
      schema: {
        tags: ['talent'],
        summary:
          'Candidates for a vacancy, ranked in the concentric order with their reasons; only candidates who consented to be shown',
        params: IdParams,
      },
    },
    async (request) => {
      const vacancy = await reachVacancy(request, (request.params as { id: string }).id);
      const on = today();
      const context = matchContext(on);
      const ranking = await rankShownCandidates(db(), vacancy, context, on, RANKING_LIMIT);
      if (ranking.fellBack)
        request.log.warn({ vacancyId: vacancy.id }, 'talent ranking: SQL score differs from matching.ts');
      const byId = ranking.candidates;
      const files = await recognitionFilesOf(db(), [...byId.keys()]);
      const ranked = ranking.matches.map((match) =>
        explainRecognition(match, files.get(match.candidateId), on),
      );
      // Showing candidates is a read of personal data: audited, with the pseudonymous ids shown.
      await recordAuditEvent(db(), {
        actorUserId: userOf(request).id,
        action: 'TALENT_CANDIDATES_SHOWN',
        subjectType: 'talent_vacancy',
        subjectId: vacancy.id,
        requestId: String(request.id),
        details: { candidateIds: ranked.map((match) => match.candidateId) },
      });
      return {
        vacancy: vacancyView(vacancy, request.lang),
        matches: ranked.map((match) => {
          const candidate = byId.get(match.candidateId) as Candidate;
          const route = match.needsPermit ? routeFor(vacancy, candidate, on, request.lang) : null;
          return {
            ...matchView(match),
            candidate: shownCandidateView(candidate, request.lang),
            permitRoute: route,
            noPermitRoute: match.needsPermit && route === null,
          };
        }),
      };
    },
  );

  app.get(
    '/api/v1/talent/candidates',
    {
      config: { access: ['PARTNER'] },
      schema: { tags: ['talent'], summary: "The partner organisation's own candidates, newest first" },
    },
    async (request) => {
      const partner = await partnerOf(request);
      const candidates = await listPartnerCandidates(db(), partner.id);
      return { partner, candidates: candidates.map((candidate) => candidateView(candidate, request.lang)) };
    },
  );

  app.post(
    '/api/v1/talent/candidates',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary:
          "Record a candidate with minimal data and the consent's purpose, date, visibility and retention (the partner's reference is unique per partner)",
        body: NewCandidateBody,
      },
    },
    async (request, reply) => {
      const body = request.body as NewCandidateInput;
      const partner = await partnerOf(request);
      const user = userOf(request);
      const checks = new FieldChecks(request.lang);
      const occupations = body.occupationIds.map((id, index) =>
        checks.occupation(`occupationIds[${index}]`, id),
      );
      checks.postalCode('postalCode', body.postalCode);
      checks.residence(body.circle, body.postalCode);
      checks.languages('languages', body.languages);
      checks.retention(body.consent.givenOn, body.consent.retentionUntil, today());
      checks.throwIfAny();
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          let made: string;
          try {
            made = await insertCandidate(trx, {
              partnerId: partner.id,
              reference: body.reference,
              pool: body.pool,
              occupationIds: body.occupationIds,
              iscoCodes: [...new Set(occupations.map((occupation) => occupation?.iscoCode as string))],
              educationVks: body.educationVks,
              languages: body.languages,
              circle: body.circle,
              postalCode: body.postalCode ?? null,
              nationality: body.nationality,
              workAccess: body.workAccess,
              availableFrom: body.availableFrom,
              recognition: body.recognition ?? 'NOT_APPLICABLE',
              naricReference: body.naricReference ?? null,
              consentPurpose: body.consent.purpose,
              consentGivenOn: body.consent.givenOn,
              consentShowEmployers: body.consent.showToEmployers,
              retentionUntil: body.consent.retentionUntil,
              createdBy: user.id,
            });
          } catch (error) {
            if (!(error instanceof DuplicateReferenceError)) throw error;
            const taken = new FieldChecks(request.lang);
            taken.fail('reference', 'unique', 'referenceTaken');
            taken.throwIfAny();
            throw error;
          }
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'TALENT_CANDIDATE_RECORDED',
            subjectType: 'talent_candidate',
            subjectId: made,
            requestId: String(request.id),
            details: {
              partnerId: partner.id,
              purpose: body.consent.purpose,
              showToEmployers: body.consent.showToEmployers,
              retentionUntil: body.consent.retentionUntil,
            },
          });
          return made;
        });
      const candidate = (await findCandidate(db(), id)) as Candidate;
      return reply.code(201).send({ candidate: candidateView(candidate, request.lang) });
    },
  );

  app.get(
    '/api/v1/talent/candidates/:id',
    {
      config: { access: ['PARTNER'] },
      schema: { tags: ['talent'], summary: 'One of the partner’s own candidates', params: IdParams },
    },
    async (request) => {
      const candidate = await reachCandidate(request, (request.params as { id: string }).id);
      return { candidate: candidateView(candidate, request.lang) };
    },
  );

  app.put(
    '/api/v1/talent/candidates/:id/consent',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary: "Record the candidate's choice to be shown to employers, or to be shown no longer",
        params: IdParams,
        body: Type.Object({ showToEmployers: Type.Boolean() }, Strict),
      },
    },
    async (request) => {
      const candidate = await reachCandidate(request, (request.params as { id: string }).id);
      const { showToEmployers } = request.body as { showToEmployers: boolean };
      await db()
        .transaction()
        .execute(async (trx) => {
          await setCandidateConsent(trx, candidate.id, { consentShowEmployers: showToEmployers });
          await recordAuditEvent(trx, {
            actorUserId: userOf(request).id,
            action: 'TALENT_CONSENT_CHANGED',
            subjectType: 'talent_candidate',
            subjectId: candidate.id,
            requestId: String(request.id),
            details: { showToEmployers },
          });
        });
      return {
        candidate: candidateView({ ...candidate, consentShowEmployers: showToEmployers }, request.lang),
      };
    },
  );

  app.delete(
    '/api/v1/talent/candidates/:id',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary:
          'Erase a candidate on their request: the record is deleted, the audit trail keeps only that it was',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const candidate = await reachCandidate(request, (request.params as { id: string }).id);
      await db()
        .transaction()
        .execute(async (trx) => {
          await deleteCandidate(trx, candidate.id);
          await recordAuditEvent(trx, {
            actorUserId: userOf(request).id,
            action: 'TALENT_CANDIDATE_ERASED',
            subjectType: 'talent_candidate',
            subjectId: candidate.id,
            requestId: String(request.id),
            details: { partnerId: candidate.partnerId, reason: 'REQUEST' },
          });
        });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/talent/candidates/:id/matches',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary: 'Open shortage vacancies for one of the partner’s candidates, ranked with their reasons',
        params: IdParams,
      },
    },
    async (request) => {
      const candidate = await reachCandidate(request, (request.params as { id: string }).id);
      const on = today();
      const minors = [...new Set(candidate.iscoCodes.map((code) => code.slice(0, 3)))];
      const vacancies = await openVacanciesInMinorGroups(db(), minors);
      const byId = new Map(vacancies.map((vacancy) => [vacancy.id, vacancy]));
      const ranked = rankVacancies(candidate, vacancies, matchContext(on), RANKING_LIMIT);
      return {
        candidate: candidateView(candidate, request.lang),
        matches: ranked.map((match) => {
          const vacancy = byId.get(match.vacancyId) as Vacancy;
          const route = match.needsPermit ? routeFor(vacancy, candidate, on, request.lang) : null;
          return {
            ...matchView(match),
            vacancy: vacancyView(vacancy, request.lang),
            permitRoute: route,
            noPermitRoute: match.needsPermit && route === null,
          };
        }),
      };
    },
  );
}
