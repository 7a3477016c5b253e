import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { User } from '../auth/users.repo.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { brusselsDate } from '../server/today.ts';
import { rankVacancies } from './matching.ts';
import {
  type Candidate,
  DuplicateReferenceError,
  deleteCandidate,
  findCandidate,
  insertCandidate,
  listPartnerCandidates,
  openVacanciesInMinorGroups,
  type Partner,
  partnerOfUser,
  referenceTaken,
  setCandidateConsent,
  type Vacancy,
} from './talent.repo.ts';
import { FieldChecks } from './talent-input.ts';
import {
  IdParams,
  NewCandidateBody,
  type NewCandidateInput,
  RANKING_LIMIT,
  Strict,
} from './talent-route-schemas.ts';
import { candidateView, matchContext, matchView, routeFor, vacancyView } from './talent-views.ts';

/** Partners' candidate pools with consent (issue 17; docs/talent.md), and the vacancies that fit a candidate. */
export async function candidateRoutes(
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

  /** The partner's own candidate; another partner's is "not found", never "forbidden" (no probing of ids). */
  async function reachCandidate(request: FastifyRequest, id: string): Promise<Candidate> {
    const partner = await partnerOf(request);
    const candidate = await findCandidate(db(), id);
    if (!candidate || candidate.partnerId !== partner.id) throw new LoketError('LOKET_NOT_FOUND');
    return candidate;
  }

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
      // The schema's refusals are answered with the checks below, all at once: a partner fixing the
      // form should not meet a second round of errors after fixing the first.
      attachValidation: true,
      schema: {
        tags: ['talent'],
        summary:
          "Record a candidate with minimal data and the consent's purpose, date, visibility and retention (the partner's reference is unique per partner)",
        body: NewCandidateBody,
      },
    },
    async (request, reply) => {
      const partner = await partnerOf(request);
      // A deactivated organisation's accounts record no new candidate (they still read, withdraw
      // consent and erase: the candidates' rights do not end with the organisation's activity).
      if (!partner.active) throw new LoketError('LOKET_PARTNER_INACTIVE');
      const user = userOf(request);
      const checks = new FieldChecks(request.lang);
      const refused = checks.addSchemaErrors(request);
      if (refused('body')) checks.throwIfAny();
      const body = request.body as NewCandidateInput;
      const occupations = refused('occupationIds')
        ? []
        : body.occupationIds.map((id, index) => checks.occupation(`occupationIds[${index}]`, id));
      if (!refused('reference') && (await referenceTaken(db(), partner.id, body.reference)))
        checks.fail('reference', 'unique', 'referenceTaken');
      if (!refused('pool') && !partner.pools.includes(body.pool))
        checks.fail('pool', 'partnerPurpose', 'partnerPool');
      if (!refused('postalCode')) checks.postalCode('postalCode', body.postalCode);
      if (!refused('circle') && !refused('postalCode')) checks.residence(body.circle, body.postalCode);
      if (!refused('nationality')) checks.country('nationality', body.nationality);
      if (!refused('languages')) checks.languages('languages', body.languages);
      const consentDates = typeof body.consent === 'object' && body.consent !== null;
      if (consentDates && !refused('consent.givenOn') && !refused('consent.retentionUntil'))
        checks.retention(body.consent.givenOn, body.consent.retentionUntil, today(), partner.retentionMonths);
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
