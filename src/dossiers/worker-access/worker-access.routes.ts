import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { loadDossierFor } from '../dossier-guard.ts';
import type { DossierRouteOptions } from '../dossiers.routes.ts';
import { hashWorkerSecret as hash, WORKER_COOKIE, workerDossier, workerView } from './worker-view.ts';

/**
 * The worker follows their own dossier without an account: the employer hands over a code, which
 * the worker exchanges, on each device and as often as needed until the code expires, for a
 * read-only token (a cookie) scoped to that dossier. Guessing is held off by the rate limit.
 * Only hashes are stored; the worker sees the status and dates, never documents or the assessment.
 */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I to misread
const CODE_DAYS = 14;
const TOKEN_DAYS = 30;

function newCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export async function workerAccessRoutes(
  app: FastifyInstance,
  options: DossierRouteOptions & { cookieSecure?: boolean | 'auto' },
): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const cookie = (value: string, maxAge: number) =>
    ({
      path: '/api/v1/worker-access',
      httpOnly: true,
      sameSite: 'lax',
      // Secure like the session and CSRF cookies (LOKET_COOKIE_SECURE): behind a proxy that ends
      // TLS, 'auto' would see plain HTTP and send the worker's token without it.
      secure: options.cookieSecure ?? 'auto',
      maxAge,
      value,
    }) as const;

  app.post(
    '/api/v1/dossiers/:id/worker-access',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['worker access'],
        summary:
          "Create a code (valid 14 days, on any device) with which the worker can follow this dossier's status",
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const dossier = await loadDossierFor(db(), request, id, 'CHANGE');
      if (dossier.status === 'DRAFT') {
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: dossier.status, action: 'WORKER_ACCESS' });
      }
      const code = newCode();
      const expiresAt = new Date(options.now().getTime() + CODE_DAYS * 86_400_000);
      await db()
        .insertInto('worker_access')
        .values({
          dossier_id: id,
          code_hash: hash(code),
          code_expires_at: expiresAt,
          created_by: (request.user as User).id,
        })
        .execute();
      await recordAuditEvent(db(), {
        actorUserId: (request.user as User).id,
        action: 'WORKER_ACCESS_GRANTED',
        subjectType: 'dossier',
        subjectId: id,
      });
      return reply.code(201).send({ code, expiresAt: expiresAt.toISOString() });
    },
  );

  app.delete(
    '/api/v1/dossiers/:id/worker-access',
    {
      config: { access: ['EMPLOYER'] },
      schema: {
        tags: ['worker access'],
        summary:
          "Revoke every code of this dossier and the worker's access given with them (a code handed to the wrong person)",
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await loadDossierFor(db(), request, id, 'CHANGE');
      const now = options.now();
      // Codes and the devices' tokens expire now, in one transaction with its audit event.
      const revoked = await db()
        .transaction()
        .execute(async (trx) => {
          const codes = await trx
            .updateTable('worker_access')
            .set({ code_expires_at: now })
            .where('dossier_id', '=', id)
            .where('code_expires_at', '>', now)
            .returning('id')
            .execute();
          const tokens = await trx
            .updateTable('worker_access_tokens')
            .set({ expires_at: now })
            .where(
              'access_id',
              'in',
              trx.selectFrom('worker_access').select('id').where('dossier_id', '=', id),
            )
            .where('expires_at', '>', now)
            .returning('token_hash')
            .execute();
          await recordAuditEvent(trx, {
            actorUserId: (request.user as User).id,
            action: 'WORKER_ACCESS_REVOKED',
            subjectType: 'dossier',
            subjectId: id,
            details: { codes: codes.length, devices: tokens.length },
          });
          return { codes: codes.length, devices: tokens.length };
        });
      return revoked;
    },
  );

  app.post(
    '/api/v1/worker-access/redeem',
    {
      config: { access: 'PUBLIC', csrf: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['worker access'],
        summary:
          "Exchange the worker's code (reusable until it expires) for read access to one dossier (sets a cookie)",
        body: Type.Object(
          { code: Type.String({ minLength: 10, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const code = (request.body as { code: string }).code.replace(/[\s-]/g, '').toUpperCase();
      const token = randomBytes(32).toString('base64url');
      const now = options.now();
      // The code stays valid until it expires: every device that uses it gets its own token.
      const granted = await db()
        .transaction()
        .execute(async (trx) => {
          const access = await trx
            .updateTable('worker_access')
            .set({ redeemed_at: sql`coalesce(redeemed_at, ${now})` })
            .where('code_hash', '=', hash(code))
            .where('code_expires_at', '>', now)
            .returning(['id', 'dossier_id'])
            .executeTakeFirst();
          if (!access) return undefined;
          await trx
            .insertInto('worker_access_tokens')
            .values({
              token_hash: hash(token),
              access_id: access.id,
              expires_at: new Date(now.getTime() + TOKEN_DAYS * 86_400_000),
            })
            .execute();
          return access;
        });
      // Not "user name or password": the worker typed a code, and must learn that the code is at fault.
      if (!granted) throw new LoketError('LOKET_WORKER_CODE_INVALID');
      await recordAuditEvent(db(), {
        actorUserId: null,
        action: 'WORKER_ACCESS_REDEEMED',
        subjectType: 'dossier',
        subjectId: granted.dossier_id,
        requestId: String(request.id),
      });
      const dossier = await db()
        .selectFrom('dossiers')
        .selectAll()
        .where('id', '=', granted.dossier_id)
        .executeTakeFirstOrThrow();
      const { value, ...settings } = cookie(token, TOKEN_DAYS * 86_400);
      reply.setCookie(WORKER_COOKIE, value, settings);
      return workerView(db(), dossier, today());
    },
  );

  /** The dossier the worker's cookie opens, or 401. */
  app.get(
    '/api/v1/worker-access/letters/:letterId',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['worker access'],
        summary: 'Download a decision letter of the dossier the worker was given access to (PDF)',
        params: Type.Object({ letterId: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request, reply) => {
      const { letterId } = request.params as { letterId: string };
      const dossier = await workerDossier(db(), request, options.now());
      const letter = await db()
        .selectFrom('dossier_letters')
        .select(['pdf', 'kind'])
        .where('id', '=', letterId)
        .where('dossier_id', '=', dossier.id)
        .executeTakeFirst();
      if (!letter) throw new LoketError('LOKET_NOT_FOUND');
      await recordAuditEvent(db(), {
        actorUserId: null,
        action: 'WORKER_LETTER_DOWNLOADED',
        subjectType: 'dossier',
        subjectId: dossier.id,
        requestId: String(request.id),
        details: { letterId },
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${dossier.number}-${letter.kind.toLowerCase()}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(letter.pdf);
    },
  );

  app.get(
    '/api/v1/worker-access/dossier',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['worker access'],
        summary:
          'The dossier the worker was given access to (status and dates); `dossier: null` without a valid worker cookie',
      },
    },
    async (request) => {
      // No worker session is an ordinary state of the public /worker page (it then asks for a
      // code), not an error: answering 200 keeps a 401 out of every first visitor's console.
      if (!request.cookies[WORKER_COOKIE]) return { dossier: null };
      try {
        return await workerView(db(), await workerDossier(db(), request, options.now()), today());
      } catch (error) {
        if (error instanceof LoketError && error.code === 'LOKET_UNAUTHENTICATED') return { dossier: null };
        throw error;
      }
    },
  );
}
