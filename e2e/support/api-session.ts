import { type APIRequestContext, request } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.ts';

const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface ApiSession {
  call<T = Record<string, unknown>>(method: string, url: string, data?: unknown): Promise<T>;
  upload(url: string, documentType: string): Promise<void>;
  dispose(): Promise<void>;
}

/** An API client signed in as `username`: cookies kept by Playwright, the CSRF token sent along. */
export async function signInApi(baseURL: string, username: string): Promise<ApiSession> {
  const context: APIRequestContext = await request.newContext({ baseURL });
  let csrfToken = ((await (await context.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken;
  async function call<T>(method: string, url: string, data?: unknown): Promise<T> {
    const response = await context.fetch(url, {
      method,
      headers: { 'x-csrf-token': csrfToken, 'accept-language': 'nl' },
      ...(data === undefined ? {} : { data }),
    });
    const body = await response.text();
    if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${body}`);
    return (body ? JSON.parse(body) : undefined) as T;
  }
  csrfToken = (
    await call<{ csrfToken: string }>('POST', '/api/v1/session', { username, password: DEMO_PASSWORD })
  ).csrfToken;
  return {
    call,
    async upload(url, documentType) {
      const response = await context.post(url, {
        headers: { 'x-csrf-token': csrfToken },
        multipart: {
          documentType,
          file: { name: 'scan.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES },
        },
      });
      if (response.status() !== 201) throw new Error(`upload ${documentType}: ${await response.text()}`);
    },
    dispose: () => context.dispose(),
  };
}

export interface FiledDossier {
  id: string;
  number: string;
  version: number;
  status: string;
  requiredDocumentTypes: string[];
}

/** Draft → steps → documents → submit, as the employer's portal does it, for the demo enterprise. */
export async function fileAndSubmitDossier<T extends FiledDossier = FiledDossier>(
  employer: ApiSession,
  category: string,
  steps: Record<string, Record<string, unknown>>,
): Promise<T> {
  const draft = await employer.call<T>('POST', '/api/v1/dossiers', {
    category,
    enterpriseNumber: '0403.170.701',
  });
  let version = draft.version;
  for (const [step, answers] of Object.entries(steps)) {
    version = (
      await employer.call<T>('PUT', `/api/v1/dossiers/${draft.id}/steps/${step}`, { version, answers })
    ).version;
  }
  const current = await employer.call<T>('GET', `/api/v1/dossiers/${draft.id}`);
  for (const type of current.requiredDocumentTypes) {
    await employer.upload(`/api/v1/dossiers/${draft.id}/documents`, type);
  }
  return employer.call<T>('POST', `/api/v1/dossiers/${draft.id}/submit`, {});
}

/** The case handler's first two steps on a filed dossier: the fee recorded as paid, the review started. */
export async function payAndStartReview(
  baseURL: string,
  filed: FiledDossier,
  paidOn: string,
): Promise<FiledDossier> {
  const caseHandler = await signInApi(baseURL, 'behandelaar');
  try {
    const paid = await caseHandler.call<FiledDossier>('POST', `/api/v1/dossiers/${filed.id}/fee/payment`, {
      paidOn,
      version: filed.version,
    });
    return await caseHandler.call<FiledDossier>('POST', `/api/v1/dossiers/${filed.id}/actions`, {
      action: 'START_REVIEW',
      version: paid.version,
    });
  } finally {
    await caseHandler.dispose();
  }
}
