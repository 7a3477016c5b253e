import type { User } from './users.repo.ts';

/**
 * A short-lived memory of live sessions in this process, so that the several API calls a page
 * makes, and a user's next clicks, do not each read the session from the database (every signed-in
 * request did: the largest share of the queries under load, docs/performance.md "Load").
 *
 * Correctness: signing out (`closeSession`) forgets the session here at once. Another instance on
 * the same database, and a change made in the database directly (an account disabled, a session
 * deleted), is seen when the entry is older than the cache's lifetime, a few seconds
 * (LOKET_SESSION_CACHE_SECONDS, 0 turns the cache off): a signed-out cookie can work that long on
 * another instance that had it cached. An entry never outlives its session's expiry, and a lookup
 * that found nothing is not remembered (a new session is found at once; guessing costs a query).
 */
export interface CachedSession {
  user: User;
  /** When the session expires (ms since the epoch), as the database said at the lookup. */
  expiresAt: number;
}

interface Entry {
  lookup: Promise<CachedSession | null>;
  cachedAt: number;
}

export class SessionCache {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly maxEntries = 10_000) {}

  /**
   * The session behind this token hash, from memory when looked up less than `maxAgeMs` ago,
   * else from `load`. Concurrent lookups of one token share one load (a page's parallel calls).
   */
  async find(
    tokenHash: string,
    maxAgeMs: number,
    now: number,
    load: () => Promise<CachedSession | null>,
  ): Promise<CachedSession | null> {
    if (maxAgeMs <= 0) return load();
    const entry = this.#entries.get(tokenHash);
    if (entry && now - entry.cachedAt < maxAgeMs) {
      const session = await entry.lookup;
      // Past its expiry as cached: ask the database, where another instance may have extended it.
      if (session && session.expiresAt > now) return session;
    }
    const fresh: Entry = { lookup: load(), cachedAt: now };
    this.#entries.delete(tokenHash); // re-inserted last: the Map's order is the eviction order
    this.#entries.set(tokenHash, fresh);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    try {
      const session = await fresh.lookup;
      if (!session && this.#entries.get(tokenHash) === fresh) this.#entries.delete(tokenHash);
      return session;
    } catch (error) {
      if (this.#entries.get(tokenHash) === fresh) this.#entries.delete(tokenHash);
      throw error;
    }
  }

  forget(tokenHash: string): void {
    this.#entries.delete(tokenHash);
  }

  /** Every cached session of one account (its account disabled, its role changed). */
  async forgetUser(userId: string): Promise<void> {
    for (const [hash, entry] of [...this.#entries]) {
      const session = await entry.lookup.catch(() => null);
      if (session?.user.id === userId && this.#entries.get(hash) === entry) this.#entries.delete(hash);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
