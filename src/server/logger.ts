import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * pino JSON logs without personal data: request lines carry method, route pattern and path but
 * never the query string, headers, cookies or bodies, where INSZ numbers, names and birth dates
 * travel. `src/server/logging.db.test.ts` sends such data and asserts none reaches the log.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'loket' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        route: request.routeOptions?.url,
        path: String(request.url).split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    redact: {
      paths: ['req.headers', 'req.body', 'body', 'password', '*.password', 'insz', '*.insz'],
      remove: true,
    },
  };
}
