import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import { type Session, signIn } from '../../../test/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';
import { foldPendingStatistics } from '../../stats/fold-statistics.ts';
import { findReport } from '../../stats/reports/index.ts';
import { loadFacts, recount, reportAsMap } from '../../stats/test-support/recount.ts';
import { readPdfText, squash } from '../letters/test-support/read-pdf-text.ts';

/**
 * Withdrawal of a granted authorisation through the HTTP API (decision 012): proposed by an
 * inspector or a case handler, the employer heard until a day, decided by a supervisor, with its
 * letter, the worker's and the federal office's notices, and the appeal open as for a refusal.
 */
describe('withdrawal of a granted authorisation', () => {
  let clock = new Date('2026-03-02T09:00:00Z');
  let world: DossierWorld;
  let employer: Session;
  let caseHandler: Session;
  let supervisor: Session;
  let inspector: Session;

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ employer, caseHandler, supervisor } = world);
    inspector = await signIn(world.testApp.app, 'inspecteur', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  async function grantedDossier() {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const submitted = await driver.submit(draft.id);
    const paid = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: submitted.version,
    });
    const started = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/actions`, {
      action: 'START_REVIEW',
      version: paid.json().version,
    });
    const granted = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/actions`, {
      action: 'GRANT',
      version: started.json().version,
      validFrom: '2026-04-01',
      validUntil: '2027-03-31',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    return granted.json() as { id: string; version: number; number: string };
  }

  it('refuses a proposal on a dossier that is not granted, by a supervisor, or with bad grounds, naming the field', async () => {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const body = { groundCodes: ['FALSE_DOCUMENTS'], facts: 'Vervalst diploma vastgesteld.' };
    const onDraft = await inspector.request(
      'POST',
      `/api/v1/dossiers/${draft.id}/withdrawal-proposals`,
      body,
    );
    expect(onDraft.statusCode).toBe(409);
    const granted = await grantedDossier();
    const bySupervisor = await supervisor.request(
      'POST',
      `/api/v1/dossiers/${granted.id}/withdrawal-proposals`,
      body,
    );
    expect(bySupervisor.statusCode).toBe(403);
    const byEmployer = await employer.request(
      'POST',
      `/api/v1/dossiers/${granted.id}/withdrawal-proposals`,
      body,
    );
    expect(byEmployer.statusCode).toBe(403);
    const foreign = await caseHandler.request('POST', `/api/v1/dossiers/${granted.id}/withdrawal-proposals`, {
      groundCodes: ['NOT_A_GROUND'],
      facts: '  ',
    });
    expect(foreign.statusCode).toBe(400);
    const fields = foreign
      .json()
      .error.fields.map((e: { path: string; rule: string }) => `${e.path}:${e.rule}`);
    expect(fields).toEqual(['groundCodes:notAWithdrawalGround', 'facts:factsRequired']);
    const tooSoon = await caseHandler.request('POST', `/api/v1/dossiers/${granted.id}/withdrawal-proposals`, {
      ...body,
      hearingDueOn: '2026-03-05',
    });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().error.fields[0]).toMatchObject({ path: 'hearingDueOn', rule: 'hearingDueOn' });
  });

  it('runs proposal by an inspector, hearing, four-eyes decision, letter, mails, federal notice and appeal', async () => {
    const granted = await grantedDossier();
    const grounds = await inspector.request('GET', `/api/v1/dossiers/${granted.id}/withdrawal-grounds`);
    expect(grounds.statusCode).toBe(200);
    const codes = grounds.json().grounds.map((g: { code: string }) => g.code);
    // The 2026 grounds of policy note §2.1 and the decree's withdrawal-only grounds, each with a basis.
    expect(codes).toEqual(
      expect.arrayContaining(['FALSE_DOCUMENTS', 'EMPLOYER_ACTS_AS_HUB', 'SHAM_EMPLOYER']),
    );
    expect(grounds.json().grounds.every((g: { legalBasis: string }) => g.legalBasis.length > 0)).toBe(true);

    const proposed = await inspector.request('POST', `/api/v1/dossiers/${granted.id}/withdrawal-proposals`, {
      groundCodes: ['FALSE_DOCUMENTS', 'SHAM_EMPLOYER'],
      facts:
        'Het voorgelegde diploma is vervalst; de onderneming heeft geen activiteit op het opgegeven adres.',
      evidence: 'PV 2026/0142 van de Vlaamse sociale inspectie',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({
      status: 'DECIDED_GRANTED',
      proposal: { hearingDueOn: '2026-03-17', isHearingOpen: true, proposedRole: 'INSPECTOR' },
    });
    const again = await caseHandler.request('POST', `/api/v1/dossiers/${granted.id}/withdrawal-proposals`, {
      groundCodes: ['FALSE_DOCUMENTS'],
      facts: 'Tweede voorstel.',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].rule).toBe('proposalOpen');

    // The employer sees grounds and facts (not the evidence) and is told by mail.
    const seen = await employer.request('GET', `/api/v1/dossiers/${granted.id}`);
    const withdrawal = seen.json().withdrawal;
    expect(withdrawal.grounds.map((g: { code: string }) => g.code)).toEqual([
      'FALSE_DOCUMENTS',
      'SHAM_EMPLOYER',
    ]);
    expect(withdrawal.facts).toContain('vervalst');
    expect(withdrawal.evidence).toBeUndefined();
    const mails = await world.database.db
      .selectFrom('mail_outbox')
      .select(['kind', 'due_on'])
      .where('dossier_id', '=', granted.id)
      .where('kind', '=', 'HEARING')
      .execute();
    expect(mails.length).toBeGreaterThan(0);
    expect(mails[0]?.due_on).toBe('2026-03-17');
    // The employer's list puts the hearing first, with its day.
    const listed = async () =>
      (await employer.request('GET', '/api/v1/dossiers'))
        .json()
        .dossiers.find((d: { id: string }) => d.id === granted.id);
    expect(await listed()).toMatchObject({ needsAction: ['ANSWER_HEARING'], hearingDueOn: '2026-03-17' });

    // No decision while the employer may still answer.
    const early = await supervisor.request('POST', `/api/v1/dossiers/${granted.id}/withdrawal-decision`, {
      version: seen.json().version,
      outcome: 'REVOKE',
      note: 'Te vroeg.',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].rule).toBe('hearingOpen');

    clock = new Date('2026-03-10T09:00:00Z');
    const answered = await employer.request('POST', `/api/v1/dossiers/${granted.id}/withdrawal-hearing`, {
      version: seen.json().version,
      answer: 'Het diploma is echt; wij voegen het attest van de school toe.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await listed()).toMatchObject({ needsAction: [], hearingDueOn: null });

    const notHeard = await supervisor.request('POST', `/api/v1/dossiers/${granted.id}/withdrawal-decision`, {
      version: answered.json().version,
      outcome: 'REVOKE',
      note: 'Motivering.',
      groundCodes: ['EMPLOYER_ACTS_AS_HUB'],
    });
    expect(notHeard.statusCode).toBe(400);
    expect(notHeard.json().error.fields[0].rule).toBe('notProposedGround');
    const byCaseHandler = await caseHandler.request(
      'POST',
      `/api/v1/dossiers/${granted.id}/withdrawal-decision`,
      {
        version: answered.json().version,
        outcome: 'REVOKE',
        note: 'x',
      },
    );
    expect(byCaseHandler.statusCode).toBe(403);

    const counted = () =>
      world.database.db
        .selectFrom('dossier_statistics')
        .select([
          'status',
          'outcome',
          'decided_on',
          'decided_year',
          'regional_lead_days',
          'is_within_deadline',
        ])
        .where('dossier_id', '=', granted.id)
        .executeTakeFirstOrThrow();
    await foldPendingStatistics(world.database.db);
    const beforeRevocation = await counted();
    expect(beforeRevocation).toMatchObject({ status: 'DECIDED_GRANTED', outcome: 'GRANTED' });
    const revoked = await supervisor.request('POST', `/api/v1/dossiers/${granted.id}/withdrawal-decision`, {
      version: answered.json().version,
      outcome: 'REVOKE',
      note: 'Het attest van de school bevestigt het diploma niet; de school kent de werknemer niet.',
      groundCodes: ['FALSE_DOCUMENTS'],
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('REVOKED');
    // Statistics recount the dossier: still a grant on the grant's day with the same lead time
    // (decision 021), its status now REVOKED.
    await foldPendingStatistics(world.database.db);
    expect(await counted()).toEqual({ ...beforeRevocation, status: 'REVOKED' });
    // And as a figure of its own (issue 13, "status and statistics following a withdrawal"): the
    // report of withdrawals equals a brute-force recount of the dossiers, the grant still counted.
    const report = findReport('revocations')!;
    const category = '2026|HIGHLY_SKILLED';
    const figures = await reportAsMap(world.database, report, [2026, 2026]);
    const recounted = recount(await loadFacts(world.database), report, [2026, 2026]);
    expect(figures.get(category)).toEqual(recounted.get(category));
    expect(figures.get(category)?.revoked).toBeGreaterThanOrEqual(1);
    expect(Number(figures.get(category)?.granted)).toBeGreaterThanOrEqual(
      Number(figures.get(category)?.revoked),
    );

    const overview = (await employer.request('GET', `/api/v1/dossiers/${granted.id}`)).json();
    expect(overview.status).toBe('REVOKED');
    expect(overview.allowedActions).toEqual(['APPEAL']);
    // The withdrawal beside the grant, for the employer's page (and the worker's): day, grounds, motivation.
    expect(overview.decision.outcome).toBe('GRANTED');
    expect(overview.revocation).toMatchObject({
      decidedOn: '2026-03-10',
      grounds: [
        {
          code: 'FALSE_DOCUMENTS',
          statement: expect.stringContaining('valse of onrechtmatig verkregen documenten'),
        },
      ],
      motivation: expect.stringContaining('de school kent de werknemer niet'),
    });
    expect(overview.revocation.grounds[0].legalBasis).toContain('2018');
    const letter = overview.letters.find((l: { kind: string }) => l.kind === 'REVOCATION');
    const pdf = await employer.request('GET', `/api/v1/dossiers/${granted.id}/letters/${letter.id}`);
    expect(pdf.statusCode).toBe(200);
    const text = squash(await readPdfText(pdf.rawPayload));
    expect(text).toContain(squash('intrekking van de toelating tot arbeid'));
    expect(text).toContain(squash('Er werden valse of onrechtmatig verkregen documenten voorgelegd.'));
    expect(text).toContain(squash('Besluit van de Vlaamse Regering van 7 december 2018'));
    expect(text).toContain(squash('werd bij de beslissing betrokken.'));
    expect(text).toContain(squash('binnen een maand na de kennisgeving'));

    const federal = await world.database.db
      .selectFrom('federal_outbox')
      .select(['kind', 'payload'])
      .where('dossier_id', '=', granted.id)
      .where('kind', '=', 'REVOCATION')
      .executeTakeFirstOrThrow();
    expect(federal.payload).toMatchObject({ revokedOn: '2026-03-10', groundCodes: ['FALSE_DOCUMENTS'] });
    const audit = await world.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', granted.id)
      .where('action', 'in', ['DOSSIER_PROPOSE_REVOCATION', 'DOSSIER_ANSWER_HEARING', 'DOSSIER_REVOKE'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'DOSSIER_ANSWER_HEARING',
      'DOSSIER_PROPOSE_REVOCATION',
      'DOSSIER_REVOKE',
    ]);

    const appealed = await employer.request('POST', `/api/v1/dossiers/${granted.id}/actions`, {
      action: 'APPEAL',
      version: overview.version,
      grounds: 'Het diploma is echt.',
    });
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect(appealed.json().status).toBe('APPEALED');
  });
});
