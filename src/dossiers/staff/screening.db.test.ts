import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';

/**
 * Ministers of religion (policy note 002 §2.7, 1.): a case handler refers the dossier to the
 * screening service and records its advice; both steps show in the staff history and the
 * overview, are audited, and stay out of the employer's view.
 */
describe('referral of a minister of religion for screening advice', () => {
  const clock = new Date('2026-03-02T09:00:00Z');
  let world: DossierWorld;

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  async function submitted(category: string, answers: Record<string, Record<string, unknown>>) {
    const driver = dossierDriver(world.employer);
    const draft = await driver.completeDraft(category, answers);
    await driver.submit(draft.id);
    return draft.id as string;
  }

  it('refers, records the advice, and shows both to staff only', async () => {
    const id = await submitted('MINISTER_OF_RELIGION', {
      // A minister's qualification is not asked (application-steps.ts).
      worker: Object.fromEntries(
        Object.entries(HIGHLY_SKILLED_ANSWERS.worker).filter(([path]) => !path.endsWith('qualificationVks')),
      ),
      job: {
        'application.job.title': 'Imam',
        'application.job.workplacePostalCode': '9000',
        'application.job.startDate': '2026-05-01',
      },
      specific: { 'application.religion.cult': 'ISLAMIC', 'application.religion.shortageDemonstrated': true },
    });
    const url = `/api/v1/dossiers/${id}/screening`;
    // Nothing referred yet: no advice to record; a referral needs its question.
    const early = await world.caseHandler.request('POST', url, { step: 'ADVICE', advice: 'NO_OBJECTION' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ path: 'step', rule: 'notReferred' });
    const empty = await world.caseHandler.request('POST', url, { step: 'REFER', question: ' ' });
    expect(empty.json().error.fields[0]).toMatchObject({ path: 'question', rule: 'questionRequired' });
    // Only a case handler acts; the employer never.
    expect((await world.employer.request('POST', url, { step: 'REFER', question: 'x' })).statusCode).toBe(
      403,
    );

    const referred = await world.caseHandler.request('POST', url, {
      step: 'REFER',
      question: 'Banden van de gemeenschap met een buitenlandse overheid?',
    });
    expect(referred.statusCode, referred.body).toBe(201);
    const twice = await world.caseHandler.request('POST', url, { step: 'REFER', question: 'Nog eens' });
    expect(twice.json().error.fields[0].rule).toBe('alreadyReferred');
    const noAdvice = await world.caseHandler.request('POST', url, { step: 'ADVICE' });
    expect(noAdvice.json().error.fields[0]).toMatchObject({ path: 'advice', rule: 'adviceRequired' });
    const advised = await world.caseHandler.request('POST', url, {
      step: 'ADVICE',
      advice: 'OBJECTION',
      note: 'De screeningsdienst wijst op financiering door een buitenlandse overheid.',
    });
    expect(advised.statusCode, advised.body).toBe(201);

    const staff = (await world.caseHandler.request('GET', `/api/v1/dossiers/${id}`)).json();
    expect(staff.screening).toMatchObject({
      referredOn: '2026-03-02',
      question: 'Banden van de gemeenschap met een buitenlandse overheid?',
      advice: 'OBJECTION',
      adviceOn: '2026-03-02',
      adviceNote: expect.stringContaining('buitenlandse overheid'),
    });
    const actions = staff.history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['SCREENING_REFERRED', 'SCREENING_ADVICE']));
    const employer = (await world.employer.request('GET', `/api/v1/dossiers/${id}`)).json();
    expect(employer.screening).toBeNull();
    expect(employer.history.map((h: { action: string }) => h.action)).not.toContain('SCREENING_REFERRED');
    const audit = await world.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .where('action', 'like', 'DOSSIER_SCREENING_%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'DOSSIER_SCREENING_ADVICE',
      'DOSSIER_SCREENING_REFERRED',
    ]);
  });

  it('is not offered for another category', async () => {
    const id = await submitted('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const answer = await world.caseHandler.request('POST', `/api/v1/dossiers/${id}/screening`, {
      step: 'REFER',
      question: 'x',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.fields[0]).toMatchObject({ path: 'step', rule: 'notMinister' });
  });
});
