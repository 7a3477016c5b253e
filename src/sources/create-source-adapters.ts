import { createDimonaClient, type Dimona } from './dimona/dimona.ts';
import { createDmfaClient, type Dmfa } from './dmfa/dmfa.ts';
import { createImmigrationOfficeClient, type ImmigrationOffice } from './federal/immigration-office.ts';
import { createSourceHttpClient, type SourceHttpClient } from './http/source-http-client.ts';
import { createEnterpriseRegisterClient, type EnterpriseRegister } from './kbo/enterprise-register.ts';
import { createRecognitionRegisterClient, type RecognitionRegister } from './naric/naric.ts';
import {
  createNationalRegisterClient,
  type NationalRegister,
} from './national-register/national-register.ts';
import { type Clock, systemClock } from './resilience/clock.ts';
import {
  createResilientCaller,
  type ResilienceEvent,
  type ResilientCaller,
} from './resilience/resilient-caller.ts';
import { createSanctionsRegisterClient, type SanctionsRegister } from './sanctions/sanctions-register.ts';
import { SOURCE_NAMES, type SourceName } from './source-result.ts';
import { DEFAULT_SOURCE_SETTINGS, type SourceSettings } from './source-settings.ts';
import { createVacancyRegisterClient, type VacancyRegister } from './vacancies/vacancies.ts';

export interface SourceAdapterOptions {
  /** Where the registers answer: the simulator's URL, or a gateway that routes by path prefix. */
  baseUrl: string;
  /** A different base URL for some registers (a real connection replacing the simulator one by one). */
  baseUrls?: Partial<Record<SourceName, string>>;
  /** For every register, unless `settings` says otherwise. */
  timeoutMs?: number;
  retries?: number;
  cacheTtlMs?: Partial<Record<SourceName, number>>;
  /** Any other setting per register (docs/sources.md). */
  settings?: Partial<Record<SourceName, Partial<SourceSettings>>>;
  /** The time of provenance, cache expiry and the breakers' cool-down; the system clock by default. */
  now?: () => Date;
  /** How retries wait; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Where unavailability is reported: source, cause and attempts only, never the request. */
  log?: { warn(details: object, message: string): void; info?(details: object, message: string): void };
}

export interface SourceAdapters {
  kbo: EnterpriseRegister;
  nationalRegister: NationalRegister;
  dimona: Dimona;
  dmfa: Dmfa;
  vacancies: VacancyRegister;
  naric: RecognitionRegister;
  sanctions: SanctionsRegister;
  federal: ImmigrationOffice;
  /** Each register's caller, for health pages and metrics (breaker state, cache size). */
  callers: Readonly<Record<SourceName, ResilientCaller>>;
  /** Every event of every register's caller, for metrics (source, outcome, duration; never the request); returns the unsubscribe. */
  subscribe(listener: (event: ResilienceEvent) => void): () => void;
}

/** The settings of one register: defaults, then the shared overrides, then the register's own. */
export function resolveSourceSettings(source: SourceName, options: SourceAdapterOptions): SourceSettings {
  return {
    ...DEFAULT_SOURCE_SETTINGS[source],
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.cacheTtlMs?.[source] !== undefined ? { cacheTtlMs: options.cacheTtlMs[source] } : {}),
    ...options.settings?.[source],
  };
}

/** State changes are logged (opened as a warning, closed again as information); single calls are not. */
function reportEvent(log: SourceAdapterOptions['log'], event: ResilienceEvent): void {
  if (!log) return;
  if (event.type === 'CIRCUIT_OPENED') log.warn(event, 'register circuit opened');
  else if (event.type === 'UNAVAILABLE') log.warn(event, 'register unavailable');
  else if (event.type === 'CIRCUIT_CLOSED') log.info?.(event, 'register circuit closed again');
}

/** Every register adapter, each with its own resilient caller (breaker and cache are per register). */
export function createSourceAdapters(options: SourceAdapterOptions): SourceAdapters {
  const now = options.now ?? (() => new Date());
  const clock: Clock = { now: () => now().getTime(), sleep: options.sleep ?? systemClock.sleep };
  const callers = {} as Record<SourceName, ResilientCaller>;
  const listeners = new Set<(event: ResilienceEvent) => void>();
  const clients = {} as Record<SourceName, SourceHttpClient>;
  for (const source of SOURCE_NAMES) {
    const settings = resolveSourceSettings(source, options);
    callers[source] = createResilientCaller({
      ...settings,
      source,
      clock,
      ...(options.random ? { random: options.random } : {}),
      onEvent: (event) => {
        reportEvent(options.log, event);
        for (const listener of listeners) listener(event);
      },
    });
    clients[source] = createSourceHttpClient({
      caller: callers[source],
      baseUrl: options.baseUrls?.[source] ?? options.baseUrl,
      cacheNotFound: settings.cacheNotFound,
      now,
    });
  }
  return {
    kbo: createEnterpriseRegisterClient(clients.kbo),
    nationalRegister: createNationalRegisterClient(clients['national-register']),
    dimona: createDimonaClient(clients.dimona),
    dmfa: createDmfaClient(clients.dmfa),
    vacancies: createVacancyRegisterClient(clients.vacancies),
    naric: createRecognitionRegisterClient(clients.naric),
    sanctions: createSanctionsRegisterClient(clients.sanctions),
    federal: createImmigrationOfficeClient(clients.federal),
    callers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
