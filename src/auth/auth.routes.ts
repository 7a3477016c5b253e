import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../server/plugins/access-control.ts';
import { verifyPassword } from './passwords.ts';
import { ROLES } from './roles.ts';
import { closeSession, openSession } from './sessions.repo.ts';
import { findLoginCandidate, recordLogin, type User } from './users.repo.ts';

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum([...ROLES]),
  enterpriseNumber: Type.Union([Type.String(), Type.Null()]),
  preferredLang: Type.Enum([...LANGUAGES]),
});

const SessionSchema = Type.Object({
  user: Type.Union([UserSchema, Type.Null()]),
  csrfToken: Type.String({
    description: 'Send back in the x-csrf-token header on every state-changing request',
  }),
  authMode: Type.Enum(['local', 'oidc']),
});

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export interface AuthOptions {
  database: DatabaseState;
  sessionTtlMs: number;
  cookieSecure: boolean | 'auto';
  authMode: 'local' | 'oidc';
  loginRateLimit: { max: number; perAddressMax: number; timeWindowMs: number };
}

export function setSessionCookie(reply: FastifyReply, token: string, options: AuthOptions): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.cookieSecure,
    maxAge: Math.floor(options.sessionTtlMs / 1000),
  });
}

export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  user: User,
  options: AuthOptions,
  via: 'PASSWORD' | 'OIDC',
) {
  const db = options.database.db;
  const token = await openSession(db, user.id, options.sessionTtlMs);
  await recordLogin(db, user.id, via);
  await recordAuditEvent(db, {
    actorUserId: user.id,
    action: 'LOGIN',
    requestId: String(request.id),
    details: { via },
  });
  setSessionCookie(reply, token, options);
  request.user = user;
}

export async function authRoutes(fastify: FastifyInstance, options: AuthOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/session',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and a CSRF token',
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => ({
      user: request.user,
      csrfToken: reply.generateCsrf(),
      authMode: options.authMode,
    }),
  );

  if (options.authMode === 'local') {
    // A second counter beside the route's per-account one (the plugin runs one limit per route).
    const perAddress = app.createRateLimit({
      max: options.loginRateLimit.perAddressMax,
      timeWindow: options.loginRateLimit.timeWindowMs,
      keyGenerator: (request: FastifyRequest) => `login-address|${request.ip}`,
    });
    app.post(
      '/api/v1/session',
      {
        config: {
          access: 'PUBLIC',
          csrf: true,
          rateLimit: {
            max: options.loginRateLimit.max,
            timeWindow: options.loginRateLimit.timeWindowMs,
            hook: 'preHandler',
            // Per address and per account, so one attacker cannot lock out everyone behind a shared proxy.
            keyGenerator: (request: FastifyRequest) =>
              `${request.ip}|${String((request.body as { username?: string } | undefined)?.username ?? '').toLowerCase()}`,
          },
        },
        // And per address alone, so trying many accounts from one address is slowed down too.
        preHandler: async (request, reply) => {
          const attempt = await perAddress(request);
          if (!attempt.isAllowed && attempt.isExceeded) {
            reply.header('retry-after', String(attempt.ttlInSeconds));
            throw new LoketError('LOKET_RATE_LIMITED', { seconds: attempt.ttlInSeconds });
          }
        },
        schema: {
          tags: ['session'],
          summary: 'Sign in with a local account',
          body: LoginBody,
          response: { 200: SessionSchema },
        },
      },
      async (request, reply) => {
        const db = options.database.db;
        const candidate = await findLoginCandidate(db, request.body.username);
        const valid = await verifyPassword(candidate?.passwordHash ?? null, request.body.password);
        if (!candidate || !valid) {
          await recordAuditEvent(db, {
            actorUserId: candidate?.id ?? null,
            action: 'LOGIN_FAILED',
            requestId: String(request.id),
          });
          throw new LoketError('LOKET_INVALID_CREDENTIALS');
        }
        const { passwordHash: _omit, ...user } = candidate;
        if (request.sessionToken) await closeSession(db, request.sessionToken); // no session fixation
        await startSession(request, reply, user, options, 'PASSWORD');
        // A fresh CSRF secret with the new session: a token seen before sign-in is worth nothing after.
        delete request.cookies[CSRF_COOKIE];
        return { user, csrfToken: reply.generateCsrf(), authMode: options.authMode };
      },
    );
  }

  app.delete(
    '/api/v1/session',
    { config: { access: 'AUTHENTICATED' }, schema: { tags: ['session'], summary: 'Sign out' } },
    async (request, reply) => {
      const db = options.database.db;
      if (request.sessionToken) await closeSession(db, request.sessionToken);
      await recordAuditEvent(db, {
        actorUserId: request.user?.id ?? null,
        action: 'LOGOUT',
        requestId: String(request.id),
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );
}
