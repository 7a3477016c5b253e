import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_BYTES } from '../../test/dossier-driver.ts';
import {
  anonymousSession,
  createTestApp,
  multipartBody,
  type Session,
  signIn,
  type TestApp,
} from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import { loadConfig } from '../server/config.ts';
import { reportCountsByEmployer } from './desk.repo.ts';
import { solve } from './proof-of-work.ts';

// The public desk's reports end to end through the API: filed anonymously with a solved challenge,
// triaged by an inspector who asks a question, answered with the follow-up code; no address or
// identifying metadata kept; only inspectors ever see a report, and each of their reads is audited.
describe('abuse reports at the public desk', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let inspector: Session;
  const clock = new Date('2026-11-30T14:37:12Z');
  const DESCRIPTION = 'We werken 60 uur per week en krijgen 900 euro; de baas houdt onze paspoorten bij.';

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    const config = loadConfig({ LOG_LEVEL: 'info' });
    testApp = await createTestApp(
      database,
      { desk: { ...config.desk, proofOfWorkBits: 6, reportsPerHour: 1000 } },
      { now: () => clock },
    );
    inspector = await signIn(testApp.app, 'inspecteur', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  async function solvedChallenge(session: Session) {
    const issued = await session.request('POST', '/api/v1/desk/challenges');
    expect(issued.statusCode, issued.body).toBe(201);
    const { salt, bits } = issued.json();
    expect(bits).toBe(6);
    return { salt, nonce: solve(salt, bits) };
  }

  async function fileReport(overrides: Record<string, unknown> = {}) {
    const reporter = await anonymousSession(testApp.app);
    const response = await reporter.request('POST', '/api/v1/desk/reports', {
      lang: 'tr',
      reporterRole: 'WORKER',
      employerName: 'Bouwbedrijf X',
      enterpriseNumber: '0403.170.701',
      place: 'Gent',
      categories: ['UNPAID_WAGES', 'DOCUMENTS_TAKEN'],
      description: DESCRIPTION,
      challenge: await solvedChallenge(reporter),
      ...overrides,
    });
    return { reporter, response };
  }

  it('files an anonymous report, lets the inspector triage and ask, and the reporter answer with the code', async () => {
    const { reporter, response } = await fileReport();
    expect(response.statusCode, response.body).toBe(201);
    const { reference, followUpCode } = response.json();
    expect(reference).toMatch(/^M-[A-Z2-9]{8}$/);
    expect(followUpCode).toMatch(/^[A-Z2-9]{16}$/);

    const wrong = await reporter.request('POST', '/api/v1/desk/follow-up', {
      reference,
      code: 'AAAAAAAAAAAAAAAA',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('LOKET_DESK_CODE_INVALID');
    const codeAsTyped = `${followUpCode.slice(0, 4).toLowerCase()}-${followUpCode.slice(4)}`;
    const status = await reporter.request('POST', '/api/v1/desk/follow-up', { reference, code: codeAsTyped });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({
      reference,
      status: 'RECEIVED',
      receivedOn: '2026-11-30',
      messages: [],
    });

    const queue = await inspector.request('GET', '/api/v1/inspector/reports?status=RECEIVED');
    const line = queue.json().reports.find((r: { reference: string }) => r.reference === reference);
    expect(line).toMatchObject({ enterpriseNumber: '0403170701', lang: 'tr', hasNewAnswer: false });
    const read = await inspector.request('GET', `/api/v1/inspector/reports/${line.id}`);
    expect(read.json()).toMatchObject({ description: DESCRIPTION, contact: null, place: 'Gent' });
    expect(read.json().employer).toMatchObject({
      enterpriseNumber: '0403170701',
      // Named, so the inspector sees whom the number is (the demo employer's mandate names it).
      name: 'Bakkerij Peeters bv',
      reports: { total: 1, untriaged: 1 },
    });

    const asked = await inspector.request('POST', `/api/v1/inspector/reports/${line.id}/questions`, {
      body: 'Op welk adres werkt u?',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const seen = await reporter.request('POST', '/api/v1/desk/follow-up', { reference, code: followUpCode });
    expect(seen.json().messages).toMatchObject([
      { author: 'INSPECTOR', body: 'Op welk adres werkt u?', writtenOn: '2026-11-30' },
    ]);
    const answered = await reporter.request('POST', '/api/v1/desk/follow-up/answers', {
      reference,
      code: followUpCode,
      body: 'Industrieweg 12, Gent',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().messages.at(-1)).toMatchObject({
      author: 'REPORTER',
      body: 'Industrieweg 12, Gent',
    });
    const requeued = await inspector.request('GET', '/api/v1/inspector/reports');
    expect(requeued.json().reports.find((r: { id: string }) => r.id === line.id).hasNewAnswer).toBe(true);

    const noAddressee = await inspector.request('POST', `/api/v1/inspector/reports/${line.id}/triage`, {
      outcome: 'FORWARDED',
      reason: 'Huisvesting',
    });
    expect(noAddressee.statusCode).toBe(400);
    expect(noAddressee.json().error.fields[0]).toMatchObject({ path: 'forwardedTo', rule: 'required' });
    const admissible = await inspector.request('POST', `/api/v1/inspector/reports/${line.id}/triage`, {
      outcome: 'ADMISSIBLE',
      reason: 'Concrete feiten over loon en documenten',
    });
    expect(admissible.json()).toMatchObject({
      status: 'ADMISSIBLE',
      forwardedTo: null,
      triagedOn: '2026-11-30',
    });
    const forwarded = await inspector.request('POST', `/api/v1/inspector/reports/${line.id}/triage`, {
      outcome: 'FORWARDED',
      reason: 'Huisvesting',
      forwardedTo: 'Wonen in Vlaanderen, woninginspectie',
    });
    expect(forwarded.json()).toMatchObject({
      status: 'FORWARDED',
      forwardedTo: 'Wonen in Vlaanderen, woninginspectie',
    });
    const closed = await reporter.request('POST', '/api/v1/desk/follow-up/answers', {
      reference,
      code: followUpCode,
      body: 'Nog iets',
    });
    expect(closed.statusCode).toBe(409);

    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'request_id', 'details'])
      .where('subject_id', '=', line.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'DESK_REPORT_FILED',
      'DESK_REPORT_READ',
      'DESK_QUESTION_ASKED',
      'DESK_REPORT_ANSWERED',
      'DESK_REPORT_TRIAGED',
      'DESK_REPORT_TRIAGED',
    ]);
    // The reporter's acts carry no actor and no request id (which would lead to log lines).
    expect(audit.filter((a) => a.actor_user_id === null).every((a) => a.request_id === null)).toBe(true);
    expect(audit.at(-1)?.details).toEqual({
      from: 'ADMISSIBLE',
      to: 'FORWARDED',
      forwardedTo: 'Wonen in Vlaanderen, woninginspectie',
    });
    const listed = await database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'DESK_REPORTS_LISTED')
      .execute();
    expect(listed.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps no address, user agent or time of day with a report, neither in its row nor in the logs', async () => {
    const before = testApp.rawLogs.length;
    const { response } = await fileReport({
      description: 'Unieke-omschrijving-9731',
      place: 'Unieke-plaats-5521',
    });
    expect(response.statusCode).toBe(201);
    const { reference } = response.json();
    const logs = testApp.rawLogs.slice(before).join('\n');
    expect(logs).not.toContain('127.0.0.1');
    expect(logs).not.toContain('lightMyRequest'); // inject()'s user agent
    expect(logs).not.toContain('Unieke-');
    expect(logs).not.toContain(reference);
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_name like 'desk_report%'`.execute(
      database.db,
    );
    const names = columns.rows.map((c) => c.column_name);
    expect(names).toContain('received_on');
    expect(names.filter((n) => /(^|_)(ip|address|agent|time)(_|$)|_at$/.test(n))).toEqual([]);
  });

  it('refuses a spent, wrong or missing proof of work, and an invalid enterprise number, naming the field', async () => {
    const reporter = await anonymousSession(testApp.app);
    const challenge = await solvedChallenge(reporter);
    const body = { lang: 'nl', reporterRole: 'OTHER', categories: ['OTHER'], description: 'x', challenge };
    expect((await reporter.request('POST', '/api/v1/desk/reports', body)).statusCode).toBe(201);
    const again = await reporter.request('POST', '/api/v1/desk/reports', body);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0]).toMatchObject({ path: 'challenge', rule: 'proofOfWork' });
    const fresh = await solvedChallenge(reporter);
    const wrongNonce = String((Number(fresh.nonce) + 1) % 1000);
    const unsolved = await reporter.request('POST', '/api/v1/desk/reports', {
      ...body,
      challenge: { salt: fresh.salt, nonce: wrongNonce },
    });
    // 1 in 64 that the next nonce solves too; then the report is filed, which is also right.
    expect([400, 201]).toContain(unsolved.statusCode);
    const missing = await reporter.request('POST', '/api/v1/desk/reports', { ...body, challenge: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: { path: string }) => f.path)).toContain('challenge');
    const kbo = await reporter.request('POST', '/api/v1/desk/reports', {
      ...body,
      enterpriseNumber: '0403.170.702',
      challenge: await solvedChallenge(reporter),
    });
    expect(kbo.statusCode).toBe(400);
    expect(kbo.json().error.fields[0]).toMatchObject({ path: 'enterpriseNumber', rule: 'CHECK_DIGITS' });
  });

  it('checks attachments like dossier documents and strips image metadata; the inspector’s download is audited', async () => {
    const { reporter, response } = await fileReport();
    const { reference, followUpCode } = response.json();
    const upload = (name: string, type: string, content: Buffer) => {
      const { payload, headers } = multipartBody(
        { reference, code: followUpCode },
        { field: 'file', name, type, content },
      );
      return testApp.app.inject({
        method: 'POST',
        url: '/api/v1/desk/follow-up/attachments',
        payload,
        headers: { ...headers, 'x-csrf-token': reporter.csrfToken },
        cookies: reporter.cookies,
      });
    };
    const text = await upload('notes.pdf', 'application/pdf', Buffer.from('just text'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields[0]).toMatchObject({ path: 'file', rule: 'mediaType' });
    const exif = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
      Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
      Buffer.from([0xff, 0xe1, 0, 22]),
      Buffer.from('Exif\0\0Owner Jan Smet', 'latin1'),
      Buffer.from([0xff, 0xda, 0, 2, 1, 2, 0xff, 0xd9]),
    ]);
    const photo = await upload('foto-van-jan.jpg', 'image/jpeg', exif);
    expect(photo.statusCode, photo.body).toBe(201);
    expect((await upload('contract.pdf', 'application/pdf', PDF_BYTES)).statusCode).toBe(201);

    const { id } = (await inspector.request('GET', '/api/v1/inspector/reports'))
      .json()
      .reports.find((r: { reference: string }) => r.reference === reference);
    const report = (await inspector.request('GET', `/api/v1/inspector/reports/${id}`)).json();
    expect(report.attachments.map((a: { mediaType: string }) => a.mediaType)).toEqual([
      'image/jpeg',
      'application/pdf',
    ]);
    const download = await inspector.request(
      'GET',
      `/api/v1/inspector/reports/${id}/attachments/${photo.json().id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.toString('latin1')).not.toContain('Jan');
    expect(download.headers['content-disposition']).not.toContain('jan');
    const reads = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .where('action', '=', 'DESK_ATTACHMENT_READ')
      .execute();
    expect(reads).toHaveLength(1);
  });

  it('shows reports to inspectors only: employers and every other role are refused', async () => {
    const { response } = await fileReport();
    expect(response.statusCode).toBe(201);
    const { id } = (await inspector.request('GET', '/api/v1/inspector/reports')).json().reports[0];
    const routes = [
      ['GET', '/api/v1/inspector/reports'],
      ['GET', `/api/v1/inspector/reports/${id}`],
      ['POST', `/api/v1/inspector/reports/${id}/triage`],
      ['POST', `/api/v1/inspector/reports/${id}/questions`],
      ['PUT', `/api/v1/inspector/reports/${id}/employer`],
    ] as const;
    const anonymous = await anonymousSession(testApp.app);
    for (const [method, url] of routes)
      expect((await anonymous.request(method, url, {})).statusCode).toBe(401);
    for (const username of ['werkgever', 'behandelaar', 'teamleider', 'analist', 'beheerder']) {
      const other = await signIn(testApp.app, username, DEMO_PASSWORD);
      for (const [method, url] of routes)
        expect((await other.request(method, url, {})).statusCode, `${username} ${method} ${url}`).toBe(403);
    }
  });

  it('counts reports per employer for the risk ranking, admissible ones apart', async () => {
    const counts = await reportCountsByEmployer(database.db, ['0403170701']);
    expect(counts).toHaveLength(1);
    const [count] = counts;
    expect(count?.admissible).toBe(0);
    expect(count?.total).toBeGreaterThanOrEqual(4);
    expect(count?.untriaged).toBe((count?.total ?? 0) - 1);
    expect(await reportCountsByEmployer(database.db, [])).toEqual([]);
  });
});
