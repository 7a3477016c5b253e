import { randomUUID } from 'node:crypto';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { type Dispatcher, request } from 'undici';
import type { ResilientCaller } from '../resilience/resilient-caller.ts';
import { RetryableFailure } from '../resilience/resilient-caller.ts';
import { SourceRequestError, SourceResponseError } from '../source-errors.ts';
import type { Answer, Lookup, Provenance } from '../source-result.ts';

/**
 * The HTTP side shared by every register adapter: one HTTP request per attempt inside the resilient
 * caller, the answer's status mapped to a result (200 found, 404 not found), a failure a retry
 * may cure (network, 5xx, 429), or a refusal (other 4xx). Bodies are checked against the
 * register's schema: a register is outside our control and its answers are input like any other.
 * Schemas are tolerant readers (extra fields allowed), so a register adding a field breaks nothing.
 */

export interface SourceHttpClientOptions {
  caller: ResilientCaller;
  baseUrl: string;
  /** Whether "no such record" is cached like a record (true for registers where absence is stable). */
  cacheNotFound: boolean;
  now: () => Date;
  newRequestId?: () => string;
}

export interface SourceHttpClient {
  /** GET a record by path: 200 → found, 404 → not found; cached per path (found records only when `cacheWhen` says so). */
  lookup<S extends TSchema>(
    path: string,
    schema: S,
    options?: { cacheWhen?: (value: Static<S>) => boolean },
  ): Promise<Lookup<Static<S>>>;
  /** POST a body; never cached. Retried only because every POST Loket makes carries an idempotency key. */
  post<S extends TSchema>(
    path: string,
    body: unknown,
    schema: S,
    headers?: Record<string, string>,
  ): Promise<Answer<Static<S>>>;
}

const validators = new WeakMap<TSchema, ReturnType<typeof Compile>>();

function validatorFor(schema: TSchema) {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  return validator;
}

function headerOf(response: Dispatcher.ResponseData, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Reads a body we do not use to its end, so the connection can serve the next call. */
async function discard(response: Dispatcher.ResponseData): Promise<void> {
  await response.body.dump().catch(() => {});
}

function parseRetryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1_000 : undefined;
}

export function createSourceHttpClient(options: SourceHttpClientOptions): SourceHttpClient {
  const { caller } = options;
  const source = caller.source;
  const base = options.baseUrl.replace(/\/+$/, '');
  const newRequestId = options.newRequestId ?? randomUUID;

  /** One attempt: the response, or a RetryableFailure for what another attempt might not meet. */
  async function send(
    path: string,
    init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
    signal: AbortSignal,
  ) {
    const sentId = newRequestId();
    let response: Dispatcher.ResponseData;
    try {
      // undici's request rather than fetch: the same client underneath, at a quarter of the CPU per
      // call (bench:intake makes hundreds of register calls at once).
      response = await request(`${base}${path}`, {
        method: init.method,
        ...(init.body === undefined ? {} : { body: init.body }),
        signal,
        headers: { accept: 'application/json', 'x-request-id': sentId, ...init.headers },
      });
    } catch (error) {
      if (signal.aborted) throw error; // the caller reports it as a timeout
      throw new RetryableFailure('NETWORK');
    }
    const provenance: Provenance = {
      source,
      fetchedAt: options.now().toISOString(),
      requestId: headerOf(response, 'x-request-id') ?? sentId,
    };
    const status = response.statusCode;
    if (status >= 500 || status === 429) {
      await discard(response);
      if (status === 429) {
        throw new RetryableFailure('RATE_LIMITED', 429, parseRetryAfterMs(headerOf(response, 'retry-after')));
      }
      throw new RetryableFailure('HTTP_5XX', status);
    }
    return { response, provenance };
  }

  /** Reads and checks a 2xx body; a body cut off mid-way is a network failure, a wrong one a contract break. */
  async function readBody<S extends TSchema>(
    response: Dispatcher.ResponseData,
    schema: S,
    signal: AbortSignal,
  ) {
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      if (signal.aborted) throw error;
      throw new RetryableFailure('NETWORK');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new SourceResponseError(source, 'the body is not JSON');
    }
    const validator = validatorFor(schema);
    if (!validator.Check(body)) {
      // Paths and messages only: values may be personal data and errors end up in logs.
      const [first] = validator.Errors(body) as Array<{ instancePath?: string; message?: string }>;
      throw new SourceResponseError(
        source,
        `${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`,
      );
    }
    return body as Static<S>;
  }

  async function refuse(response: Dispatcher.ResponseData): Promise<never> {
    await discard(response);
    throw new SourceRequestError(source, `status ${response.statusCode}`, response.statusCode);
  }

  return {
    lookup(path, schema, lookupOptions = {}) {
      return caller.call(
        async (signal) => {
          const { response, provenance } = await send(path, { method: 'GET' }, signal);
          if (response.statusCode === 404) {
            await discard(response);
            return { found: false, provenance } as const;
          }
          if (response.statusCode !== 200) return refuse(response);
          return { found: true, value: await readBody(response, schema, signal), provenance } as const;
        },
        {
          cacheKey: `GET ${path}`,
          isCacheable: (result) =>
            result.found ? (lookupOptions.cacheWhen?.(result.value) ?? true) : options.cacheNotFound,
        },
      );
    },

    post(path, body, schema, headers = {}) {
      return caller.call(async (signal) => {
        const { response, provenance } = await send(
          path,
          {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json', ...headers },
          },
          signal,
        );
        if (response.statusCode !== 200 && response.statusCode !== 201) return refuse(response);
        return { value: await readBody(response, schema, signal), provenance };
      });
    },
  };
}
