import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { isLang, LANGUAGES } from '../i18n/languages.ts';
import { ApplicationSchema, AssessmentSchema } from '../rules/index.ts';
import { LoketError } from '../server/errors.ts';
import { AssessmentInputError, assessRequest, rulesErrorToFields } from './assess-request.ts';

const Query = Type.Object(
  {
    lang: Type.Optional(
      Type.Enum([...LANGUAGES], {
        description: 'Language of the messages; default Accept-Language, then nl',
      }),
    ),
    at: Type.Optional(
      Type.String({ format: 'date', description: 'Apply the rules in force on this date (YYYY-MM-DD)' }),
    ),
  },
  { additionalProperties: false },
);

export const BATCH_LIMIT = 10_000;
const BATCH_BODY_LIMIT = 64 * 1_048_576;

const BatchItemError = Type.Object({
  index: Type.Integer(),
  error: Type.Object({ code: Type.String(), fields: Type.Array(Type.Any()) }),
});

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
        querystring: Query,
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

  app.post(
    '/api/v1/assessments/batch',
    {
      config: { access: 'PUBLIC' },
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        tags: ['assessments'],
        summary: `Assess up to ${BATCH_LIMIT} applications; a bad one gets { index, error } in its place`,
        querystring: Query,
        body: Type.Array(Type.Unknown(), { maxItems: BATCH_LIMIT }),
        response: { 200: Type.Array(Type.Union([AssessmentSchema, BatchItemError])) },
      },
    },
    async (request) => {
      const lang = isLang(request.query.lang) ? request.query.lang : request.lang;
      const options = { lang, ...(request.query.at ? { at: request.query.at } : {}) };
      return request.body.map((item, index) => {
        try {
          return assessRequest(item, options);
        } catch (error) {
          const fields =
            error instanceof AssessmentInputError ? error.fields : rulesErrorToFields(error, lang);
          return { index, error: { code: 'LOKET_VALIDATION_FAILED', fields } };
        }
      });
    },
  );
}
