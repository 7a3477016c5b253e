import type { SourceName } from './source-result.ts';

/**
 * The sources module's error catalogue: stable `LOKET_SOURCE_…` codes, no HTTP types. The edge
 * decides what a case handler sees (typically: "register unavailable, try again later").
 */
export abstract class SourceError extends Error {
  abstract readonly code: string;
}

/** Why a register could not be reached; all but CIRCUIT_OPEN were retried first. */
export type SourceUnavailableCause = 'TIMEOUT' | 'NETWORK' | 'HTTP_5XX' | 'RATE_LIMITED' | 'CIRCUIT_OPEN';

/** The register did not give an answer: the facts are unknown, not negative. Never cached. */
export class SourceUnavailableError extends SourceError {
  readonly code = 'LOKET_SOURCE_UNAVAILABLE';
  constructor(
    readonly source: SourceName,
    override readonly cause: SourceUnavailableCause,
    /** Attempts made (0 when the circuit was open); the HTTP status of the last one when there was one. */
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(`${source} is unavailable (${cause}${status ? ` ${status}` : ''}) after ${attempts} attempt(s)`);
    this.name = 'SourceUnavailableError';
  }
}

/**
 * Loket asked something the register cannot answer: an identifier that fails its check digits
 * (refused before any call), or a 4xx other than 404/429 from the register. Retrying cannot help.
 */
export class SourceRequestError extends SourceError {
  readonly code = 'LOKET_SOURCE_REQUEST_INVALID';
  constructor(
    readonly source: SourceName,
    readonly detail: string,
    readonly status?: number,
  ) {
    super(`${source} refused the request: ${detail}`);
    this.name = 'SourceRequestError';
  }
}

/** The register answered 200 with a body that is not the agreed shape: a contract break to report. */
export class SourceResponseError extends SourceError {
  readonly code = 'LOKET_SOURCE_RESPONSE_INVALID';
  constructor(
    readonly source: SourceName,
    readonly detail: string,
  ) {
    super(`${source} answered with an unexpected body: ${detail}`);
    this.name = 'SourceResponseError';
  }
}
