/**
 * The sources module's public face: one adapter per authentic source behind a resilient HTTP
 * caller, and the register simulator that stands in for them in development, tests and the demo
 * (docs/sources.md).
 */
export {
  createSourceAdapters,
  resolveSourceSettings,
  type SourceAdapterOptions,
  type SourceAdapters,
} from './create-source-adapters.ts';
export type { Dimona, DimonaPeriod, EmployerEmployments, WorkerEmployments } from './dimona/dimona.ts';
export type { Dmfa, DmfaLine, DmfaWorkerQuarter } from './dmfa/dmfa.ts';
export type {
  AdmissibleDossierNotice,
  ImmigrationOffice,
  Receipt,
  ResidenceDecision,
} from './federal/immigration-office.ts';
export type {
  Address,
  Director,
  Enterprise,
  EnterpriseRegister,
  Establishment,
} from './kbo/enterprise-register.ts';
export type { Recognition, RecognitionRegister } from './naric/naric.ts';
export type { NationalRegister, Person } from './national-register/national-register.ts';
export type { BreakerState } from './resilience/circuit-breaker.ts';
export type { Clock } from './resilience/clock.ts';
export type { ResilienceEvent, ResilienceSettings, ResilientCaller } from './resilience/resilient-caller.ts';
export type { Sanction, SanctionRecord, SanctionsRegister } from './sanctions/sanctions-register.ts';
export {
  createSimulator,
  SIMULATOR_DEFAULTS,
  type Simulator,
  type SimulatorOptions,
} from './simulator/create-simulator.ts';
export {
  type DemoMonitoring,
  type DemoMonitoringCase,
  withDemoMonitoring,
} from './simulator/demo-monitoring.ts';
export { DEMO_EMPLOYER_NUMBER } from './simulator/generate-enterprises.ts';
export { generatePopulation, type PopulationOptions } from './simulator/generate-population.ts';
export type { Population } from './simulator/population.ts';
export {
  SourceError,
  SourceRequestError,
  SourceResponseError,
  type SourceUnavailableCause,
  SourceUnavailableError,
} from './source-errors.ts';
export type { Answer, Found, Lookup, NotFound, Provenance, SourceName } from './source-result.ts';
export { SOURCE_NAMES } from './source-result.ts';
export { DEFAULT_SOURCE_SETTINGS, type SourceSettings } from './source-settings.ts';
export type {
  PublishedVacancy,
  PublishedVacancyPage,
  ShortageStatus,
  Vacancy,
  VacancyChannel,
  VacancyRegister,
} from './vacancies/vacancies.ts';
export { VACANCY_CHANNELS } from './vacancies/vacancies.ts';
