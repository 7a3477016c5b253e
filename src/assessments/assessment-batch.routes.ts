import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { governedRuleDataRows } from '../governance/rule-data/governed-rule-data.ts';
import { isLang } from '../i18n/languages.ts';
import { translate } from '../i18n/translate.ts';
import { AssessmentSchema } from '../rules/index.ts';
import { LoketError } from '../server/errors.ts';
import type { AssessmentPool } from './assessment-pool.ts';
import { AssessmentQuery } from './assessment-query.ts';

export const BATCH_LIMIT = 10_000;
/** 10,000 applications of ~1 kB fit with room to spare; more is not a batch but an attack. */
export const BATCH_BODY_LIMIT = 16 * 1_048_576;
/** Batches one address may run at once, and per minute. */
export const BATCH_PER_ADDRESS = { concurrent: 1, perMinute: 30 } as const;

const BatchItemError = Type.Object({
  index: Type.Integer(),
  error: Type.Object({ code: Type.String(), fields: Type.Array(Type.Any()) }),
});

/**
 * `POST /api/v1/assessments/batch`, public like the single assessment (the contract's entry point
 * for partners; nothing is stored), but bounded: a body of at most 16 MiB, one batch at a time and
 * 30 a minute per address, and a fixed number in the worker pool, the rest refused with 503. The
 * body is handed to a worker thread as text: parsing, the rules and the answer's JSON all happen
 * off the event loop.
 */
export async function assessmentBatchRoutes(
  app: FastifyInstance,
  options: { pool: AssessmentPool },
): Promise<void> {
  // In this route's scope only: keep the JSON body as text for the worker to parse.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
  const running = new Map<string, number>();

  app.post(
    '/api/v1/assessments/batch',
    {
      config: {
        access: 'PUBLIC',
        rateLimit: { max: BATCH_PER_ADDRESS.perMinute, timeWindow: 60_000 },
      },
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        tags: ['assessments'],
        summary: `Assess up to ${BATCH_LIMIT} applications; a bad one gets { index, error } in its place`,
        description:
          'Body: a JSON array of applications (at most 16 MiB). One batch at a time and 30 a minute per address; 503 with Retry-After when the service is busy.',
        querystring: AssessmentQuery,
        response: { 200: Type.Array(Type.Union([AssessmentSchema, BatchItemError])) },
      },
    },
    async (request, reply) => {
      const query = request.query as { lang?: string; at?: string };
      const lang = isLang(query.lang) ? query.lang : request.lang;
      const address = request.ip;
      if ((running.get(address) ?? 0) >= BATCH_PER_ADDRESS.concurrent) {
        reply.header('retry-after', '5');
        throw new LoketError('LOKET_RATE_LIMITED', { seconds: 5 });
      }
      const governed = governedRuleDataRows();
      const task = options.pool.run({
        body: request.body as string,
        lang,
        ...(query.at ? { at: query.at } : {}),
        maxItems: BATCH_LIMIT,
        ...(governed ? { ruleData: governed } : {}),
      });
      if (!task) {
        reply.header('retry-after', '10');
        throw new LoketError('LOKET_BUSY');
      }
      running.set(address, (running.get(address) ?? 0) + 1);
      try {
        const result = await task;
        if (!result.ok) throw bodyError(request, result.rule, result.detail);
        // Already JSON: sent as it is, not serialised again on the event loop.
        return reply
          .type('application/json; charset=utf-8')
          .serializer((payload) => payload as string)
          .send(result.json);
      } finally {
        const left = (running.get(address) ?? 1) - 1;
        if (left > 0) running.set(address, left);
        else running.delete(address);
      }
    },
  );
}

function bodyError(request: FastifyRequest, rule: 'json' | 'type' | 'maxItems', detail?: string): LoketError {
  const lang = request.lang;
  const message =
    rule === 'json'
      ? translate(lang, 'validation.json', { detail: detail ?? '' })
      : rule === 'type'
        ? translate(lang, 'validation.batchArray')
        : translate(lang, 'validation.maxItems', { limit: BATCH_LIMIT });
  return new LoketError('LOKET_VALIDATION_FAILED', {}, [{ path: 'body', rule, message }]);
}
