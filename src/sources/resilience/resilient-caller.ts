import { type SourceUnavailableCause, SourceUnavailableError } from '../source-errors.ts';
import type { SourceName } from '../source-result.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import { type Clock, systemClock } from './clock.ts';
import { TtlCache } from './ttl-cache.ts';

/**
 * Calls one register: cache first, then the circuit breaker, then up to `retries + 1` attempts,
 * each bounded by a timeout, with exponential backoff and jitter between them. Only failures
 * that a later attempt can cure are retried (network error, timeout, 5xx, 429); any other error
 * means the register answered, so it passes through untouched and counts as "the register is up".
 */

export interface ResilienceSettings {
  /** Per attempt, not per call. */
  timeoutMs: number;
  /** Extra attempts after the first. */
  retries: number;
  /** First backoff; doubles per retry up to `backoffMaxMs`, then half of it is jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Consecutive unavailable calls that open the circuit. */
  failureThreshold: number;
  cooldownMs: number;
  /** 0 disables the cache. */
  cacheTtlMs: number;
  cacheMaxEntries: number;
}

/** A failure of one attempt that another attempt may not have: retried, then reported as unavailable. */
export class RetryableFailure extends Error {
  constructor(
    readonly kind: Exclude<SourceUnavailableCause, 'TIMEOUT' | 'CIRCUIT_OPEN'>,
    readonly status?: number,
    /** From a 429's Retry-After: wait at least this long (capped by `backoffMaxMs`). */
    readonly retryAfterMs?: number,
  ) {
    super(`${kind}${status ? ` ${status}` : ''}`);
    this.name = 'RetryableFailure';
  }
}

/** What the caller reports, for logs and metrics; never the request itself (it may hold an INSZ). */
export type ResilienceEvent =
  | { type: 'RETRY'; source: SourceName; attempt: number; cause: SourceUnavailableCause; delayMs: number }
  | { type: 'UNAVAILABLE'; source: SourceName; cause: SourceUnavailableCause; attempts: number }
  | { type: 'CIRCUIT_OPENED'; source: SourceName }
  | { type: 'CIRCUIT_CLOSED'; source: SourceName }
  /** One call that reached the register (not the cache), however it ended, and how long it took. */
  | { type: 'CALLED'; source: SourceName; outcome: 'ANSWERED' | SourceUnavailableCause; durationMs: number };

export interface ResilientCallerOptions extends ResilienceSettings {
  source: SourceName;
  clock?: Clock;
  /** [0, 1); the jitter's randomness, fixed in tests. */
  random?: () => number;
  onEvent?: (event: ResilienceEvent) => void;
}

export interface CallOptions<T> {
  /** The request's identity for the cache; without it the answer is not cached (e.g. a notification). */
  cacheKey?: string;
  /** Which answers may be cached (all by default); failures never are. */
  isCacheable?: (value: T) => boolean;
}

export interface ResilientCaller {
  readonly source: SourceName;
  call<T>(attempt: (signal: AbortSignal) => Promise<T>, options?: CallOptions<T>): Promise<T>;
  readonly breaker: CircuitBreaker;
  readonly cache: TtlCache<unknown>;
}

const TIMED_OUT = Symbol('timed out');

/** Runs one attempt, rejecting with TIMED_OUT after `timeoutMs` even if the attempt ignores its signal. */
async function attemptWithTimeout<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new Error('timeout'));
      reject(TIMED_OUT);
    }, timeoutMs);
  });
  try {
    return await Promise.race([attempt(controller.signal), timeout]);
  } catch (error) {
    // An attempt that rejects because we aborted it is a timeout, whatever error it chose.
    throw controller.signal.aborted ? TIMED_OUT : error;
  } finally {
    clearTimeout(timer);
  }
}

