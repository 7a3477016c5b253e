import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Access, decideAccess } from '../../auth/roles.ts';
import { findSessionUser } from '../../auth/sessions.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { Db } from '../../db/client.ts';
import { LoketError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required on every route (see `decideAccess`). */
    access?: Access;
    /** Require a CSRF token even without a session (the login form). */
    csrf?: boolean;
  }
  interface FastifyInstance {
    /** Every route with the access it declared, for the access-matrix test and the docs. */
    routeAccess: RouteAccess[];
  }
  interface FastifyRequest {
    user: User | null;
    sessionToken: string | null;
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

export const SESSION_COOKIE = 'loket_session';
/** The cookie holding the CSRF secret (@fastify/csrf-protection's default name, made explicit). */
export const CSRF_COOKIE = '_csrf';

// Routes that third-party plugins add (API docs UI, the web app's static files) are public by nature.
const PUBLIC_PREFIXES = ['/api/docs', '/assets/', '/favicon', '/locales/'];

interface Options {
  getDb: () => Db;
  sessionTtlMs: number;
  /** Reuse a session looked up less than this long ago (src/auth/session-cache.ts). */
  sessionCacheMs?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authorisation on the server for every route: each route declares its access, the server refuses
 * to start with a route that does not, and every request is checked before its body is read.
 */
export const accessControl = fp(async (app: FastifyInstance, options: Options) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  const routeAccess: RouteAccess[] = [];
  app.decorate('routeAccess', routeAccess);
  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined) {
      if (!PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access).`);
      }
      route.config = { ...(route.config ?? {}), access: 'PUBLIC' };
    }
    const access = route.config.access as Access;
    for (const method of [route.method].flat()) routeAccess.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    // Only the API needs to know who is calling; static files and health checks never touch the database.
    if (token && request.url.startsWith('/api/')) {
      request.sessionToken = token;
      request.user = await findSessionUser(options.getDb(), token, options.sessionTtlMs, new Date(), {
        cacheMs: options.sessionCacheMs ?? 0,
      });
    }
    const config = request.routeOptions.config;
    // Unknown routes reach the not-found handler with no access declared: let it answer 404.
    if (config.access === undefined) return;
    const decision = decideAccess(config.access, request.user?.role ?? null);
    if (decision === 'UNAUTHENTICATED') throw new LoketError('LOKET_UNAUTHENTICATED');
    if (decision === 'FORBIDDEN') throw new LoketError('LOKET_FORBIDDEN');
    if (!SAFE_METHODS.has(request.method) && (request.user || config.csrf)) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()));
      });
    }
  });
});
