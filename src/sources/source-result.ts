/**
 * What every register answer looks like to Loket: a record with its provenance, or "the register
 * has no such record" with its provenance. "Not found" is an answer, not a failure: a KBO number
 * nobody registered is a fact for the case handler (and may be cached), while a register that
 * does not answer is an error (`SourceUnavailableError`) and never cached.
 */

/** The authentic sources Loket reads from (reference.md §7); the federal immigration office also receives. */
export const SOURCE_NAMES = [
  'kbo',
  'national-register',
  'dimona',
  'dmfa',
  'vacancies',
  'naric',
  'sanctions',
  'federal',
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Where a fact came from: kept with every fact gathered for a dossier (STYLE.md: facts with provenance). */
export interface Provenance {
  readonly source: SourceName;
  /** When Loket received the answer (ISO 8601); a cached answer keeps its original time. */
  readonly fetchedAt: string;
  /** The register's `x-request-id`, or the one Loket sent when the register gave none back. */
  readonly requestId: string;
}

export interface Found<T> {
  readonly found: true;
  readonly value: T;
  readonly provenance: Provenance;
}

export interface NotFound {
  readonly found: false;
  readonly provenance: Provenance;
}

/** The answer of a lookup by identifier. */
export type Lookup<T> = Found<T> | NotFound;

/** The answer of a register call that always has a body (a receipt, a decision asked by receipt). */
export interface Answer<T> {
  readonly value: T;
  readonly provenance: Provenance;
}
