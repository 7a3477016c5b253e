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
import {
  type Candidate,
  findVacancy,
  findVacancyByIdempotencyKey,
  insertVacancy,
  listVacancies,
  type Vacancy,
} from './talent.repo.ts';
import { FieldChecks, vacancySearchText } from './talent-input.ts';
import {
  IdParams,
  NewVacancyBody,
  type NewVacancyInput,
  RANKING_LIMIT,
  STAFF,
  Strict,
} from './talent-route-schemas.ts';
import {
  matchContext,
  matchView,
  routeFor,
  shownCandidateView,
  vacancyShortageStatus,
  vacancyView,
} from './talent-views.ts';

/** Shortage vacancies (issue 17; docs/talent.md): recorded by employers or the service, and their ranked candidates. */
export async function vacancyRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date },
): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const userOf = (request: FastifyRequest) => request.user as User;

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
}
