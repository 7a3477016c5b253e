import type { FastifyInstance, FastifyReply } from 'fastify';
import { Compile } from 'typebox/compile';
import { isValidEnterpriseNumber, isValidInsz } from '../../rules/index.ts';
import { QUARTER } from '../dmfa/dmfa.ts';
import { AdmissibleDossierSchema, RevocationNoticeSchema } from '../federal/immigration-office.ts';
import { MAX_PEOPLE_PER_QUESTION } from '../national-register/national-register.ts';
import type { FederalOffice } from './federal-office.ts';
import type { Population } from './population.ts';
import { registerBatchRoutes } from './simulator-batch-routes.ts';
import type { VacancyFeed } from './vacancy-feed.ts';

/**
 * The registers' endpoints, one prefix per register. JSON in and out; 400 for an identifier that
 * fails its check, 404 for a record the register does not have. `isFailing` says whether the
 * failure injection picked this request: reads fail before anything happens, the federal
 * notification fails after it was recorded (the answer is lost, the dossier is not), which is
 * exactly the case its idempotency key is for.
 */

const checkDossier = Compile(AdmissibleDossierSchema);
const checkRevocation = Compile(RevocationNoticeSchema);

const badRequest = (reply: FastifyReply, message: string) =>
  reply.code(400).send({ error: 'BAD_REQUEST', message });
const notFound = (reply: FastifyReply) => reply.code(404).send({ error: 'NOT_FOUND' });

