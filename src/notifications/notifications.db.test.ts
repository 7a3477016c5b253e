import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../test/dossier-driver.ts';
import { startSmtpServer } from '../../test/smtp-server.ts';
import { type Session, signIn } from '../../test/test-app.ts';
import { createSmtpTransport, MAX_ATTEMPTS, sendDueMails } from './send-mail.ts';

function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/(=[0-9A-F]{2})+/g, (hex) => Buffer.from(hex.replaceAll('=', ''), 'hex').toString('utf8'));
}

describe('e-mail to employers and workers', () => {
  let world: DossierWorld;
  let employer: Session;
  let caseHandler: Session;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const clock = new Date('2026-03-02T09:00:00Z');
  const publicUrl = 'https://loket.example.be';

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ employer, caseHandler } = world);
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await world?.dispose();
  });

  const mails = (dossierId: string) =>
    world.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
  const act = (session: Session, id: string, body: Record<string, unknown>) =>
    session.request('POST', `/api/v1/dossiers/${id}/actions`, body);

  it('queues a mail with each change the employer must hear of, and a decision for the worker', async () => {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    // Saving a draft tells nobody anything.
    expect(await mails(draft.id)).toHaveLength(0);
    const submitted = await driver.submit(draft.id);
    expect((await mails(draft.id)).map((m) => [m.kind, m.audience, m.recipient])).toEqual([
      ['RECEIVED', 'EMPLOYER', 'an.peeters@bakkerij-peeters.example'],
    ]);

    const paid = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: submitted.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    let view = (
      await act(caseHandler, draft.id, { action: 'START_REVIEW', version: paid.json().version })
    ).json();
    view = (
      await act(caseHandler, draft.id, {
        action: 'REQUEST_INFORMATION',
        version: view.version,
        question: 'Please add the signed employment contract.',
      })
    ).json();
    view = (
      await act(employer, draft.id, {
        action: 'ANSWER_INFORMATION',
        version: view.version,
        answer: 'Attached.',
      })
    ).json();
    await world.database.db
      .updateTable('dossiers')
      .set({ worker_email: 'worker@example.org' })
      .where('id', '=', draft.id)
      .execute();
    const granted = await act(caseHandler, draft.id, {
      action: 'GRANT',
      version: view.version,
      validFrom: '2026-05-01',
      validUntil: '2027-04-30',
    });
    expect(granted.statusCode, granted.body).toBe(200);

    const queued = await mails(draft.id);
    expect(queued.map((m) => [m.kind, m.audience, m.reported_status])).toEqual([
      ['RECEIVED', 'EMPLOYER', 'SUBMITTED'],
      ['ACTION_NEEDED', 'EMPLOYER', 'INFORMATION_REQUESTED'],
      ['DECISION', 'EMPLOYER', 'DECIDED_GRANTED'],
      ['DECISION', 'WORKER', 'DECIDED_GRANTED'],
    ]);
    expect(queued.every((m) => m.status === 'PENDING' && m.dossier_number === submitted.number)).toBe(true);
  });

  it('sends the outbox over SMTP once, in the recipient’s language, with no personal data', async () => {
    smtp.state.rejectWith = null;
    const transport = createSmtpTransport(smtp.url, 'Loket <no-reply@loket.example.be>');
    try {
      const first = await sendDueMails(world.database.db, transport, { publicUrl }, 100);
      expect(first.sent).toBeGreaterThanOrEqual(4);
      expect(first.failed + first.retrying).toBe(0);
      // A second round finds nothing: every mail is sent exactly once.
      expect(await sendDueMails(world.database.db, transport, { publicUrl }, 100)).toEqual({
        sent: 0,
        failed: 0,
        retrying: 0,
      });
    } finally {
      transport.close();
    }
    const toWorker = smtp.received.filter((mail) => mail.to.includes('worker@example.org'));
    expect(toWorker).toHaveLength(1);
    const text = decodeQuotedPrintable(toWorker[0]?.raw ?? '');
    expect(text).toMatch(/Subject: Loket: beslissing in dossier/);
    expect(text).toContain(`${publicUrl}/worker`);
    expect(text).toContain('toegekend');
    const decision = smtp.received.find(
      (mail) =>
        /beslissing/.test(decodeQuotedPrintable(mail.raw)) &&
        mail.to.includes('an.peeters@bakkerij-peeters.example'),
    );
    expect(decision).toBeDefined();
    // The worker's name (from the demo answers) is in none of the mails.
    const familyName = HIGHLY_SKILLED_ANSWERS.worker['workerIdentity.familyName'];
    for (const mail of smtp.received) expect(decodeQuotedPrintable(mail.raw)).not.toContain(familyName);
    const sent = await world.database.db.selectFrom('mail_outbox').selectAll().execute();
    expect(sent.every((m) => m.status === 'SENT' && m.subject && m.body_text && m.attempts === 1)).toBe(true);
  });

  it('retries a mail the server refuses for now, and gives up on one it refuses for good', async () => {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    await driver.submit(draft.id);
    const transport = createSmtpTransport(smtp.url, 'no-reply@loket.example.be');
    try {
      smtp.state.rejectWith = 451;
      expect(await sendDueMails(world.database.db, transport, { publicUrl })).toMatchObject({ retrying: 1 });
      let [mail] = await mails(draft.id);
      expect(mail).toMatchObject({ status: 'PENDING', attempts: 1, last_error: 'SMTP 451' });
      expect(mail?.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 20_000);
      // Not due yet: the next round leaves it alone.
      expect(await sendDueMails(world.database.db, transport, { publicUrl })).toMatchObject({ retrying: 0 });

      await world.database.db
        .updateTable('mail_outbox')
        .set({ next_attempt_at: new Date(0) })
        .execute();
      smtp.state.rejectWith = 550;
      expect(await sendDueMails(world.database.db, transport, { publicUrl })).toMatchObject({ failed: 1 });
      [mail] = await mails(draft.id);
      expect(mail).toMatchObject({ status: 'FAILED', attempts: 2, last_error: 'SMTP 550' });
    } finally {
      smtp.state.rejectWith = null;
      transport.close();
    }
    expect(MAX_ATTEMPTS).toBeGreaterThan(2);
  });

  it('shows the outbox to an administrator only, and logs the read', async () => {
    expect((await employer.request('GET', '/api/v1/mail-outbox')).statusCode).toBe(403);
    expect((await caseHandler.request('GET', '/api/v1/mail-outbox')).statusCode).toBe(403);
    const admin = await signIn(world.testApp.app, 'beheerder', 'loket-demo');
    const response = await admin.request('GET', '/api/v1/mail-outbox?limit=2');
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.mails).toHaveLength(2);
    expect(page.mails[0]).toMatchObject({ status: 'FAILED', subject: expect.stringContaining('ontvangen') });
    expect((await admin.request('GET', '/api/v1/mail-outbox?limit=0')).statusCode).toBe(400);
    // Paged on the server: the next page continues where the first stopped, with the same total.
    const next = (await admin.request('GET', '/api/v1/mail-outbox?limit=2&offset=2')).json();
    expect(next.total).toBe(page.total);
    expect(next.mails).toHaveLength(2);
    const ids = [...page.mails, ...next.mails].map((mail: { id: string }) => Number(mail.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
    const past = (await admin.request('GET', `/api/v1/mail-outbox?limit=2&offset=${page.total}`)).json();
    expect(past).toMatchObject({ total: page.total, mails: [] });
    const reads = await world.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'MAIL_OUTBOX_READ')
      .execute();
    expect(reads).toHaveLength(3);
  });
});
