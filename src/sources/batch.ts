import type { Answer, Lookup } from './source-result.ts';

/**
 * Batch questions (a list of subjects in one call) always have a body: the records found. A batch
 * path is unique per list, so it is never cached (the cache would fill with one-off lists), and the
 * monitoring wants a fresh reading anyway.
 */
export const NEVER_CACHE = { cacheWhen: () => false } as const;

export const MAX_PER_BATCH = 100;

export function checkBatchSize(what: string, size: number): void {
  if (size === 0 || size > MAX_PER_BATCH)
    throw new RangeError(`${what}: ask for 1 to ${MAX_PER_BATCH} at once`);
}

export function batchAnswer<T, U>(lookup: Lookup<T>, pick: (value: T) => U[]): Answer<U[]> {
  return { value: lookup.found ? pick(lookup.value) : [], provenance: lookup.provenance };
}
