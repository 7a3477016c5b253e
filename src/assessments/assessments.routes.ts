import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ApplicationSchema, AssessmentSchema } from '../rules/index.ts';
import { LoketError } from '../server/errors.ts';
import { AssessmentInputError, assessRequest } from './assess-request.ts';
import { assessmentBatchRoutes } from './assessment-batch.routes.ts';
import { createAssessmentPool } from './assessment-pool.ts';
import { AssessmentQuery } from './assessment-query.ts';

/** The assessment contract over HTTP (shared/domain/assessment.md "Entry points"). Public: no personal data is stored. */
export async function assessmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/schemas/application.json',
    {
      config: { access: 'PUBLIC' },
      schema: { tags: ['assessments'], summary: 'JSON Schema of an application' },
    },
    async (_request, reply) => {
      reply.type('application/schema+json; charset=utf-8');
      return {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: '/api/v1/schemas/application.json',
        ...ApplicationSchema,
      };
    },
  );

  app.post(
    '/api/v1/assessments',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['assessments'],
        summary: 'Assess one application under the rules of its filing date (or `at`)',
        querystring: AssessmentQuery,
        body: ApplicationSchema,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => {
      const lang = request.query.lang ?? request.lang;
      try {
        return assessRequest(request.body, { lang, ...(request.query.at ? { at: request.query.at } : {}) });
      } catch (error) {
        if (error instanceof AssessmentInputError)
          throw new LoketError('LOKET_VALIDATION_FAILED', {}, error.fields);
        throw error;
      }
    },
  );

  const pool = createAssessmentPool();
  app.addHook('onClose', () => pool.close());
  await app.register(assessmentBatchRoutes, { pool });
}
