import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { toUser, USER_COLUMNS, type User } from './users.repo.ts';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Opens a session and returns the token for the cookie; only its hash is stored. */
export async function openSession(db: Db, userId: string, ttlMs: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, expires_at: new Date(now.getTime() + ttlMs) })
    .execute();
  return token;
}

/** The user behind a live session, or null; sliding expiry is refreshed at most once a minute. */
export async function findSessionUser(
  db: Db,
  token: string,
  ttlMs: number,
  now = new Date(),
): Promise<User | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...USER_COLUMNS.map((c) => `users.${c}` as const), 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + ttlMs) })
      .where('token_hash', '=', hashToken(token))
      .execute();
  }
  return toUser(row);
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
