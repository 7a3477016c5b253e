import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
  PDF_BYTES,
} from '../../test/dossier-driver.ts';
import { anonymousSession } from '../../test/test-app.ts';

const HEADER = 'booking_date;amount;currency;counterparty_name;counterparty_iban;communication';
const pathsOf = (body: { error: { fields?: { path: string; rule: string }[] } }) =>
  (body.error.fields ?? []).map((f) => `${f.path} ${f.rule}`);

describe('input that used to reach PostgreSQL and answer 500', () => {
  let world: DossierWorld;
  let draftId: string;
  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
    draftId = (await dossierDriver(world.employer).startDraft('HIGHLY_SKILLED')).id;
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('answers a NUL or a lone surrogate in any text field 400, naming the field', async () => {
    const login = await (await anonymousSession(world.testApp.app)).request('POST', '/api/v1/session', {
      username: 'werk\u0000gever',
      password: 'x',
    });
    expect(login.statusCode, login.body).toBe(400);
    expect(pathsOf(login.json())).toEqual(['username format:text']);

    const step = await dossierDriver(world.employer).saveStep(draftId, 'worker', 1, {
      ...HIGHLY_SKILLED_ANSWERS.worker,
      'workerIdentity.familyName': 'Ra\uD800man',
    });
    expect(step.statusCode, step.body).toBe(400);
    expect(pathsOf(step.json())).toEqual(['answers.workerIdentity.familyName format:text']);

    const note = await world.caseHandler.request('POST', `/api/v1/dossiers/${draftId}/actions`, {
      action: 'REQUEST_INFORMATION',
      version: 1,
      question: 'Which\u0000 diploma?',
    });
    expect(note.statusCode, note.body).toBe(400);
    expect(pathsOf(note.json())).toEqual(['question format:text']);
    expect(note.json().error.fields[0].message).toMatch(/nul-tekens/);

    const query = await world.caseHandler.request('GET', '/api/v1/queue?scope=%00');
    expect(query.statusCode).toBe(400);
    expect(pathsOf(query.json())).toContain('query.scope format:text');
  });

  it('names unknown query parameters even when there are thousands of them', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => `p${i}=1`).join('&');
    const answer = await world.caseHandler.request('GET', `/api/v1/queue?${many}`);
    expect(answer.statusCode).toBe(400);
    expect(pathsOf(answer.json())).toContain('query.p0 additionalProperties');
  });

  it('rejects dates outside 1900–2199 for payments and permit validity', async () => {
    const paid = await world.caseHandler.request('POST', `/api/v1/dossiers/${draftId}/fee/payment`, {
      paidOn: '0001-01-01',
      version: 1,
    });
    expect(paid.statusCode, paid.body).toBe(400);
    expect(pathsOf(paid.json())).toEqual(['paidOn format:date']);
    const grant = await world.caseHandler.request('POST', `/api/v1/dossiers/${draftId}/actions`, {
      action: 'GRANT',
      version: 1,
      validFrom: '2026-03-02',
      validUntil: '9999-12-31',
    });
    expect(grant.statusCode, grant.body).toBe(400);
    expect(pathsOf(grant.json())).toEqual(['validUntil format:date']);
  });

  it('imports a 12 000-line statement, and reports amounts and dates out of range per line', async () => {
    const lines = Array.from(
      { length: 12_000 },
      (_, i) => `02/03/2026;${(i % 900) + 1},00;EUR;Payer ${i};;invoice ${i}`,
    );
    const big = await world.caseHandler.request(
      'POST',
      '/api/v1/fee-payments/import',
      [HEADER, ...lines].join('\n'),
      { 'content-type': 'text/csv' },
    );
    expect(big.statusCode, big.body.slice(0, 500)).toBe(200);
    expect(big.json()).toMatchObject({ transactions: 12_000, errors: [] });

    const odd = [
      HEADER,
      '02/03/2026;99999999999,00;EUR;Rich;;x',
      '0001-01-01;10,00;EUR;Early;;y',
      '31/12/9999;10,00;EUR;Late;;z',
    ].join('\n');
    const answer = await world.caseHandler.request('POST', '/api/v1/fee-payments/import', odd, {
      'content-type': 'text/csv',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().errors).toEqual([
      { line: 2, field: 'amount', rule: 'amount' },
      { line: 3, field: 'booking_date', rule: 'date' },
      { line: 4, field: 'booking_date', rule: 'date' },
    ]);
  });
});

