import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handling.ts';

const API_PREFIXES = ['/api/', '/health/', '/metrics', '/auth/'];

/**
 * Serves the built React app (web/dist). Any other GET that is not an API path gets index.html,
 * so deep links like /case-handler work; API paths that do not exist stay JSON 404s.
 */
export async function webApp(app: FastifyInstance, options: { distDir: string }): Promise<void> {
  const index = path.join(options.distDir, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      globIgnore: ['index.html'], // served by the fallback below, uncached
    });
  } else {
    app.log.warn(
      { distDir: options.distDir },
      'web app not built: run `npm run build` (API only until then)',
    );
  }

  app.get('/*', { config: { access: 'PUBLIC' }, schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (!built || API_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
      return sendError(request, reply, 'LOKET_NOT_FOUND');
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
