import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { type Config, loadConfig } from '../src/server/config.ts';
import { DatabaseState } from '../src/server/database-state.ts';
import type { SourceAdapters } from '../src/sources/index.ts';
import type { TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
}

export async function createTestApp(
  database: TestDatabase | null,
  overrides: Partial<Config> = {},
  options: {
    now?: () => Date;
    sources?: SourceAdapters;
    /** The pool behind the database, for the saturation metrics. */
    pool?: { totalCount: number; idleCount: number; waitingCount: number };
  } = {},
): Promise<TestApp> {
  const rawLogs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      rawLogs.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const config = { ...loadConfig({ LOG_LEVEL: 'info' }), ...overrides };
  const state = new DatabaseState(database?.db);
  if (options.pool) state.observePool(options.pool);
  const app = await buildApp({
    config,
    database: state,
    logStream,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sources ? { sources: options.sources } : {}),
  });
  await app.ready();
  return {
    app,
    rawLogs,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

/** A signed-in client for `app.inject()`: keeps cookies and sends the CSRF token. */
export interface Session {
  cookies: Record<string, string>;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

function collectCookies(response: LightMyRequestResponse, into: Record<string, string>): void {
  for (const cookie of response.cookies) into[cookie.name] = cookie.value;
}

export async function anonymousSession(app: FastifyInstance): Promise<Session> {
  const cookies: Record<string, string> = {};
  const first = await app.inject({ method: 'GET', url: '/api/v1/session' });
  collectCookies(first, cookies);
  const session: Session = {
    cookies,
    csrfToken: first.json().csrfToken,
    async request(method, url, body, headers = {}) {
      const response = await app.inject({
        method: method as 'GET',
        url,
        cookies,
        headers: { 'x-csrf-token': session.csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      collectCookies(response, cookies);
      return response;
    },
  };
  return session;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const session = await anonymousSession(app);
  const response = await session.request('POST', '/api/v1/session', { username, password });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  session.csrfToken = response.json().csrfToken;
  return session;
}

/** A multipart/form-data body for `inject()`: text fields, then one file. */
export function multipartBody(
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; content: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----loket${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
