/**
 * A per-register cache of answers keyed by request, each entry valid for `ttlMs`. Register data
 * changes slowly (a KBO status, a recognition decision) but does change, so every register gets
 * its own expiry; 0 disables caching. Bounded: past `maxEntries` the oldest entry goes.
 */
export interface TtlCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now: () => number;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly options: TtlCacheOptions) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.options.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.options.ttlMs <= 0 || this.options.maxEntries <= 0) return;
    this.entries.delete(key); // re-inserted last, so insertion order stays oldest-first
    this.entries.set(key, { value, expiresAt: this.options.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
