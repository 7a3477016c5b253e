import { describe, expect, it } from 'vitest';
import { SourceRequestError, SourceUnavailableError } from '../source-errors.ts';
import type { Clock } from './clock.ts';
import {
  computeBackoffMs,
  createResilientCaller,
  type ResilienceEvent,
  type ResilienceSettings,
  RetryableFailure,
} from './resilient-caller.ts';

/** A clock whose sleeps return at once and move time forward, recording each delay. */
function aFakeClock(start = 1_000_000) {
  let time = start;
  const sleeps: number[] = [];
  const clock: Clock & { advance(ms: number): void; sleeps: number[] } = {
    now: () => time,
    sleep: async (ms) => {
      sleeps.push(ms);
      time += ms;
    },
    advance: (ms) => {
      time += ms;
    },
    sleeps,
  };
  return clock;
}

const SETTINGS: ResilienceSettings = {
  timeoutMs: 1_000,
  retries: 2,
  backoffBaseMs: 100,
  backoffMaxMs: 1_000,
  failureThreshold: 3,
  cooldownMs: 30_000,
  cacheTtlMs: 60_000,
  cacheMaxEntries: 100,
};

function aCaller(overrides: Partial<ResilienceSettings> = {}) {
  const clock = aFakeClock();
  const events: ResilienceEvent[] = [];
  const caller = createResilientCaller({
    ...SETTINGS,
    ...overrides,
    source: 'kbo',
    clock,
    random: () => 0.5,
    onEvent: (event) => events.push(event),
  });
  return { caller, clock, events };
}