export function registerSimulatorRoutes(
  app: FastifyInstance,
  deps: {
    population: Population;
    vacancyFeed: VacancyFeed;
    federal: FederalOffice;
    isFailing: (request: object) => boolean;
  },
): void {
  const { population, federal } = deps;

  registerBatchRoutes(app, population);

  app.get<{ Params: { number: string } }>('/kbo/enterprises/:number', async (request, reply) => {
    const { number } = request.params;
    if (!isValidEnterpriseNumber(number)) return badRequest(reply, 'invalid enterprise number');
    return population.findEnterprise(number) ?? notFound(reply);
  });

  // Several people in one question (an employer's staff): those found, in the order asked.
  app.get<{ Querystring: { insz?: string } }>('/rr/persons', async (request, reply) => {
    const asked = (request.query.insz ?? '').split(',').filter((insz) => insz !== '');
    if (asked.length === 0 || asked.length > MAX_PEOPLE_PER_QUESTION)
      return badRequest(reply, `give 1 to ${MAX_PEOPLE_PER_QUESTION} INSZ`);
    if (!asked.every(isValidInsz)) return badRequest(reply, 'invalid INSZ');
    return { persons: asked.map((insz) => population.findPerson(insz)).filter((p) => p !== undefined) };
  });

  app.get<{ Params: { insz: string } }>('/rr/persons/:insz', async (request, reply) => {
    if (!isValidInsz(request.params.insz)) return badRequest(reply, 'invalid INSZ');
    return population.findPerson(request.params.insz) ?? notFound(reply);
  });

  app.get<{ Params: { number: string }; Querystring: { insz?: string } }>(
    '/dimona/employers/:number/employments',
    async (request, reply) => {
      const { number } = request.params;
      const { insz } = request.query;
      if (!isValidEnterpriseNumber(number)) return badRequest(reply, 'invalid enterprise number');
      if (insz !== undefined && !isValidInsz(insz)) return badRequest(reply, 'invalid INSZ');
      const periods = population.listEmployerEmployments(number);
      if (periods.length === 0) return notFound(reply);
      return { enterpriseNumber: number, periods: insz ? periods.filter((p) => p.insz === insz) : periods };
    },
  );

  app.get<{ Params: { insz: string } }>('/dimona/workers/:insz/employments', async (request, reply) => {
    const { insz } = request.params;
    if (!isValidInsz(insz)) return badRequest(reply, 'invalid INSZ');
    const periods = population.listWorkerEmployments(insz);
    return periods.length > 0 ? { insz, periods } : notFound(reply);
  });

  app.get<{ Params: { insz: string; quarter: string } }>(
    '/dmfa/workers/:insz/quarters/:quarter',
    async (request, reply) => {
      const { insz, quarter } = request.params;
      if (!isValidInsz(insz) || !QUARTER.test(quarter)) return badRequest(reply, 'invalid INSZ or quarter');
      return population.findDmfaQuarter(insz, quarter) ?? notFound(reply);
    },
  );

  app.get<{ Params: { reference: string } }>('/vdab/vacancies/:reference', async (request, reply) => {
    return population.findVacancy(request.params.reference) ?? notFound(reply);
  });

  // The published vacancies, a page at a time (1-based; at most 100 a page), sorted by id.
  type Paging = { page?: string; pageSize?: string; shortage?: string };
  const listing = (channel: 'VDAB' | 'EURES') => async (request: { query: Paging }, reply: FastifyReply) => {
    const page = Number(request.query.page ?? '1');
    const pageSize = Number(request.query.pageSize ?? '50');
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
      return badRequest(reply, 'page from 1, pageSize from 1 to 100');
    return deps.vacancyFeed.list(channel, {
      page,
      pageSize,
      shortageOnly: request.query.shortage === 'true',
    });
  };
  app.get<{ Querystring: Paging }>('/vdab/published-vacancies', listing('VDAB'));
  app.get<{ Querystring: Paging & { country?: string; region?: string } }>(
    '/eures/vacancies',
    listing('EURES'),
  );

  app.get<{ Params: { year: string; iscoCode: string } }>(
    '/vdab/shortage-list/:year/:iscoCode',
    async (request, reply) => {
      const { year, iscoCode } = request.params;
      if (!/^\d{4}$/.test(year) || !/^\d{4}$/.test(iscoCode))
        return badRequest(reply, 'invalid year or ISCO code');
      return population.findShortageStatus(Number(year), iscoCode) ?? notFound(reply);
    },
  );

  app.get<{ Params: { reference: string } }>('/naric/recognitions/:reference', async (request, reply) => {
    return population.findRecognition(request.params.reference) ?? notFound(reply);
  });

  app.get<{ Params: { number: string } }>('/sanctions/enterprises/:number', async (request, reply) => {
    if (!isValidEnterpriseNumber(request.params.number))
      return badRequest(reply, 'invalid enterprise number');
    return population.findSanctions('ENTERPRISE', request.params.number) ?? notFound(reply);
  });

  app.get<{ Params: { insz: string } }>('/sanctions/persons/:insz', async (request, reply) => {
    if (!isValidInsz(request.params.insz)) return badRequest(reply, 'invalid INSZ');
    return population.findSanctions('PERSON', request.params.insz) ?? notFound(reply);
  });

  app.post('/federal/dossiers', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0)
      return badRequest(reply, 'Idempotency-Key header required');
    if (!checkDossier.Check(request.body)) return badRequest(reply, 'invalid dossier');
    const outcome = federal.notify(key, request.body);
    if (outcome.kind === 'KEY_REUSED') {
      return reply.code(409).send({ error: 'CONFLICT', message: 'idempotency key used for another dossier' });
    }
    if (deps.isFailing(request)) return reply.code(503).send({ error: 'SIMULATED_FAILURE' });
    return reply.code(outcome.kind === 'NEW' ? 201 : 200).send(outcome.receipt);
  });

  app.post('/federal/revocations', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0)
      return badRequest(reply, 'Idempotency-Key header required');
    if (!checkRevocation.Check(request.body)) return badRequest(reply, 'invalid revocation');
    const outcome = federal.notifyRevocation(key, request.body);
    if (outcome.kind === 'KEY_REUSED') {
      return reply.code(409).send({ error: 'CONFLICT', message: 'idempotency key used for another message' });
    }
    if (deps.isFailing(request)) return reply.code(503).send({ error: 'SIMULATED_FAILURE' });
    return reply.code(outcome.kind === 'NEW' ? 201 : 200).send(outcome.receipt);
  });

  app.get<{ Params: { receiptId: string } }>(
    '/federal/receipts/:receiptId/decision',
    async (request, reply) => {
      return federal.decide(request.params.receiptId) ?? notFound(reply);
    },
  );
}
