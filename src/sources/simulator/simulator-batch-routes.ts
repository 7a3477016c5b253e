import type { FastifyInstance, FastifyReply } from 'fastify';
import { isValidEnterpriseNumber, isValidInsz } from '../../rules/index.ts';
import { QUARTER } from '../dmfa/dmfa.ts';
import { MAX_PEOPLE_PER_QUESTION } from '../national-register/national-register.ts';
import type { Population } from './population.ts';

/**
 * Questions about a list (the monitoring after the grant re-reads a hundred workers per call): the
 * RSZ and the Crossroads Bank answer such lists in their batch services. Same limit as the national
 * register's list question; the records found, the others simply absent.
 */

const badRequest = (reply: FastifyReply, message: string) =>
  reply.code(400).send({ error: 'BAD_REQUEST', message });

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').filter((item) => item !== '');
}

function tooMany(items: readonly unknown[]): boolean {
  return items.length === 0 || items.length > MAX_PEOPLE_PER_QUESTION;
}

export function registerBatchRoutes(app: FastifyInstance, population: Population): void {
  app.get<{ Querystring: { number?: string } }>('/kbo/enterprises', async (request, reply) => {
    const numbers = list(request.query.number);
    if (tooMany(numbers)) return badRequest(reply, `give 1 to ${MAX_PEOPLE_PER_QUESTION} enterprise numbers`);
    if (!numbers.every(isValidEnterpriseNumber)) return badRequest(reply, 'invalid enterprise number');
    return { enterprises: numbers.map((n) => population.findEnterprise(n)).filter((e) => e !== undefined) };
  });

  app.get<{ Querystring: { insz?: string } }>('/dimona/workers', async (request, reply) => {
    const asked = list(request.query.insz);
    if (tooMany(asked)) return badRequest(reply, `give 1 to ${MAX_PEOPLE_PER_QUESTION} INSZ`);
    if (!asked.every(isValidInsz)) return badRequest(reply, 'invalid INSZ');
    return {
      workers: asked
        .map((insz) => ({ insz, periods: population.listWorkerEmployments(insz) }))
        .filter((w) => w.periods.length > 0),
    };
  });

  // An employer's workforce on a day: the RSZ answers it from Dimona (the periods running that day).
  app.get<{ Querystring: { number?: string; activeOn?: string } }>(
    '/dimona/employers',
    async (request, reply) => {
      const numbers = list(request.query.number);
      const day = request.query.activeOn ?? '';
      if (tooMany(numbers))
        return badRequest(reply, `give 1 to ${MAX_PEOPLE_PER_QUESTION} enterprise numbers`);
      if (!numbers.every(isValidEnterpriseNumber)) return badRequest(reply, 'invalid enterprise number');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
        return badRequest(reply, 'give activeOn as a day like 2026-12-01');
      return {
        employers: numbers
          .map((enterpriseNumber) => ({
            enterpriseNumber,
            periods: population
              .listEmployerEmployments(enterpriseNumber)
              .filter((p) => p.startDate <= day && (p.endDate === null || p.endDate >= day)),
          }))
          .filter((e) => e.periods.length > 0),
      };
    },
  );

  app.get<{ Querystring: { insz?: string; quarters?: string } }>('/dmfa/quarters', async (request, reply) => {
    const asked = list(request.query.insz);
    const quarters = list(request.query.quarters);
    if (tooMany(asked)) return badRequest(reply, `give 1 to ${MAX_PEOPLE_PER_QUESTION} INSZ`);
    if (!asked.every(isValidInsz)) return badRequest(reply, 'invalid INSZ');
    if (quarters.length === 0 || quarters.length > 8 || !quarters.every((q) => QUARTER.test(q)))
      return badRequest(reply, 'give 1 to 8 quarters like 2026-Q3');
    return {
      quarters: asked.flatMap((insz) =>
        quarters.map((q) => population.findDmfaQuarter(insz, q)).filter((q) => q !== undefined),
      ),
    };
  });

  app.get<{ Querystring: { enterprise?: string; person?: string } }>(
    '/sanctions/subjects',
    async (request, reply) => {
      const enterprises = list(request.query.enterprise);
      const persons = list(request.query.person);
      if (tooMany([...enterprises, ...persons]))
        return badRequest(reply, `give 1 to ${MAX_PEOPLE_PER_QUESTION} subjects`);
      if (!enterprises.every(isValidEnterpriseNumber) || !persons.every(isValidInsz))
        return badRequest(reply, 'invalid enterprise number or INSZ');
      const records = [
        ...enterprises.map((id) => population.findSanctions('ENTERPRISE', id)),
        ...persons.map((id) => population.findSanctions('PERSON', id)),
      ];
      return { records: records.filter((r) => r !== undefined) };
    },
  );
}
