import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResilientCaller } from '../resilience/resilient-caller.ts';
import { SourceRequestError, SourceResponseError } from '../source-errors.ts';
import { createSourceHttpClient } from './source-http-client.ts';

/** A register that answers each path in a fixed way, counting the calls and keeping the request ids. */
const calls = new Map<string, number>();
const seenRequestIds: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '';
    const count = (calls.get(path) ?? 0) + 1;
    calls.set(path, count);
    seenRequestIds.push(String(request.headers['x-request-id']));
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (path === '/record')
      return json(200, { id: 'r1', extra: 'ignored' }, { 'x-request-id': 'register-42' });
    if (path === '/no-id') return json(200, { id: 'r2' });
    if (path === '/wrong-shape') return json(200, { id: 7 });
    if (path === '/not-json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end('<html>');
    }
    if (path === '/forbidden') return json(403, { error: 'FORBIDDEN' });
    if (path === '/busy')
      return count === 1 ? json(429, {}, { 'retry-after': '1' }) : json(200, { id: 'r3' });
    if (path === '/post') return json(201, { id: String(request.headers['idempotency-key']) });
    return json(404, { error: 'NOT_FOUND' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const RecordSchema = Type.Object({ id: Type.String() });

function aClient(sleeps: number[] = []) {
  const caller = createResilientCaller({
    source: 'naric',
    timeoutMs: 2_000,
    retries: 2,
    backoffBaseMs: 10,
    backoffMaxMs: 5_000,
    failureThreshold: 5,
    cooldownMs: 1_000,
    cacheTtlMs: 60_000,
    cacheMaxEntries: 10,
    clock: {
      now: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    random: () => 0,
  });
  const ids = ['loket-1', 'loket-2', 'loket-3', 'loket-4'];
  return createSourceHttpClient({
    caller,
    baseUrl,
    cacheNotFound: false,
    now: () => new Date('2026-11-23T12:00:00Z'),
    newRequestId: () => ids.shift() ?? 'loket-x',
  });
}

describe('source HTTP client', () => {
  it('reads a record, tolerating extra fields, with the register’s request id as provenance', async () => {
    const result = await aClient().lookup('/record', RecordSchema);
    expect(result).toEqual({
      found: true,
      value: { id: 'r1', extra: 'ignored' },
      provenance: { source: 'naric', fetchedAt: '2026-11-23T12:00:00.000Z', requestId: 'register-42' },
    });
  });

  it('uses the request id it sent when the register gives none back', async () => {
    const result = await aClient().lookup('/no-id', RecordSchema);
    expect(result.provenance.requestId).toBe('loket-1');
    expect(seenRequestIds).toContain('loket-1');
  });

  it('maps 404 to "not found" without retrying, and does not cache it when told not to', async () => {
    const client = aClient();
    expect((await client.lookup('/missing', RecordSchema)).found).toBe(false);
    expect((await client.lookup('/missing', RecordSchema)).found).toBe(false);
    expect(calls.get('/missing')).toBe(2);
  });

  it('refuses a body of the wrong shape or not JSON, naming the path but not the value', async () => {
    const error = await aClient()
      .lookup('/wrong-shape', RecordSchema)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceResponseError);
    expect((error as Error).message).toContain('/id');
    expect((error as Error).message).not.toContain('7');
    await expect(aClient().lookup('/not-json', RecordSchema)).rejects.toThrow(/not JSON/);
    expect(calls.get('/wrong-shape')).toBe(1);
  });

  it('does not retry a 4xx other than 404 and 429', async () => {
    await expect(aClient().lookup('/forbidden', RecordSchema)).rejects.toBeInstanceOf(SourceRequestError);
    expect(calls.get('/forbidden')).toBe(1);
  });

  it('retries a 429 after its Retry-After', async () => {
    const sleeps: number[] = [];
    const result = await aClient(sleeps).lookup('/busy', RecordSchema);
    expect(result.found).toBe(true);
    expect(sleeps).toEqual([1_000]);
  });

  it('posts JSON with the given headers and reads the answer', async () => {
    const answer = await aClient().post('/post', { a: 1 }, RecordSchema, { 'idempotency-key': 'k-1' });
    expect(answer.value).toEqual({ id: 'k-1' });
  });
});
