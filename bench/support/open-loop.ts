/**
 * An open-loop load generator: requests are sent at fixed arrival times (i / rate), whether or not
 * earlier ones have answered, as independent users would send them. A closed loop (each virtual
 * user waits for its answer before the next request) slows down with the server and hides its
 * queueing ("coordinated omission"); here a slow server meets the same arrivals and its queue shows
 * in the latencies, which are measured from the planned send time, not the actual one.
 */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile (a value that occurred, never an interpolated one) of sorted values. */
export function percentileOf(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summariseLatencies(values: readonly number[]): LatencySummary {
  const list = [...values].sort((a, b) => a - b);
  return {
    count: list.length,
    p50: percentileOf(list, 50),
    p95: percentileOf(list, 95),
    p99: percentileOf(list, 99),
    max: list.length ? (list[list.length - 1] as number) : Number.NaN,
  };
}

/** The planned send times, in ms from the start, of `rate` requests a second for `durationMs`. */
export function arrivalTimes(rate: number, durationMs: number): number[] {
  if (!(rate > 0) || !(durationMs > 0)) return [];
  const count = Math.floor((rate * durationMs) / 1000);
  return Array.from({ length: count }, (_, i) => (i * 1000) / rate);
}

export interface Outcome {
  /** Planned send time to the end of the answer, ms. */
  latencyMs: number;
  ok: boolean;
  /** What went wrong (status code, error name) when not ok. */
  error?: string;
  /** Request index, for the caller's grouping (by kind of request). */
  index: number;
}

export interface OpenLoopResult {
  outcomes: Outcome[];
  /** Longest delay between a planned send time and the actual send: the generator's own lag. */
  maxSendLagMs: number;
  wallMs: number;
}

export interface OpenLoopOptions {
  rate: number;
  durationMs: number;
  /** Sends request `index`; resolves true on success, false or a thrown error on failure. */
  send: (index: number) => Promise<true | string>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Fires every planned request at its time (all those whose time has come on each tick), never
 * waiting for an answer before the next send; resolves when every request has answered.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const times = arrivalTimes(options.rate, options.durationMs);
  const outcomes: Outcome[] = [];
  const inFlight: Promise<void>[] = [];
  let maxSendLagMs = 0;
  const start = now();
  let next = 0;
  while (next < times.length) {
    const elapsed = now() - start;
    while (next < times.length && (times[next] as number) <= elapsed) {
      const index = next;
      const planned = start + (times[index] as number);
      maxSendLagMs = Math.max(maxSendLagMs, now() - planned);
      inFlight.push(
        options.send(index).then(
          (result) => {
            outcomes.push({
              index,
              latencyMs: now() - planned,
              ok: result === true,
              ...(result === true ? {} : { error: result }),
            });
          },
          (error: unknown) => {
            outcomes.push({
              index,
              latencyMs: now() - planned,
              ok: false,
              error: (error as Error)?.name ?? 'Error',
            });
          },
        ),
      );
      next += 1;
    }
    if (next < times.length) await sleep(Math.max(0, (times[next] as number) - (now() - start)));
  }
  await Promise.all(inFlight);
  return { outcomes, maxSendLagMs, wallMs: now() - start };
}
