import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** OpenAPI 3.1 generated from the route schemas; Swagger UI at /api/docs, the document at /api/openapi.json. */
export const openApi = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Loket API',
        version: '1',
        description:
          'Single window and case handling for labour migration. Errors answer `{ error: { code, message, requestId, fields? } }` in the language of Accept-Language (nl, fr, en; Dutch by default).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'loket_session' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'PUBLIC' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
});
