import type { ResilienceSettings } from './resilience/resilient-caller.ts';
import type { SourceName } from './source-result.ts';

/**
 * Resilience per register, chosen by how fast its data changes and how costly a stale answer is
 * (docs/sources.md has the table with the reasons). Every value can be overridden per source.
 */
export interface SourceSettings extends ResilienceSettings {
  /** Whether "no such record" is cached like a record. */
  cacheNotFound: boolean;
}

const COMMON: SourceSettings = {
  timeoutMs: 3_000,
  retries: 2,
  // Registers answer in 50–400 ms: a first retry 50–100 ms after a failure costs a submission far
  // less than 100–200 ms would, and the breaker still stops the calls to a register that is down.
  backoffBaseMs: 100,
  backoffMaxMs: 2_000,
  failureThreshold: 5,
  cooldownMs: 30_000,
  cacheTtlMs: 5 * 60_000,
  cacheMaxEntries: 5_000,
  cacheNotFound: false,
};

const MINUTE = 60_000;

export const DEFAULT_SOURCE_SETTINGS: Readonly<Record<SourceName, SourceSettings>> = {
  // Enterprise data changes at most daily (KBO publishes daily); an unknown number stays unknown.
  kbo: { ...COMMON, cacheTtlMs: 60 * MINUTE, cacheNotFound: true },
  // Personal data: held no longer than a case handler's look at a dossier. A BIS number may be created any day.
  'national-register': { ...COMMON, cacheTtlMs: 15 * MINUTE },
  // Declarations arrive in real time (IN at the latest when work starts).
  dimona: { ...COMMON, cacheTtlMs: 5 * MINUTE },
  // Quarterly data; a late declaration may still come, so absence is not cached.
  dmfa: { ...COMMON, cacheTtlMs: 6 * 60 * MINUTE },
  // Applicant counts and publication periods move during the labour-market test.
  vacancies: { ...COMMON, cacheTtlMs: 10 * MINUTE },
  naric: { ...COMMON, cacheTtlMs: 10 * MINUTE },
  // A new sanction is a refusal ground: keep the window short.
  sanctions: { ...COMMON, cacheTtlMs: 5 * MINUTE },
  // Outbound notifications are not cached; decisions are polled, final ones briefly cached.
  // More retries: the notification is idempotent and must get through.
  federal: { ...COMMON, timeoutMs: 5_000, retries: 4, cacheTtlMs: 5 * MINUTE },
};
