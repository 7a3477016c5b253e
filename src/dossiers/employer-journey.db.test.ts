import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../test/dossier-driver.ts';
import { anonymousSession, type Session } from '../../test/test-app.ts';
import { JOB_HANDLERS } from '../jobs/jobs.ts';

/**
 * The employer's journey through the API (issue 11): the dossier list searched, filtered and with
 * what needs the employer first; deleting a draft; a request for information with its deadline,
 * one reminder and the case handler's "overdue"; a step saved in part; category guidance; a
 * renewal prefilled from the granted dossier and submitted.
 */
describe("the employer's journey", () => {
  let clock = new Date('2026-03-02T09:00:00Z');
  let world: DossierWorld;
  let employer: Session;
  let caseHandler: Session;

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ employer, caseHandler } = world);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const driver = () => dossierDriver(employer);
  const act = (session: Session, id: string, body: Record<string, unknown>) =>
    session.request('POST', `/api/v1/dossiers/${id}/actions`, body);
  const list = async (query = '') => {
    const response = await employer.request('GET', `/api/v1/dossiers${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().dossiers as { id: string; needsAction: string[]; status: string }[];
  };
  const answersFor = (familyName: string, title = 'Software engineer') => ({
    worker: { ...HIGHLY_SKILLED_ANSWERS.worker, 'workerIdentity.familyName': familyName },
    job: { ...HIGHLY_SKILLED_ANSWERS.job, 'application.job.title': title },
  });

  async function inReview(familyName: string) {
    const draft = await driver().completeDraft('HIGHLY_SKILLED', answersFor(familyName));
    const submitted = await driver().submit(draft.id);
    const paid = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: submitted.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const started = await act(caseHandler, draft.id, {
      action: 'START_REVIEW',
      version: paid.json().version,
    });
    expect(started.statusCode, started.body).toBe(200);
    return started.json();
  }

  it('searches by number, worker name and function, filters by status, and puts what needs action first', async () => {
    const submitted = await driver().submit(
      (await driver().completeDraft('HIGHLY_SKILLED', answersFor('Đorđević', 'Data analyst'))).id,
    );
    const draft = await driver().startDraft('HIGHLY_SKILLED');
    const reviewed = await inReview('Quietman');

    const all = await list();
    expect(all.map((d) => d.id)).toEqual(expect.arrayContaining([submitted.id, draft.id, reviewed.id]));
    // Fee to pay and the worker still to inform; a draft to finish; in review only the worker's terms.
    expect(all.find((d) => d.id === submitted.id)?.needsAction).toEqual(['PAY_FEE', 'INFORM_WORKER']);
    expect(all.find((d) => d.id === draft.id)?.needsAction).toEqual(['FINISH_DRAFT']);
    await world.database.db
      .updateTable('dossiers')
      .set({ worker_terms_confirmed_at: new Date() })
      .where('id', '=', reviewed.id)
      .execute();
    const ordered = await list();
    expect(ordered.find((d) => d.id === reviewed.id)?.needsAction).toEqual([]);
    const firstWithout = ordered.findIndex((d) => d.needsAction.length === 0);
    expect(ordered.slice(firstWithout).every((d) => d.needsAction.length === 0)).toBe(true);

    // Accents and case ignored; the number in part; the job title; the status filter.
    expect((await list('?q=dordevic')).map((d) => d.id)).toEqual([submitted.id]);
    expect((await list(`?q=${submitted.number.slice(-6)}`)).map((d) => d.id)).toEqual([submitted.id]);
    expect((await list('?q=DATA%20analyst')).map((d) => d.id)).toEqual([submitted.id]);
    expect((await list('?status=IN_REVIEW')).map((d) => d.id)).toEqual([reviewed.id]);
    expect(await list('?q=quietman&status=DRAFT')).toEqual([]);
    const bad = await employer.request('GET', '/api/v1/dossiers?status=SOMETHING');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toContain('status');
    // Another enterprise's employer finds none of them.
    const other = await world.otherEmployer.request('GET', '/api/v1/dossiers?q=dordevic');
    expect(other.json().dossiers).toEqual([]);
  });

  it('deletes a draft after which it is gone, audited; never a submitted dossier', async () => {
    const draft = await driver().completeDraft('HIGHLY_SKILLED', answersFor('Tobedeleted'));
    const stale = await employer.request('DELETE', `/api/v1/dossiers/${draft.id}?version=1`);
    expect(stale.statusCode).toBe(409);
    const deleted = await employer.request('DELETE', `/api/v1/dossiers/${draft.id}?version=${draft.version}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await employer.request('GET', `/api/v1/dossiers/${draft.id}`)).statusCode).toBe(404);
    expect((await employer.request('DELETE', `/api/v1/dossiers/${draft.id}`)).statusCode).toBe(404);
    expect(await list('?q=tobedeleted')).toEqual([]);
    const row = await world.database.db
      .selectFrom('dossiers')
      .select(['application', 'worker_identity', 'deleted_at'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ application: {}, worker_identity: {}, deleted_at: expect.any(Date) });
    const contents = await world.database.db
      .selectFrom('dossier_documents as d')
      .innerJoin('document_contents as c', 'c.storage_key', 'd.storage_key')
      .select('d.id')
      .where('d.dossier_id', '=', draft.id)
      .execute();
    expect(contents).toEqual([]);
    const audit = await world.database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', draft.id)
      .where('action', '=', 'DOSSIER_DRAFT_DELETED')
      .execute();
    expect(audit).toHaveLength(1);

    const submitted = await driver().submit(
      (await driver().completeDraft('HIGHLY_SKILLED', answersFor('Kept'))).id,
    );
    const refused = await employer.request('DELETE', `/api/v1/dossiers/${submitted.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LOKET_ILLEGAL_TRANSITION');
    const byOther = await world.otherEmployer.request('DELETE', `/api/v1/dossiers/${submitted.id}`);
    expect(byOther.statusCode).toBe(404);
  });

  it('gives a request for information a deadline, reminds the employer once, and shows it overdue', async () => {
    const dossier = await inReview('Reminded');
    const tooLate = await act(caseHandler, dossier.id, {
      action: 'REQUEST_INFORMATION',
      version: dossier.version,
      question: 'Please send the signed contract.',
      answerDueOn: '2026-09-01',
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.fields[0]).toMatchObject({ path: 'answerDueOn', rule: 'answerDueOn' });
    const asked = await act(caseHandler, dossier.id, {
      action: 'REQUEST_INFORMATION',
      version: dossier.version,
      question: 'Please send the signed contract.',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    // The default: 15 days from the request.
    expect(asked.json().informationRequests[0]).toMatchObject({
      answerDueOn: '2026-03-17',
      isOverdue: false,
    });
    const shown = await driver().view(dossier.id);
    expect(shown.informationRequests[0].answerDueOn).toBe('2026-03-17');

    const remind = async (day: string) => {
      clock = new Date(`${day}T09:00:00Z`);
      return JOB_HANDLERS['information-reminders'](world.database.db, { sources: null, now: () => clock });
    };
    const reminders = () =>
      world.database.db
        .selectFrom('mail_outbox')
        .select(['kind', 'due_on', 'recipient', 'audience'])
        .where('dossier_id', '=', dossier.id)
        .where('kind', '=', 'REMINDER')
        .execute();
    expect(await remind('2026-03-13')).toMatchObject({ reminded: 0 });
    expect(await reminders()).toEqual([]);
    expect(await remind('2026-03-14')).toMatchObject({ reminded: 1, mails: 1 });
    expect(await reminders()).toEqual([
      {
        kind: 'REMINDER',
        due_on: '2026-03-17',
        recipient: expect.stringContaining('@'),
        audience: 'EMPLOYER',
      },
    ]);
    // Never a second time, not on the next day nor the day itself.
    expect(await remind('2026-03-15')).toMatchObject({ reminded: 0 });
    expect(await remind('2026-03-17')).toMatchObject({ reminded: 0 });
    expect(await reminders()).toHaveLength(1);

    clock = new Date('2026-03-18T09:00:00Z');
    const late = (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(late.informationRequests[0]).toMatchObject({
      isOverdue: true,
      reminderSentAt: expect.any(String),
    });
    const answered = await act(employer, dossier.id, {
      action: 'ANSWER_INFORMATION',
      version: late.version,
      answer: 'Attached, sorry for the delay.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().informationRequests[0].isOverdue).toBe(false);
    clock = new Date('2026-03-02T09:00:00Z');
  });

  it('saves the valid answers of a step and names the invalid one', async () => {
    const draft = await driver().startDraft('HIGHLY_SKILLED');
    const saved = await driver().saveStep(draft.id, 'worker', draft.version, {
      ...HIGHLY_SKILLED_ANSWERS.worker,
      'application.worker.birthDate': '1990-02-30',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body.answerErrors).toEqual([
      expect.objectContaining({ path: 'application.worker.birthDate', message: expect.any(String) }),
    ]);
    expect(body.version).toBe(draft.version + 1);
    expect(body.workerIdentity).toMatchObject({ familyName: 'Raman' });
    expect(body.application.worker).toMatchObject({ nationality: 'IN', qualificationVks: 7 });
    expect(body.application.worker.birthDate).toBeUndefined();
    // Only the invalid answer again: nothing is written, the version stays.
    const again = await driver().saveStep(draft.id, 'worker', body.version, {
      'application.worker.birthDate': 'not a date',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: body.version, answerErrors: [expect.anything()] });
    const fixed = await driver().saveStep(draft.id, 'worker', body.version, HIGHLY_SKILLED_ANSWERS.worker);
    expect(fixed.json()).toMatchObject({ answerErrors: [], version: body.version + 1 });
  });

  it('tells which category fits a nurse and a care worker, from the rule data', async () => {
    const visitor = await anonymousSession(world.testApp.app);
    const search = async (q: string) =>
      (await visitor.request('GET', `/api/v1/occupations?q=${encodeURIComponent(q)}&lang=nl&limit=5`)).json()
        .results as { id: string; label: string; iscoCode: string }[];
    const guide = async (occupation: string, lang = 'nl') => {
      const response = await visitor.request(
        'GET',
        `/api/v1/category-guidance?occupation=${occupation}&at=2026-03-02&lang=${lang}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json().hints;
    };
    const nurse = (await search('verpleegkundige')).find((match) => match.iscoCode === '2221');
    expect(nurse).toBeDefined();
    expect(await guide(nurse?.id as string)).toEqual([
      {
        kind: 'PROFESSION',
        profession: 'NURSE',
        categories: ['HIGHLY_SKILLED'],
        reducedShare: 0.8,
        careFunctionException: true,
      },
    ]);
    const careWorker = (await search('zorgkundige'))[0];
    expect(await guide(careWorker?.id as string, 'fr')).toEqual([
      {
        kind: 'MIGRATION_LIST',
        categories: ['MEDIUM_SKILLED_SHORTAGE'],
        migrationListFunction: { id: 'care-worker', label: 'Aide-soignant' },
      },
    ]);
    const baker = (await search('bakker'))[0];
    expect(await guide(baker?.id as string)).toEqual([]);
    expect((await visitor.request('GET', '/api/v1/category-guidance?occupation=a%20b')).statusCode).toBe(400);
  });

  it('renews a granted dossier with a draft prefilled from it, which can be submitted', async () => {
    const dossier = await inReview('Renewed');
    const granted = await act(caseHandler, dossier.id, {
      action: 'GRANT',
      version: dossier.version,
      validFrom: '2026-05-01',
      validUntil: '2027-04-30',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    clock = new Date('2027-02-01T09:00:00Z');
    const key = { 'idempotency-key': `renewal:${dossier.id}` };
    const renewal = await employer.request('POST', `/api/v1/dossiers/${dossier.id}/renewal`, undefined, key);
    expect(renewal.statusCode, renewal.body).toBe(201);
    const draft = renewal.json();
    expect(draft).toMatchObject({ kind: 'RENEWAL', status: 'DRAFT', workerName: 'Priya Renewed' });
    expect(draft.application).toMatchObject({
      kind: 'RENEWAL',
      applicationDate: '2027-02-01',
      worker: { nationality: 'IN' },
      job: { grossAnnualSalary: 85000 },
    });
    // Asked again (a double click), the same draft.
    const twice = await employer.request('POST', `/api/v1/dossiers/${dossier.id}/renewal`, undefined, key);
    expect(twice.json().id).toBe(draft.id);
    // A new start date; every other answer as it was.
    const job = await driver().saveStep(draft.id, 'job', draft.version, {
      ...HIGHLY_SKILLED_ANSWERS.job,
      'application.job.startDate': '2027-05-01',
    });
    expect(job.json().answerErrors).toEqual([]);
    for (const type of draft.requiredDocumentTypes as string[]) await driver().upload(draft.id, type);
    const submitted = await driver().submit(draft.id);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', kind: 'RENEWAL' });
    clock = new Date('2026-03-02T09:00:00Z');
  });
});