/** Backoff before retry n (1-based): base·2ⁿ⁻¹ capped, the upper half random so callers spread out. */
export function computeBackoffMs(
  retry: number,
  settings: Pick<ResilienceSettings, 'backoffBaseMs' | 'backoffMaxMs'>,
  random: () => number,
): number {
  const ceiling = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function createResilientCaller(options: ResilientCallerOptions): ResilientCaller {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const now = () => clock.now();
  const breaker = new CircuitBreaker({
    failureThreshold: options.failureThreshold,
    cooldownMs: options.cooldownMs,
    now,
  });
  const cache = new TtlCache<unknown>({
    ttlMs: options.cacheTtlMs,
    maxEntries: options.cacheMaxEntries,
    now,
  });
  const { source } = options;
  const emit = (event: ResilienceEvent) => options.onEvent?.(event);

  // Identical questions asked while the first is still on its way share its answer (single
  // flight): a burst of dossiers of one employer asks the register once, not once per dossier.
  const inFlight = new Map<string, Promise<unknown>>();

  async function call<T>(attempt: (signal: AbortSignal) => Promise<T>, callOptions: CallOptions<T> = {}) {
    const { cacheKey } = callOptions;
    if (cacheKey === undefined) return callRegister(attempt, callOptions);
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached as T;
    const pending = inFlight.get(cacheKey);
    if (pending) return pending as Promise<T>;
    const asked = callRegister(attempt, callOptions).finally(() => inFlight.delete(cacheKey));
    inFlight.set(cacheKey, asked);
    return asked;
  }

  async function callRegister<T>(attempt: (signal: AbortSignal) => Promise<T>, callOptions: CallOptions<T>) {
    const { cacheKey, isCacheable } = callOptions;
    if (!breaker.tryAcquire()) {
      emit({ type: 'CALLED', source, outcome: 'CIRCUIT_OPEN', durationMs: 0 });
      throw new SourceUnavailableError(source, 'CIRCUIT_OPEN', 0);
    }
    const started = now();
    const answered = () => {
      const wasOpen = breaker.state !== 'CLOSED';
      breaker.recordSuccess();
      if (wasOpen) emit({ type: 'CIRCUIT_CLOSED', source });
      emit({ type: 'CALLED', source, outcome: 'ANSWERED', durationMs: now() - started });
    };

    const maxAttempts = options.retries + 1;
    let cause: SourceUnavailableCause = 'NETWORK';
    let status: number | undefined;
    for (let attemptNumber = 1; attemptNumber <= maxAttempts; attemptNumber++) {
      let retryAfterMs = 0;
      try {
        const value = await attemptWithTimeout(attempt, options.timeoutMs);
        answered();
        if (cacheKey !== undefined && (isCacheable?.(value) ?? true)) cache.set(cacheKey, value);
        return value;
      } catch (error) {
        if (error === TIMED_OUT) {
          cause = 'TIMEOUT';
          status = undefined;
        } else if (error instanceof RetryableFailure) {
          cause = error.kind;
          status = error.status;
          retryAfterMs = error.retryAfterMs ?? 0;
        } else {
          answered(); // the register answered; the error is about the request or its body
          throw error;
        }
      }
      if (attemptNumber < maxAttempts) {
        const backoff = computeBackoffMs(attemptNumber, options, random);
        const delayMs = Math.max(backoff, Math.min(retryAfterMs, options.backoffMaxMs));
        emit({ type: 'RETRY', source, attempt: attemptNumber, cause, delayMs });
        await clock.sleep(delayMs);
      }
    }
    const stateBefore = breaker.state;
    breaker.recordFailure();
    if (breaker.state !== 'CLOSED' && stateBefore !== 'OPEN') emit({ type: 'CIRCUIT_OPENED', source });
    emit({ type: 'UNAVAILABLE', source, cause, attempts: maxAttempts });
    emit({ type: 'CALLED', source, outcome: cause, durationMs: now() - started });
    throw new SourceUnavailableError(source, cause, maxAttempts, status);
  }

  return { source, call, breaker, cache };
}
