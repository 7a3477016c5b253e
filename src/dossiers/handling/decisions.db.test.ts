import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import { anonymousSession, createTestApp, type Session, signIn } from '../../../test/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import { loadConfig } from '../../server/config.ts';
import { APPEAL_LETTER_TEXTS } from '../letters/appeal-letter-texts.ts';
import { GROUND_STATEMENTS } from '../letters/ground-texts.ts';
import { LETTER_TEXTS } from '../letters/letter-texts.ts';
import { readPdfText, squash } from '../letters/test-support/read-pdf-text.ts';

/**
 * The case handler's and supervisor's decisions through the HTTP API: a refusal on grounds the
 * rules did not find, the grounds checked against the category, the co-signature sent back, and
 * an appeal dismissed, allowed with a grant, or allowed back to review, each with its letter.
 */
describe('decisions on a dossier', () => {
  let clock = new Date('2026-03-02T09:00:00Z');
  let world: DossierWorld;
  let employer: Session;
  let caseHandler: Session;
  let supervisor: Session;

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ employer, caseHandler, supervisor } = world);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  /** An eligible highly-skilled dossier (the rules find no reason at all), in review. */
  async function dossierInReview(handler: Session = caseHandler) {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const submitted = await driver.submit(draft.id);
    const paid = await handler.request('POST', `/api/v1/dossiers/${draft.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: submitted.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const started = await handler.request('POST', `/api/v1/dossiers/${draft.id}/actions`, {
      action: 'START_REVIEW',
      version: paid.json().version,
    });
    expect(started.statusCode, started.body).toBe(200);
    return started.json();
  }

  const act = (session: Session, id: string, body: Record<string, unknown>) =>
    session.request('POST', `/api/v1/dossiers/${id}/actions`, body);

  async function letterText(session: Session, id: string, letterId: string): Promise<string> {
    const response = await session.request('GET', `/api/v1/dossiers/${id}/letters/${letterId}`);
    expect(response.statusCode).toBe(200);
    return squash(readPdfText(response.rawPayload));
  }
  const has = (text: string, sentence: string) => expect(text).toContain(squash(sentence));

  async function refusedDossier() {
    const dossier = await dossierInReview();
    const refused = await act(caseHandler, dossier.id, {
      action: 'REFUSE',
      version: dossier.version,
      reasonCodes: ['FALSE_DOCUMENTS'],
      note: 'Het diploma is vervalst.',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const appealed = await act(employer, dossier.id, {
      action: 'APPEAL',
      version: refused.json().version,
      grounds: 'Het diploma is echt; de universiteit bevestigt het.',
    });
    expect(appealed.statusCode, appealed.body).toBe(200);
    return appealed.json();
  }

  it('refuses a dossier whose assessment found no reason, on a ground of its category, with a letter', async () => {
    const dossier = await dossierInReview();
    expect(dossier.assessment.reasons).toEqual([]);
    const offered = dossier.refusalGrounds as Array<{
      code: string;
      legalBasis: string;
      found: string | null;
    }>;
    const falseDocuments = offered.find((ground) => ground.code === 'FALSE_DOCUMENTS');
    expect(falseDocuments).toMatchObject({ found: null, legalBasis: expect.stringContaining('art. 12–14') });

    // The case handler works with an English screen; the letter is in the dossier's language (Dutch).
    const refused = await caseHandler.request(
      'POST',
      `/api/v1/dossiers/${dossier.id}/actions`,
      {
        action: 'REFUSE',
        version: dossier.version,
        reasonCodes: ['FALSE_DOCUMENTS', 'SALARY_BELOW_THRESHOLD'],
        note: 'Het voorgelegde diploma is vervalst, zo bevestigt de universiteit.',
      },
      { 'accept-language': 'en' },
    );
    expect(refused.statusCode, refused.body).toBe(200);
    const view = refused.json();
    expect(view.status).toBe('DECIDED_REFUSED');
    // Printed in the order of the category's conditions, whatever the order they were picked in.
    expect(view.decision.reasonCodes).toEqual(['SALARY_BELOW_THRESHOLD', 'FALSE_DOCUMENTS']);
    expect(view.letters).toHaveLength(1);
    const text = await letterText(employer, dossier.id, view.letters[0].id);
    has(text, `1. ${GROUND_STATEMENTS.nl.SALARY_BELOW_THRESHOLD}`);
    has(text, `2. ${GROUND_STATEMENTS.nl.FALSE_DOCUMENTS}`);
    // The letter cites the basis written out in its language (renderLegalBasis).
    has(
      text,
      `${LETTER_TEXTS.nl.legalBasisLabel}: ${renderLegalBasis(falseDocuments?.legalBasis ?? '', 'nl')}`,
    );
    has(text, LETTER_TEXTS.nl.motivationHeading);
    has(text, 'Het voorgelegde diploma is vervalst, zo bevestigt de universiteit.');
    // The employer reads the grounds and the motivation on the page too, not only in the letter.
    const seen = (await employer.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(seen.refusal.grounds.map((g: { statement: string }) => g.statement)).toEqual([
      GROUND_STATEMENTS.nl.SALARY_BELOW_THRESHOLD,
      GROUND_STATEMENTS.nl.FALSE_DOCUMENTS,
    ]);
    expect(seen.refusal.grounds[1].legalBasis).toBe(renderLegalBasis(falseDocuments?.legalBasis ?? '', 'nl'));
    expect(seen.refusal.motivation).toBe(
      'Het voorgelegde diploma is vervalst, zo bevestigt de universiteit.',
    );
  });

  it('answers 400 naming the field for grounds not of the category, no ground, or no motivation', async () => {
    const dossier = await dossierInReview();
    const foreign = await act(caseHandler, dossier.id, {
      action: 'REFUSE',
      version: dossier.version,
      reasonCodes: ['SEASONAL_DURATION_EXCEEDED', 'MISSING_INFORMATION'],
      note: 'Te lang.',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'reasonCodes',
        rule: 'notAGroundOfCategory',
        message: expect.stringContaining('SEASONAL_DURATION_EXCEEDED, MISSING_INFORMATION'),
      }),
    ]);
    const empty = await act(caseHandler, dossier.id, {
      action: 'REFUSE',
      version: dossier.version,
      reasonCodes: [],
      note: '   ',
    });
    expect(empty.statusCode).toBe(400);
    expect(
      empty.json().error.fields.map((f: { path: string; rule: string }) => `${f.path}:${f.rule}`),
    ).toEqual(['reasonCodes:reasonRequired', 'note:motivationRequired']);
    const unchanged = (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(unchanged).toMatchObject({ status: 'IN_REVIEW', version: dossier.version, letters: [] });
  });

  it('lets a supervisor send a proposed refusal back to the case handler with a note, or co-sign it', async () => {
    const caseHandling = { ...loadConfig({}).caseHandling, refusalNeedsCoSign: true };
    const coSignApp = await createTestApp(world.database, { caseHandling }, { now: () => clock });
    try {
      const handler = await signIn(coSignApp.app, 'behandelaar', DEMO_PASSWORD);
      const boss = await signIn(coSignApp.app, 'teamleider', DEMO_PASSWORD);
      const dossier = await dossierInReview(handler);
      const proposal = { reasonCodes: ['EMPLOYER_ACTS_AS_HUB'], note: 'Vier van de vijf vertrokken snel.' };
      const proposed = await act(handler, dossier.id, {
        action: 'REFUSE',
        version: dossier.version,
        ...proposal,
      });
      expect(proposed.json()).toMatchObject({ status: 'IN_REVIEW', pendingRefusal: proposal });

      const noNote = await act(boss, dossier.id, {
        action: 'RETURN_REFUSAL',
        version: proposed.json().version,
      });
      expect(noNote.statusCode).toBe(400);
      expect(noNote.json().error.fields[0].path).toBe('note');
      expect(
        (
          await act(handler, dossier.id, {
            action: 'RETURN_REFUSAL',
            version: proposed.json().version,
            note: 'x',
          })
        ).statusCode,
      ).toBe(409);
      const returned = await act(boss, dossier.id, {
        action: 'RETURN_REFUSAL',
        version: proposed.json().version,
        note: 'Welke cijfers? Vraag eerst het personeelsregister op.',
      });
      expect(returned.statusCode, returned.body).toBe(200);
      const back = (await handler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
      expect(back).toMatchObject({
        status: 'IN_REVIEW',
        pendingRefusal: null,
        returnedRefusal: {
          note: 'Welke cijfers? Vraag eerst het personeelsregister op.',
          reasonCodes: ['EMPLOYER_ACTS_AS_HUB'],
        },
        letters: [],
      });
      const notes = (await boss.request('GET', '/api/v1/staff/notifications')).json();
      expect(notes.notifications.some((n: { dossierId: string }) => n.dossierId === dossier.id)).toBe(false);
      // The employer does not see the service's deliberation.
      const employerView = (await employer.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
      expect(employerView.history.map((h: { action: string }) => h.action)).not.toContain('RETURN_REFUSAL');
      expect(employerView.refusalGrounds).toBeNull();

      const again = await act(handler, dossier.id, { action: 'REFUSE', version: back.version, ...proposal });
      const coSigned = await act(boss, dossier.id, {
        action: 'REFUSE',
        version: again.json().version,
        reasonCodes: [],
      });
      expect(coSigned.statusCode, coSigned.body).toBe(200);
      expect(coSigned.json()).toMatchObject({ status: 'DECIDED_REFUSED', returnedRefusal: null });
      expect(coSigned.json().letters).toHaveLength(1);
    } finally {
      await coSignApp.app.close();
    }
  });

  it('dismisses an appeal with its own letter naming the Council of State', async () => {
    const appealed = await refusedDossier();
    expect(appealed.appeal).toMatchObject({ grounds: 'Het diploma is echt; de universiteit bevestigt het.' });
    const mixed = await act(supervisor, appealed.id, {
      action: 'DECIDE_APPEAL',
      version: appealed.version,
      appealOutcome: 'UPHELD',
      followUp: 'GRANT',
      note: 'x',
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.fields[0]).toMatchObject({
      path: 'followUp',
      rule: 'followUpOnlyWhenOverturned',
    });
    const dismissed = await act(supervisor, appealed.id, {
      action: 'DECIDE_APPEAL',
      version: appealed.version,
      appealOutcome: 'UPHELD',
      note: 'De universiteit bevestigt het diploma niet.',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const view = dismissed.json();
    expect(view.status).toBe('APPEAL_DECIDED');
    expect(view.decision).toMatchObject({
      outcome: 'REFUSED',
      appeal: { outcome: 'UPHELD', followUp: null },
    });
    const appealLetter = view.letters.find((l: { kind: string }) => l.kind === 'APPEAL_DECISION');
    const text = await letterText(employer, appealed.id, appealLetter.id);
    has(text, APPEAL_LETTER_TEXTS.nl.dismissed({ decidedOn: '02/03/2026' }));
    has(text, APPEAL_LETTER_TEXTS.nl.furtherAppeal);
    has(text, 'De universiteit bevestigt het diploma niet.');
  });

  it('allows an appeal with a grant: a new decision, its validity and its letter, seen by the worker too', async () => {
    const appealed = await refusedDossier();
    const noFollowUp = await act(supervisor, appealed.id, {
      action: 'DECIDE_APPEAL',
      version: appealed.version,
      appealOutcome: 'OVERTURNED',
      note: 'Het diploma is echt.',
    });
    expect(noFollowUp.statusCode).toBe(400);
    expect(noFollowUp.json().error.fields[0]).toMatchObject({ path: 'followUp', rule: 'followUpRequired' });
    const byCaseHandler = await act(caseHandler, appealed.id, {
      action: 'DECIDE_APPEAL',
      version: appealed.version,
      appealOutcome: 'OVERTURNED',
      note: 'x',
    });
    expect(byCaseHandler.statusCode).toBe(409);
    const granted = await act(supervisor, appealed.id, {
      action: 'DECIDE_APPEAL',
      version: appealed.version,
      appealOutcome: 'OVERTURNED',
      followUp: 'GRANT',
      validFrom: '2026-05-01',
      validUntil: '2029-04-30',
      note: 'De universiteit bevestigt het diploma.',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const view = granted.json();
    expect(view.status).toBe('DECIDED_GRANTED');
    expect(view.decision).toMatchObject({
      outcome: 'GRANTED',
      validFrom: '2026-05-01',
      validUntil: '2029-04-30',
      appeal: { outcome: 'OVERTURNED', followUp: 'GRANT' },
    });
    const appealLetter = view.letters.find((l: { kind: string }) => l.kind === 'APPEAL_DECISION');
    const text = await letterText(employer, appealed.id, appealLetter.id);
    has(text, APPEAL_LETTER_TEXTS.nl.allowed({ decidedOn: '02/03/2026' }));
    has(text, LETTER_TEXTS.nl.validity({ validFrom: '01/05/2026', validUntil: '30/04/2029' }));

    const code = (await employer.request('POST', `/api/v1/dossiers/${appealed.id}/worker-access`)).json()
      .code;
    const worker = await anonymousSession(world.testApp.app);
    const redeemed = await worker.request('POST', '/api/v1/worker-access/redeem', { code });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    const seen = redeemed.json().dossier;
    expect(seen).toMatchObject({
      status: 'DECIDED_GRANTED',
      decisionOutcome: 'GRANTED',
      appeal: { outcome: 'OVERTURNED', followUp: 'GRANT' },
    });
    expect(seen.letters.map((l: { kind: string }) => l.kind).sort()).toEqual(['APPEAL_DECISION', 'DECISION']);
    const pdf = await worker.request('GET', `/api/v1/worker-access/letters/${appealLetter.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await anonymousSession(world.testApp.app);
    expect(
      (await stranger.request('GET', `/api/v1/worker-access/letters/${appealLetter.id}`)).statusCode,
    ).toBe(401);
  });

  it('allows an appeal back to review: the case handler decides again, on a new legal clock', async () => {
    const appealed = await refusedDossier();
    // Eighteen days later the supervisor allows the appeal.
    clock = new Date('2026-03-20T09:00:00Z');
    const reopened = await act(supervisor, appealed.id, {
      action: 'DECIDE_APPEAL',
      version: appealed.version,
      appealOutcome: 'OVERTURNED',
      followUp: 'REVIEW',
      note: 'Het diploma moet opnieuw onderzocht worden.',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const view = reopened.json();
    expect(view.status).toBe('IN_REVIEW');
    expect(view.decision).toEqual(
      expect.objectContaining({ appeal: expect.objectContaining({ followUp: 'REVIEW' }) }),
    );
    expect(view.decision.outcome).toBeUndefined();
    // The clock restarts on the day of the appeal decision, for the full regional deadline.
    expect(view.clock).toMatchObject({ startedOn: '2026-03-20', isPaused: false });
    expect(view.clock.daysLeft).toBe(view.clock.deadlineDays);
    expect(view.allowedActions).toEqual(expect.arrayContaining(['GRANT', 'REFUSE']));
    const appealLetter = view.letters.find((l: { kind: string }) => l.kind === 'APPEAL_DECISION');
    const text = await letterText(employer, appealed.id, appealLetter.id);
    has(text, APPEAL_LETTER_TEXTS.nl.allowed({ decidedOn: '20/03/2026' }));
    const due = view.clock.dueDate.split('-').reverse().join('/');
    has(text, APPEAL_LETTER_TEXTS.nl.reviewAgain({ dueDate: due }));

    const queue = (await caseHandler.request('GET', '/api/v1/queue?scope=all&status=IN_REVIEW')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(appealed.id);
    const grantedAgain = await act(caseHandler, appealed.id, {
      action: 'GRANT',
      version: view.version,
      validFrom: '2026-05-01',
      validUntil: '2027-04-30',
    });
    expect(grantedAgain.statusCode, grantedAgain.body).toBe(200);
    expect(grantedAgain.json()).toMatchObject({ status: 'DECIDED_GRANTED' });
    expect(grantedAgain.json().letters).toHaveLength(3);
  });
});
