import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import { translate } from '../i18n/translate.ts';
import { LoketError } from '../server/errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../server/plugins/access-control.ts';
import { type AuthOptions, startSession } from './auth.routes.ts';
import {
  decodeChecks,
  encodeChecks,
  identityFromClaims,
  OIDC_CHECKS_TTL_MS,
  OidcClient,
  type OidcSettings,
  upsertOidcUser,
} from './oidc.ts';
import { closeSession } from './sessions.repo.ts';
import type { User } from './users.repo.ts';

/** State, nonce and PKCE verifier between the redirect to the IdP and its callback. */
export const OIDC_COOKIE = 'loket_oidc';
const OIDC_COOKIE_PATH = '/auth/oidc';

export interface OidcRouteOptions extends AuthOptions {
  oidc: OidcSettings;
}

const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: true },
);

function invalidState(request: FastifyRequest, rule: 'required' | 'const'): LoketError {
  const message = translate(
    request.lang,
    rule === 'required' ? 'validation.required' : 'validation.fallback',
  );
  return new LoketError('LOKET_VALIDATION_FAILED', {}, [{ path: 'query.state', rule, message }]);
}

function clearChecks(reply: FastifyReply): void {
  reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
}

/** Sign-in through the organisation's OpenID Connect provider (authorization code flow with PKCE). */
export async function oidcRoutes(fastify: FastifyInstance, options: OidcRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const oidc = new OidcClient(options.oidc);

  app.get(
    '/auth/oidc/login',
    {
      config: { access: 'PUBLIC' },
      schema: { tags: ['session'], summary: 'Start signing in at the OpenID Connect provider (302)' },
    },
    async (_request, reply) => {
      const { url, checks } = await oidc.startLogin();
      reply.setCookie(OIDC_COOKIE, encodeChecks(checks), {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax', // sent on the IdP's top-level redirect back to the callback
        secure: options.cookieSecure,
        maxAge: OIDC_CHECKS_TTL_MS / 1000,
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: {
        access: 'PUBLIC',
        rateLimit: { max: options.loginRateLimit.max, timeWindow: options.loginRateLimit.timeWindowMs },
      },
      schema: {
        tags: ['session'],
        summary: 'Return from the OpenID Connect provider: opens a session and redirects to /',
        querystring: CallbackQuery,
      },
    },
    async (request, reply) => {
      const checks = decodeChecks(request.cookies[OIDC_COOKIE]);
      clearChecks(reply); // one attempt per login
      const query = request.query;
      if (query.error) {
        request.log.warn({ oidcError: query.error }, 'OIDC provider refused the sign-in');
        throw new LoketError('LOKET_UNAUTHENTICATED');
      }
      if (!query.state) throw invalidState(request, 'required');
      if (!checks || checks.state !== query.state) throw invalidState(request, 'const');
      if (!query.code) {
        const message = translate(request.lang, 'validation.required');
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
          { path: 'query.code', rule: 'required', message },
        ]);
      }

      let claims: Record<string, unknown>;
      try {
        claims = await oidc.finishLogin(new URL(request.url, 'http://loket.invalid').search, checks);
      } catch (error) {
        if (error instanceof LoketError) throw error;
        // Bad code, verifier, nonce or ID token: the provider's answer cannot be trusted.
        request.log.warn(
          { err: { type: (error as Error).name, message: (error as Error).message } },
          'OIDC code exchange failed',
        );
        throw new LoketError('LOKET_UNAUTHENTICATED');
      }

      const db = options.database.db;
      let user: User;
      try {
        user = await upsertOidcUser(db, identityFromClaims(claims, options.oidc));
      } catch (error) {
        if (error instanceof LoketError && error.code === 'LOKET_FORBIDDEN') {
          await recordAuditEvent(db, {
            actorUserId: null,
            action: 'LOGIN_FAILED',
            requestId: String(request.id),
            details: { via: 'oidc', ...error.params },
          });
        }
        throw error;
      }
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await closeSession(db, previous); // no session fixation
      await startSession(request, reply, user, options, 'OIDC');
      // A fresh CSRF secret with the new session, as at the password sign-in: the browser drops the
      // old one, and the app's next GET /api/v1/session makes a new one.
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      reply.header('cache-control', 'no-store');
      return reply.redirect('/', 302);
    },
  );
}
