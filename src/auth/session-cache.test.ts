import { describe, expect, it } from 'vitest';
import { type CachedSession, SessionCache } from './session-cache.ts';
import type { User } from './users.repo.ts';

const user: User = {
  id: 'u1',
  username: 'behandelaar',
  displayName: 'Jonas',
  role: 'CASE_HANDLER',
  enterpriseNumber: null,
  preferredLang: 'nl',
};
const live = (expiresAt = 1_000_000): CachedSession => ({ user, expiresAt });

describe('the session cache', () => {
  it('reuses a lookup younger than its lifetime, then asks again', async () => {
    const cache = new SessionCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return live();
    };
    await cache.find('h', 5_000, 0, load);
    await cache.find('h', 5_000, 4_999, load);
    expect(loads).toBe(1);
    await cache.find('h', 5_000, 5_000, load);
    expect(loads).toBe(2);
  });

  it('shares one lookup among concurrent requests of one session', async () => {
    const cache = new SessionCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return live();
    };
    await Promise.all([1, 2, 3, 4].map(() => cache.find('h', 5_000, 0, load)));
    expect(loads).toBe(1);
  });

  it('never caches a miss or a failure, and never serves a session past its expiry', async () => {
    const cache = new SessionCache();
    expect(await cache.find('h', 5_000, 0, async () => null)).toBeNull();
    expect(await cache.find('h', 5_000, 1, async () => live())).toEqual(live());
    expect(cache.size).toBe(1);

    await expect(cache.find('x', 5_000, 0, async () => Promise.reject(new Error('down')))).rejects.toThrow();
    expect(cache.size).toBe(1);

    let loads = 0;
    await cache.find('e', 5_000, 0, async () => live(100));
    // Expired as cached: the database is asked (another instance may have extended it).
    const again = await cache.find('e', 5_000, 100, async () => {
      loads += 1;
      return null;
    });
    expect(again).toBeNull();
    expect(loads).toBe(1);
  });

  it('forgets a session signed out, and every session of one account', async () => {
    const cache = new SessionCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return live();
    };
    await cache.find('a', 5_000, 0, load);
    await cache.find('b', 5_000, 0, load);
    cache.forget('a');
    await cache.find('a', 5_000, 1, load);
    expect(loads).toBe(3);
    await cache.forgetUser('u1');
    expect(cache.size).toBe(0);
  });

  it('does nothing with a lifetime of 0, and holds at most maxEntries', async () => {
    const off = new SessionCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return live();
    };
    await off.find('h', 0, 0, load);
    await off.find('h', 0, 0, load);
    expect(loads).toBe(2);
    expect(off.size).toBe(0);

    const small = new SessionCache(2);
    for (const hash of ['a', 'b', 'c']) await small.find(hash, 5_000, 0, load);
    expect(small.size).toBe(2);
  });
});
