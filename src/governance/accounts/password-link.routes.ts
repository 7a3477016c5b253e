import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import { sessionCache } from '../../auth/sessions.repo.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { LoketError } from '../../server/errors.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { fieldError, passwordErrors } from './account-rules.ts';
import { findLiveLink, setPasswordWithLink } from './accounts.repo.ts';

const TokenBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);
const UseLinkBody = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

function invalid(errors: FieldError[]): LoketError {
  return new LoketError('LOKET_VALIDATION_FAILED', { count: errors.length }, errors);
}

/** The one-time password link's public routes (issue 15): is it live, and set the password with it. */
export async function passwordLinkRoutes(
  fastify: FastifyInstance,
  options: { database: DatabaseState; now: () => Date },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => options.database.db;
  const linkRateLimit = { max: 20, timeWindow: 60_000 };

  app.post(
    '/api/v1/password-links/check',
    {
      config: { access: 'PUBLIC', csrf: true, rateLimit: linkRateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Whether a password link still works, and for which username',
        body: TokenBody,
        response: {
          200: Type.Object({ username: Type.String(), purpose: Type.Enum(['SET', 'RESET']) }),
        },
      },
    },
    async (request) => {
      const link = await findLiveLink(db(), request.body.token, options.now());
      if (!link) throw invalid([fieldError(request.lang, 'body.token', 'linkInvalid')]);
      return { username: link.username, purpose: link.purpose };
    },
  );

  app.post(
    '/api/v1/password-links/use',
    {
      config: { access: 'PUBLIC', csrf: true, rateLimit: linkRateLimit },
      schema: {
        tags: ['accounts'],
        summary: "Set the account's password with a one-time link; its other sessions end",
        body: UseLinkBody,
      },
    },
    async (request, reply) => {
      const now = options.now();
      const userId = await db()
        .transaction()
        .execute(async (trx) => {
          const link = await findLiveLink(trx, request.body.token, now, true);
          if (!link) throw invalid([fieldError(request.lang, 'body.token', 'linkInvalid')]);
          const errors = passwordErrors(request.body.password, link.username, request.lang);
          if (errors.length > 0) throw invalid(errors);
          await setPasswordWithLink(
            trx,
            { tokenHash: link.token_hash, userId: link.user_id },
            request.body.password,
            now,
          );
          await recordAuditEvent(trx, {
            actorUserId: link.user_id,
            action: 'PASSWORD_SET',
            subjectType: 'user',
            subjectId: link.user_id,
            requestId: String(request.id),
            details: { purpose: link.purpose },
          });
          return link.user_id;
        });
      await sessionCache.forgetUser(userId);
      return reply.code(204).send();
    },
  );
}
