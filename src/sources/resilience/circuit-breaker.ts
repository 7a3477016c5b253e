/**
 * One breaker per register. After `failureThreshold` consecutive unavailable calls it opens and
 * refuses at once (CIRCUIT_OPEN), so a register that is down costs Loket no threads, no timeouts
 * and no extra load on the register while it recovers. After `cooldownMs` it lets one trial call
 * through (half-open): success closes it, failure opens it for another cool-down.
 * A call counts once, whatever its retries: the breaker sits outside the retry loop.
 */
export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now: () => number;
}

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'CLOSED';
    return this.options.now() - this.openedAt >= this.options.cooldownMs ? 'HALF_OPEN' : 'OPEN';
  }

  /** Whether a call may go to the register now; in half-open only the first caller gets the trial. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'CLOSED') return true;
    if (state === 'OPEN' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** The register answered (any answer, even a 4xx: it is up). */
  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  /** The register did not answer after all retries. */
  recordFailure(): void {
    this.consecutiveFailures++;
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (wasTrial || this.consecutiveFailures >= this.options.failureThreshold) {
      this.openedAt = this.options.now();
    }
  }
}
