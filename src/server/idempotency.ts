import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import Type from 'typebox';
import type { Db } from '../db/client.ts';

/**
 * Idempotency-Key (docs/operations.md "Idempotency"): a client that lost an answer sends the same
 * request with the same key again and gets the first answer, never a second dossier or document.
 */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' }),
  ),
});

export function idempotencyKey(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
}

/**
 * Holds the key until the transaction ends. Retries sent at the same time then run one after the
 * other: the first creates, the others find what it created (instead of all passing the "not
 * seen yet" check and all but one failing on the unique constraint).
 */
export async function lockIdempotencyKey(trx: Db, scope: string, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${scope}\u001f${key}`}, 0))`.execute(trx);
}