describe("Fastify's own errors in Loket's format and the caller's language", () => {
  let world: DossierWorld;
  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('an undecodable URL', async () => {
    const answer = await world.testApp.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers/%E0%A4%A',
      headers: { 'accept-language': 'fr' },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error).toMatchObject({ code: 'LOKET_VALIDATION_FAILED', fields: [{ path: 'url' }] });
    expect(answer.json().error.message).toMatch(/La demande contient/);
  });

  it('a body over the limit names the limit', async () => {
    const answer = await world.employer.request(
      'POST',
      '/api/v1/dossiers',
      JSON.stringify({ category: 'x'.repeat(2_000_000) }),
      { 'content-type': 'application/json', 'accept-language': 'en' },
    );
    expect(answer.statusCode).toBe(413);
    expect(answer.json().error.code).toBe('LOKET_PAYLOAD_TOO_LARGE');
    expect(answer.json().error.message).toBe('The content is too large (at most 1 MB).');
  });

  it('malformed JSON, without English inside a Dutch answer', async () => {
    const answer = await world.employer.request('POST', '/api/v1/dossiers', '{"category":', {
      'content-type': 'application/json',
      'accept-language': 'nl',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.fields).toEqual([
      { path: 'body', rule: 'json', message: 'is geen geldige JSON' },
    ]);
  });

  it('an unsupported media type', async () => {
    const answer = await world.employer.request('POST', '/api/v1/dossiers', 'category=x', {
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': 'fr',
    });
    expect(answer.statusCode).toBe(415);
    expect(answer.json().error).toMatchObject({ code: 'LOKET_UNSUPPORTED_MEDIA_TYPE' });
    expect(answer.json().error.message).toBe(
      "Ce type de contenu n'est pas accepté ; attendu : application/json.",
    );
    // An upload says it wants a form, not JSON.
    const draft = await dossierDriver(world.employer).startDraft('HIGHLY_SKILLED');
    const upload = await world.employer.request(
      'POST',
      `/api/v1/dossiers/${draft.id}/documents`,
      { documentType: 'PASSPORT' },
      { 'accept-language': 'nl' },
    );
    expect(upload.statusCode, upload.body).toBe(415);
    expect(upload.json().error.message).toBe(
      'Dit inhoudstype wordt niet aanvaard; verwacht: multipart/form-data.',
    );
  });
});

describe('malformed multipart forms (uploads) answer 400 naming the rule, never 500', () => {
  let world: DossierWorld;
  let draftId: string;
  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
    draftId = (await dossierDriver(world.employer).startDraft('HIGHLY_SKILLED')).id;
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const boundary = '----loket-malformed';
  const multipart = `multipart/form-data; boundary=${boundary}`;
  const field = (name: string, value = 'PASSPORT') =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const file = (name: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n${PDF_BYTES.toString('latin1')}\r\n`;
  const end = `--${boundary}--\r\n`;
  const cases: Array<[string, string, string, { path: string; rule: string }]> = [
    ['without a boundary', 'multipart/form-data', 'x', { path: 'body', rule: 'multipart' }],
    [
      'with a boundary too long',
      `multipart/form-data; boundary=${'b'.repeat(300)}`,
      'x',
      { path: 'body', rule: 'multipart' },
    ],
    [
      'cut off in the file',
      multipart,
      `${field('documentType')}${file('a.pdf').slice(0, 150)}`,
      { path: 'body', rule: 'multipart' },
    ],
    [
      'with two files',
      multipart,
      `${field('documentType')}${file('a.pdf')}${file('b.pdf')}${end}`,
      { path: 'file', rule: 'maxFiles' },
    ],
    [
      'with more fields than the form has',
      multipart,
      `${[1, 2, 3, 4, 5, 6].map((n) => field(`f${n}`)).join('')}${file('a.pdf')}${end}`,
      { path: 'body', rule: 'maxFields' },
    ],
  ];

  it.each(cases)('a document upload %s', async (_name, contentType, payload, expected) => {
    const answer = await world.employer.request('POST', `/api/v1/dossiers/${draftId}/documents`, payload, {
      'content-type': contentType,
      'accept-language': 'fr',
    });
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().error.fields).toEqual([{ ...expected, message: expect.any(String) }]);
    expect(answer.json().error.fields[0].message).not.toMatch(/[{}]|multipart data|Boundary/);
  });

  it('a desk attachment without a boundary or with two files', async () => {
    const reporter = await anonymousSession(world.testApp.app);
    const send = (contentType: string, payload: string) =>
      reporter.request('POST', '/api/v1/desk/follow-up/attachments', payload, {
        'content-type': contentType,
        'accept-language': 'nl',
      });
    const noBoundary = await send('multipart/form-data', 'x');
    expect(noBoundary.statusCode, noBoundary.body).toBe(400);
    expect(noBoundary.json().error.fields[0]).toMatchObject({ path: 'body', rule: 'multipart' });
    const twoFiles = await send(
      multipart,
      `${field('reference', 'R')}${file('a.pdf')}${file('b.pdf')}${end}`,
    );
    expect(twoFiles.statusCode, twoFiles.body).toBe(400);
    expect(twoFiles.json().error.fields[0]).toMatchObject({
      path: 'file',
      rule: 'maxFiles',
      message: 'bevat meer dan één bestand: stuur er één per keer',
    });
  });
});
