import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { type CachedSession, SessionCache } from './session-cache.ts';
import { toUser, USER_COLUMNS, type User } from './users.repo.ts';

/** This process's memory of live sessions (see SessionCache for what it may be stale about). */
export const sessionCache = new SessionCache();

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

/**
 * The user behind a live session, or null; sliding expiry is refreshed at most once a minute.
 * With `cacheMs`, a lookup made less than that long ago in this process is reused.
 */
export async function findSessionUser(
  db: Db,
  token: string,
  ttlMs: number,
  now = new Date(),
  options: { cacheMs?: number } = {},
): Promise<User | null> {
  const tokenHash = hashToken(token);
  const session = await sessionCache.find(tokenHash, options.cacheMs ?? 0, now.getTime(), () =>
    loadSession(db, tokenHash, ttlMs, now),
  );
  return session?.user ?? null;
}

async function loadSession(
  db: Db,
  tokenHash: string,
  ttlMs: number,
  now: Date,
): Promise<CachedSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      ...USER_COLUMNS.map((c) => `users.${c}` as const),
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    const expiresAt = new Date(now.getTime() + ttlMs);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
    return { user: toUser(row), expiresAt: expiresAt.getTime() };
  }
  return { user: toUser(row), expiresAt: row.expires_at.getTime() };
}

/** Signs out: the session is gone from the database and from this process's cache. */
export async function closeSession(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  sessionCache.forget(tokenHash);
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  sessionCache.forget(tokenHash); // a lookup that raced the delete may have cached it again
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
