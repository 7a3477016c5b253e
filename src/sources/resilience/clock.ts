/**
 * The two things the resilient caller needs from time, injectable so that tests check backoff,
 * cool-downs and cache expiry without sleeping. Timeouts are real timers: they must interrupt a
 * request in flight, which only the event loop can do.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
