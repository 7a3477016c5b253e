import type { Role } from '../../src/auth/roles.ts';
import type { User } from '../../src/auth/users.repo.ts';
import type { Lang } from '../../src/i18n/languages.ts';

/** The signed-in user, as `GET /api/v1/session` returns it (the server's own type). */
export type SessionUser = User;

export interface Session {
  user: SessionUser | null;
  csrfToken: string;
  authMode: 'local' | 'oidc';
}

export interface Workspace {
  role: Role;
  tasks: string[];
  figures: Record<string, number>;
}

/** One offending field of a request, already in the user's language. */
export interface FieldError {
  path: string;
  rule: string;
  message: string;
}

/** An answer of the API that is not a success: its stable code, its message and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; requestId?: string; fields?: FieldError[] };
}

function toApiError(response: Response, payload: unknown): ApiError {
  const error = (payload as ErrorBody | null)?.error;
  return new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    error?.fields ?? [],
    error?.requestId ?? null,
  );
}

export interface ApiClientOptions {
  /** The interface language now; sent as Accept-Language so errors come back in it. */
  getLang: () => Lang;
  fetch?: typeof fetch;
}

/**
 * The web app's only door to the API: same-origin cookies, the CSRF token on every state-changing
 * request (kept from the last session answer), Accept-Language, and failures as `ApiError`.
 */
export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => window.fetch(input, init));
  let csrfToken = '';

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': options.getLang(),
      ...extraHeaders,
    };
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
    // A text body with its own content type (a bank statement as CSV) is sent as it is.
    const isRawText = typeof body === 'string' && extraHeaders['content-type'] !== undefined;
    if (body !== undefined && !isRawText) headers['content-type'] = 'application/json';
    const response = await doFetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: isRawText ? (body as string) : JSON.stringify(body) } : {}),
    });
    if (response.status === 204) return undefined as T;
    const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
    const payload: unknown = isJson ? await response.json() : null;
    if (!response.ok) throw toApiError(response, payload);
    return payload as T;
  }

  function keepToken(session: Session): Session {
    csrfToken = session.csrfToken;
    return session;
  }

  return {
    getSession: async () => keepToken(await request<Session>('GET', '/api/v1/session')),
    signIn: async (username: string, password: string) =>
      keepToken(await request<Session>('POST', '/api/v1/session', { username, password })),
    signOut: () => request<void>('DELETE', '/api/v1/session'),
    getWorkspace: (slug: string) => request<Workspace>('GET', `/api/v1/workspaces/${slug}`),
    /** Any JSON endpoint of the API (the pages type what they read). */
    call: request,
    /** A multipart upload (documents): the browser sets the boundary. */
    upload: async <T>(path: string, form: FormData): Promise<T> => {
      const response = await doFetch(path, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'accept-language': options.getLang(),
          'x-csrf-token': csrfToken,
        },
        credentials: 'same-origin',
        body: form,
      });
      const payload = (await response.json().catch(() => null)) as unknown;
      if (!response.ok) throw toApiError(response, payload);
      return payload as T;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