/** An attempt that fails with the given failures in turn, then answers `value`; counts its calls. */
function aScriptedAttempt<T>(failures: Error[], value: T) {
  let calls = 0;
  const attempt = async () => {
    const failure = failures[calls++];
    if (failure) throw failure;
    return value;
  };
  return { attempt, calls: () => calls };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('timeouts', () => {
  it('aborts an attempt after timeoutMs and reports TIMEOUT', async () => {
    const { caller } = aCaller({ timeoutMs: 10, retries: 0 });
    let seenSignal: AbortSignal | undefined;
    const error = await rejection(
      caller.call(
        (signal) =>
          new Promise((_, reject) => {
            seenSignal = signal;
            signal.addEventListener('abort', () => reject(new Error('aborted')));
          }),
      ),
    );
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect(error).toMatchObject({ source: 'kbo', cause: 'TIMEOUT', attempts: 1 });
    expect(seenSignal?.aborted).toBe(true);
  });

  it('times out even an attempt that ignores its signal', async () => {
    const { caller } = aCaller({ timeoutMs: 5, retries: 1 });
    const error = await rejection(caller.call(() => new Promise(() => {})));
    expect(error).toMatchObject({ cause: 'TIMEOUT', attempts: 2 });
  });
});

describe('retries', () => {
  it('retries network errors with growing backoff, then succeeds', async () => {
    const { caller, clock, events } = aCaller();
    const script = aScriptedAttempt(
      [new RetryableFailure('NETWORK'), new RetryableFailure('HTTP_5XX', 503)],
      'answer',
    );
    await expect(caller.call(script.attempt)).resolves.toBe('answer');
    expect(script.calls()).toBe(3);
    // random 0.5: 100 → 75, 200 → 150 (half fixed, half jitter)
    expect(clock.sleeps).toEqual([75, 150]);
    expect(events.map((event) => event.type)).toEqual(['RETRY', 'RETRY', 'CALLED']);
    // The call is reported once, as answered, with the time its retries took (the fake clock's sleeps).
    expect(events.at(-1)).toEqual({ type: 'CALLED', source: 'kbo', outcome: 'ANSWERED', durationMs: 225 });
    expect(caller.breaker.state).toBe('CLOSED');
  });

  it('gives up after retries + 1 attempts with the last cause and status', async () => {
    const { caller, events } = aCaller({ retries: 2 });
    const failure = () => new RetryableFailure('HTTP_5XX', 503);
    const script = aScriptedAttempt([failure(), failure(), failure()], 'never');
    const error = await rejection(caller.call(script.attempt));
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect(error).toMatchObject({
      cause: 'HTTP_5XX',
      status: 503,
      attempts: 3,
      code: 'LOKET_SOURCE_UNAVAILABLE',
    });
    expect(script.calls()).toBe(3);
    expect(events.slice(-2)).toEqual([
      { type: 'UNAVAILABLE', source: 'kbo', cause: 'HTTP_5XX', attempts: 3 },
      { type: 'CALLED', source: 'kbo', outcome: 'HTTP_5XX', durationMs: 225 },
    ]);
  });

  it('does not retry an answer such as "not found"', async () => {
    const { caller, clock } = aCaller();
    const script = aScriptedAttempt([], { found: false });
    await expect(caller.call(script.attempt)).resolves.toEqual({ found: false });
    expect(script.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry a refused request and passes its error through', async () => {
    const { caller, clock } = aCaller();
    const refused = new SourceRequestError('kbo', 'bad request', 400);
    const script = aScriptedAttempt([refused], 'never');
    await expect(caller.call(script.attempt)).rejects.toBe(refused);
    expect(script.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('waits at least the Retry-After of a 429, capped by the maximum backoff', async () => {
    const { caller, clock } = aCaller();
    const script = aScriptedAttempt(
      [new RetryableFailure('RATE_LIMITED', 429, 700), new RetryableFailure('RATE_LIMITED', 429, 60_000)],
      'ok',
    );
    await expect(caller.call(script.attempt)).resolves.toBe('ok');
    expect(clock.sleeps).toEqual([700, 1_000]);
  });

  it('computes backoff between half and all of base·2ⁿ⁻¹, capped', () => {
    const settings = { backoffBaseMs: 100, backoffMaxMs: 500 };
    expect(computeBackoffMs(1, settings, () => 0)).toBe(50);
    expect(computeBackoffMs(1, settings, () => 0.999_999)).toBe(100);
    expect(computeBackoffMs(3, settings, () => 0)).toBe(200);
    expect(computeBackoffMs(10, settings, () => 0.999_999)).toBe(500);
  });
});

describe('circuit breaker', () => {
  const failing = () => Promise.reject(new RetryableFailure('NETWORK'));

  it('opens after N consecutive unavailable calls and then refuses without calling', async () => {
    const { caller, events } = aCaller({ retries: 0, failureThreshold: 3 });
    for (let i = 0; i < 3; i++)
      await expect(caller.call(failing)).rejects.toMatchObject({ cause: 'NETWORK' });
    expect(caller.breaker.state).toBe('OPEN');
    expect(events.filter((event) => event.type === 'CIRCUIT_OPENED')).toHaveLength(1);
    const script = aScriptedAttempt([], 'ok');
    const error = await rejection(caller.call(script.attempt));
    expect(error).toMatchObject({ cause: 'CIRCUIT_OPEN', attempts: 0 });
    expect(script.calls()).toBe(0);
  });

  it('resets the count on a success: failures must be consecutive', async () => {
    const { caller } = aCaller({ retries: 0, failureThreshold: 2 });
    await expect(caller.call(failing)).rejects.toThrow();
    await caller.call(async () => 'ok');
    await expect(caller.call(failing)).rejects.toThrow();
    expect(caller.breaker.state).toBe('CLOSED');
  });

  it('half-opens after the cool-down for one trial; success closes it', async () => {
    const { caller, clock } = aCaller({ retries: 0, failureThreshold: 1, cooldownMs: 30_000 });
    await expect(caller.call(failing)).rejects.toThrow();
    clock.advance(29_999);
    expect(caller.breaker.state).toBe('OPEN');
    clock.advance(1);
    expect(caller.breaker.state).toBe('HALF_OPEN');

    let releaseTrial: (value: string) => void = () => {};
    const trial = caller.call(() => new Promise<string>((resolve) => (releaseTrial = resolve)));
    // While the trial is out, everyone else is still refused.
    await expect(caller.call(async () => 'other')).rejects.toMatchObject({ cause: 'CIRCUIT_OPEN' });
    releaseTrial('trial');
    await expect(trial).resolves.toBe('trial');
    expect(caller.breaker.state).toBe('CLOSED');
    await expect(caller.call(async () => 'next')).resolves.toBe('next');
  });

  it('opens again for a full cool-down when the trial fails', async () => {
    const { caller, clock } = aCaller({ retries: 0, failureThreshold: 3, cooldownMs: 1_000 });
    for (let i = 0; i < 3; i++) await expect(caller.call(failing)).rejects.toThrow();
    clock.advance(1_000);
    await expect(caller.call(failing)).rejects.toMatchObject({ cause: 'NETWORK' });
    expect(caller.breaker.state).toBe('OPEN');
    clock.advance(999);
    await expect(caller.call(async () => 'x')).rejects.toMatchObject({ cause: 'CIRCUIT_OPEN' });
  });
});

describe('cache', () => {
  it('answers a repeated request from the cache until the entry expires', async () => {
    const { caller, clock } = aCaller({ cacheTtlMs: 60_000 });
    const script = aScriptedAttempt([], { found: true, value: 1 });
    await caller.call(script.attempt, { cacheKey: 'a' });
    clock.advance(59_999);
    await caller.call(script.attempt, { cacheKey: 'a' });
    expect(script.calls()).toBe(1);
    clock.advance(1);
    await caller.call(script.attempt, { cacheKey: 'a' });
    expect(script.calls()).toBe(2);
  });

  it('asks once for identical requests in flight together, and shares a failure too', async () => {
    const { caller } = aCaller({ retries: 0 });
    let calls = 0;
    let release: (value: string) => void = () => {};
    const slow = () => {
      calls += 1;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    const together = [caller.call(slow, { cacheKey: 'a' }), caller.call(slow, { cacheKey: 'a' })];
    release('answer');
    await expect(Promise.all(together)).resolves.toEqual(['answer', 'answer']);
    expect(calls).toBe(1);
    const failing = aScriptedAttempt([new RetryableFailure('NETWORK')], 'later');
    const both = [
      caller.call(failing.attempt, { cacheKey: 'b' }),
      caller.call(failing.attempt, { cacheKey: 'b' }),
    ];
    await expect(both[0]).rejects.toThrow(SourceUnavailableError);
    await expect(both[1]).rejects.toThrow(SourceUnavailableError);
    expect(failing.calls()).toBe(1);
    await expect(caller.call(failing.attempt, { cacheKey: 'b' })).resolves.toBe('later'); // not cached
  });

  it('keys by request and never caches a failure', async () => {
    const { caller } = aCaller({ retries: 0 });
    const script = aScriptedAttempt([new RetryableFailure('NETWORK')], 'ok');
    await expect(caller.call(script.attempt, { cacheKey: 'a' })).rejects.toThrow(SourceUnavailableError);
    await expect(caller.call(script.attempt, { cacheKey: 'a' })).resolves.toBe('ok');
    await expect(caller.call(async () => 'other', { cacheKey: 'b' })).resolves.toBe('other');
    expect(script.calls()).toBe(2);
  });

  it('leaves out answers the caller says are not cacheable, and calls without a key', async () => {
    const { caller } = aCaller();
    const script = aScriptedAttempt([], { found: false });
    await caller.call(script.attempt, { cacheKey: 'a', isCacheable: (value) => value.found });
    await caller.call(script.attempt, { cacheKey: 'a', isCacheable: (value) => value.found });
    await caller.call(script.attempt);
    await caller.call(script.attempt);
    expect(script.calls()).toBe(4);
    expect(caller.cache.size).toBe(0);
  });

  it('is off with a TTL of 0 and bounded by maxEntries', async () => {
    const off = aCaller({ cacheTtlMs: 0 });
    const script = aScriptedAttempt([], 'v');
    await off.caller.call(script.attempt, { cacheKey: 'a' });
    await off.caller.call(script.attempt, { cacheKey: 'a' });
    expect(script.calls()).toBe(2);

    const small = aCaller({ cacheMaxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await small.caller.call(async () => key, { cacheKey: key });
    expect(small.caller.cache.size).toBe(2);
    expect(small.caller.cache.get('a')).toBeUndefined();
    expect(small.caller.cache.get('c')).toBe('c');
  });
});
