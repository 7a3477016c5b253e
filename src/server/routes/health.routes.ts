import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { DatabaseState } from '../database-state.ts';

const Health = Type.Object({
  status: Type.String(),
  checks: Type.Optional(Type.Record(Type.String(), Type.String())),
});

export async function healthRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState },
): Promise<void> {
  app.get(
    '/health/live',
    {
      config: { access: 'PUBLIC' },
      schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Health } },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/health/ready',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['operations'],
        summary: 'Ready for traffic: the database answers and is migrated',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const database = await options.database.check();
      if (database !== 'up') return reply.code(503).send({ status: 'unavailable', checks: { database } });
      return { status: 'ok', checks: { database } };
    },
  );
}
