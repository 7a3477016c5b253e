import type { LightMyRequestResponse } from 'fastify';
import type { Session } from './test-app.ts';

/**
 * A signed-in client over real HTTP, for tests that run Loket as processes. It keeps the cookies
 * and the CSRF token like `test-app.ts`'s Session, and sends each request to the next of `baseUrls`
 * in turn: one session used on several instances, as behind a load balancer without stickiness.
 */
export interface HttpSession extends Session {
  /** The instances the requests go to, in turn; change it to drop one that was stopped. */
  baseUrls: string[];
}

/** Enough of an inject() answer for the drivers in test/ (status, body, json, headers). */
function asResponse(status: number, headers: Headers, body: string): LightMyRequestResponse {
  return {
    statusCode: status,
    body,
    payload: body,
    headers: Object.fromEntries(headers.entries()),
    json: () => JSON.parse(body),
  } as unknown as LightMyRequestResponse;
}

export function httpSession(baseUrls: string[]): HttpSession {
  let turn = 0;
  const session: HttpSession = {
    baseUrls,
    cookies: {},
    csrfToken: '',
    async request(method, url, body, headers = {}) {
      const base = session.baseUrls[turn++ % session.baseUrls.length] as string;
      const isRaw = Buffer.isBuffer(body) || typeof body === 'string';
      const cookie = Object.entries(session.cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
      const response = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
          ...(body !== undefined && !isRaw ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : {
              body: Buffer.isBuffer(body)
                ? new Uint8Array(body)
                : typeof body === 'string'
                  ? body
                  : JSON.stringify(body),
            }),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair?.indexOf('=') ?? -1;
        if (pair && at > 0) session.cookies[pair.slice(0, at)] = pair.slice(at + 1);
      }
      return asResponse(response.status, response.headers, await response.text());
    },
  };
  return session;
}

/** Signs in over HTTP (on the first of `baseUrls`); the session then goes to each in turn. */
export async function httpSignIn(baseUrls: string[], username: string, password: string) {
  const session = httpSession(baseUrls.slice(0, 1));
  session.csrfToken = (await session.request('GET', '/api/v1/session')).json().csrfToken;
  const response = await session.request('POST', '/api/v1/session', { username, password });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  session.csrfToken = response.json().csrfToken;
  session.baseUrls = [...baseUrls];
  return session;
}
