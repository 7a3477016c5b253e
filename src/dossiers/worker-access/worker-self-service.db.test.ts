import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import { anonymousSession, type Session } from '../../../test/test-app.ts';

// The worker's own acts with their access code: confirming the employment terms the employer
// declared (policy note 002 §2.8) and leaving an address for decisions (issue 11).
describe('the worker with an access code', () => {
  let world: DossierWorld;
  let employer: Session;
  let caseHandler: Session;
  const clock = new Date('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ employer, caseHandler } = world);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  async function workerOfNewDossier() {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const dossier = await driver.submit(draft.id);
    const { code } = (await employer.request('POST', `/api/v1/dossiers/${dossier.id}/worker-access`)).json();
    const worker = await anonymousSession(world.testApp.app);
    const redeemed = await worker.request('POST', '/api/v1/worker-access/redeem', { code });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    return { dossier, worker, view: redeemed.json().dossier };
  }

  it('shows the worker the terms the employer declared, and records their confirmation once', async () => {
    const { dossier, worker, view } = await workerOfNewDossier();
    expect(view.terms).toEqual({
      category: 'HIGHLY_SKILLED',
      jobTitle: 'Software engineer',
      grossAnnualSalary: 85000,
      employmentFraction: 1,
      startDate: '2026-05-01',
      endDate: null,
      workplacePostalCode: '9000',
    });
    expect(view.termsConfirmedAt).toBeNull();
    expect(
      (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json().workerTermsConfirmedAt,
    ).toBeNull();

    const bad = await worker.request('POST', '/api/v1/worker-access/terms-confirmation', {
      confirmed: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('confirmed');
    const confirmed = await worker.request('POST', '/api/v1/worker-access/terms-confirmation', {
      confirmed: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const at = confirmed.json().dossier.termsConfirmedAt;
    expect(at).toBe(clock.toISOString());
    // A second confirmation changes nothing and is not logged again.
    const again = await worker.request('POST', '/api/v1/worker-access/terms-confirmation', {
      confirmed: true,
    });
    expect(again.json().dossier.termsConfirmedAt).toBe(at);
    const events = await world.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', dossier.id)
      .where('action', '=', 'WORKER_TERMS_CONFIRMED')
      .execute();
    expect(events).toHaveLength(1);
    // Staff and the employer see that the worker confirmed.
    expect(
      (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json().workerTermsConfirmedAt,
    ).toBe(at);
    expect(
      (await employer.request('GET', `/api/v1/dossiers/${dossier.id}`)).json().workerTermsConfirmedAt,
    ).toBe(at);
    const stored = await world.database.db
      .selectFrom('dossiers')
      .select('worker_terms_confirmed')
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(stored.worker_terms_confirmed).toMatchObject({
      jobTitle: 'Software engineer',
      grossAnnualSalary: 85000,
    });
  });

  it('takes an e-mail address for decisions, checks it, and lets the worker remove it', async () => {
    const { dossier, worker } = await workerOfNewDossier();
    const wrong = await worker.request('PUT', '/api/v1/worker-access/contact', { email: 'not-an-address' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('email');
    const given = await worker.request('PUT', '/api/v1/worker-access/contact', {
      email: 'priya@example.org',
    });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json().dossier.hasEmail).toBe(true);
    expect(JSON.stringify(given.json())).not.toContain('priya@example.org');
    const row = () =>
      world.database.db
        .selectFrom('dossiers')
        .select('worker_email')
        .where('id', '=', dossier.id)
        .executeTakeFirstOrThrow();
    expect((await row()).worker_email).toBe('priya@example.org');
    const removed = await worker.request('PUT', '/api/v1/worker-access/contact', { email: null });
    expect(removed.json().dossier.hasEmail).toBe(false);
    expect((await row()).worker_email).toBeNull();
    const audit = await world.database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', dossier.id)
      .where('action', 'in', ['WORKER_EMAIL_GIVEN', 'WORKER_EMAIL_REMOVED'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['WORKER_EMAIL_GIVEN', 'WORKER_EMAIL_REMOVED']);
    expect(JSON.stringify(audit)).not.toContain('priya@');
  });

  it('mails the worker their decision in the language of the page where they left their address', async () => {
    const { dossier, worker } = await workerOfNewDossier();
    // The dossier is Dutch (the employer's language); the worker reads the English page.
    const given = await worker.request(
      'PUT',
      '/api/v1/worker-access/contact',
      { email: 'priya@example.org' },
      { 'accept-language': 'en' },
    );
    expect(given.statusCode, given.body).toBe(200);
    const paid = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: dossier.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const inReview = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'START_REVIEW',
      version: paid.json().version,
    });
    const granted = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'GRANT',
      version: inReview.json().version,
      validFrom: '2026-05-01',
      validUntil: '2027-04-30',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const mails = await world.database.db
      .selectFrom('mail_outbox')
      .select(['audience', 'lang'])
      .where('dossier_id', '=', dossier.id)
      .where('kind', '=', 'DECISION')
      .execute();
    expect(mails.find((m) => m.audience === 'WORKER')?.lang).toBe('en');
    expect(mails.find((m) => m.audience === 'EMPLOYER')?.lang).toBe('nl');
    // Decided: the worker's page no longer says by when the service decides.
    const seen = (await worker.request('GET', '/api/v1/worker-access/dossier')).json().dossier;
    expect(seen.decisionOutcome).toBe('GRANTED');
    expect(seen.dueDate).toBeNull();
  });

  it('answers 401 without a valid worker token', async () => {
    const stranger = await anonymousSession(world.testApp.app);
    expect(
      (await stranger.request('POST', '/api/v1/worker-access/terms-confirmation', { confirmed: true }))
        .statusCode,
    ).toBe(401);
    expect((await stranger.request('PUT', '/api/v1/worker-access/contact', { email: null })).statusCode).toBe(
      401,
    );
  });

  it('lets the employer revoke the codes and the access given with them, audited; another employer may not', async () => {
    const { dossier, worker } = await workerOfNewDossier();
    const { code } = (await employer.request('POST', `/api/v1/dossiers/${dossier.id}/worker-access`)).json();
    const forbidden = await world.otherEmployer.request(
      'DELETE',
      `/api/v1/dossiers/${dossier.id}/worker-access`,
    );
    expect(forbidden.statusCode).toBeGreaterThanOrEqual(400);
    expect(forbidden.statusCode).toBeLessThan(500);

    const revoked = await employer.request('DELETE', `/api/v1/dossiers/${dossier.id}/worker-access`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toEqual({ codes: 2, devices: 1 });
    expect((await worker.request('GET', '/api/v1/worker-access/dossier')).json().dossier).toBeNull();
    const again = await (await anonymousSession(world.testApp.app)).request(
      'POST',
      '/api/v1/worker-access/redeem',
      {
        code,
      },
    );
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
    expect(again.statusCode).toBeLessThan(500);
    const events = await world.database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', dossier.id)
      .where('action', '=', 'WORKER_ACCESS_REVOKED')
      .execute();
    expect(events).toEqual([{ action: 'WORKER_ACCESS_REVOKED', details: { codes: 2, devices: 1 } }]);
  });
});
