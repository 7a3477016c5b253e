import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import { anonymousSession, type Session } from '../../../test/test-app.ts';

/**
 * The employer's intake refuses what would make a submission pointless or inadmissible, naming it
 * in the user's language; a dossier that is inadmissible anyway says why and asks no fee.
 */
describe('intake: what is refused before submission, and the fee only when due', () => {
  const clock = new Date('2026-03-02T09:00:00Z');
  let world: DossierWorld;
  let employer: Session;

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ employer } = world);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const driver = () => dossierDriver(employer);
  const inLanguage = (lang: string) => ({ 'accept-language': lang });

  /** A highly-skilled draft with every answer given (answers overridden per step) and no document. */
  async function answeredDraft(overrides: Record<string, Record<string, unknown>> = {}) {
    const draft = await driver().startDraft('HIGHLY_SKILLED');
    let version = draft.version;
    for (const [step, answers] of Object.entries(HIGHLY_SKILLED_ANSWERS)) {
      const saved = await driver().saveStep(draft.id, step, version, { ...answers, ...overrides[step] });
      expect(saved.statusCode, saved.body).toBe(200);
      version = saved.json().version;
    }
    return driver().view(draft.id);
  }

  it('refuses to submit while a required document is missing, naming it in the user’s language', async () => {
    const draft = await answeredDraft();
    const required = draft.requiredDocumentTypes as string[];
    expect(required).toContain('DIPLOMA');
    for (const type of required.filter((type) => type !== 'DIPLOMA'))
      expect((await driver().upload(draft.id, type)).statusCode).toBe(201);

    const inDutch = await employer.request('POST', `/api/v1/dossiers/${draft.id}/submit`, {});
    expect(inDutch.statusCode).toBe(400);
    expect(inDutch.json().error.fields).toEqual([
      {
        path: 'documents.DIPLOMA',
        rule: 'requiredDocument',
        message: expect.stringMatching(/^Diploma ontbreekt: dit document is verplicht/),
      },
    ]);
    const inFrench = await employer.request(
      'POST',
      `/api/v1/dossiers/${draft.id}/submit`,
      {},
      inLanguage('fr'),
    );
    expect(inFrench.json().error.fields[0].message).toMatch(/^Diplôme manque/);

    const still = await driver().view(draft.id);
    expect(still).toMatchObject({ status: 'DRAFT', number: null, fee: { reference: null } });

    expect((await driver().upload(draft.id, 'DIPLOMA')).statusCode).toBe(201);
    const submitted = await driver().submit(draft.id);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.fee).toMatchObject({ amountDueCents: 20000, reference: expect.any(String) });
  });

  it('refuses an EU, EEA, Swiss or Belgian worker at once, naming the nationality in the user’s language', async () => {
    const draft = await driver().startDraft('HIGHLY_SKILLED');
    const answers = { ...HIGHLY_SKILLED_ANSWERS.worker, 'application.worker.nationality': 'FR' };
    const saved = await employer.request(
      'PUT',
      `/api/v1/dossiers/${draft.id}/steps/worker`,
      { version: draft.version, answers },
      inLanguage('en'),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().answerErrors).toEqual([
      {
        path: 'application.worker.nationality',
        rule: 'workAuthorisationNotRequired',
        message: expect.stringContaining('is that of France: free movement of workers'),
      },
    ]);
    const belgian = await driver().saveStep(draft.id, 'worker', saved.json().version, {
      ...answers,
      'application.worker.nationality': 'BE',
    });
    expect(belgian.statusCode).toBe(200);
    // Kept, though refused: the draft then shows in the employer's list as one never to be filed.
    expect(belgian.json().application.worker.nationality).toBe('BE');
    expect(belgian.json().answerErrors[0].message).toMatch(/^is Belgisch: een Belg heeft geen toelating/);
    const listed = (await employer.request('GET', '/api/v1/dossiers')).json().dossiers;
    expect(listed.find((d: { id: string }) => d.id === draft.id)).toMatchObject({
      needsAction: ['DELETE_DRAFT'],
      needsNoAuthorisation: true,
    });
  });

  it('refuses to submit a draft that already holds such a nationality (saved before the rule)', async () => {
    const draft = await answeredDraft();
    for (const type of draft.requiredDocumentTypes as string[]) await driver().upload(draft.id, type);
    const application = { ...draft.application, worker: { ...draft.application.worker, nationality: 'NO' } };
    await world.database.db.updateTable('dossiers').set({ application }).where('id', '=', draft.id).execute();
    const response = await employer.request('POST', `/api/v1/dossiers/${draft.id}/submit`, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'application.worker.nationality',
        rule: 'workAuthorisationNotRequired',
      }),
    ]);
    expect(response.json().error.fields[0].message).toContain('Noorwegen');
  });

  it('marks the nationality question with the nationalities that need no authorisation', async () => {
    const visitor = await anonymousSession(world.testApp.app);
    const { steps } = (await visitor.request('GET', '/api/v1/application-steps/SEASONAL_WORKER')).json();
    const question = steps
      .flatMap((step: { questions: unknown[] }) => step.questions)
      .find((q: { path: string }) => q.path === 'application.worker.nationality');
    expect(question.noApplicationFor).toEqual(expect.arrayContaining(['BE', 'FR', 'NO', 'CH', 'LI']));
    expect(question.noApplicationFor).not.toContain('IN');
    expect(question.noApplicationFor).not.toContain('GB');
  });

  it('explains an inadmissible dossier by its grounds and asks no fee for it, nor shows a QR code', async () => {
    const complete = await driver().completeDraft('HIGHLY_SKILLED', {
      ...HIGHLY_SKILLED_ANSWERS,
      job: { ...HIGHLY_SKILLED_ANSWERS.job, 'application.job.workplacePostalCode': '1000' },
    });
    const dossier = await driver().submit(complete.id);
    expect(dossier.status).toBe('INADMISSIBLE');
    expect(dossier.inadmissibility).toMatchObject({
      grounds: [{ code: 'NOT_COMPETENT_REGION', region: 'BRUSSELS' }],
      legalBasis: expect.stringContaining('BVR 7 Dec 2018'),
    });
    expect(dossier.fee).toEqual({ amountDueCents: 0, reference: null, paidOn: null });
    expect((await employer.request('GET', `/api/v1/dossiers/${dossier.id}/fee`)).statusCode).toBe(404);
    expect((await employer.request('GET', `/api/v1/dossiers/${dossier.id}/fee.pdf`)).statusCode).toBe(404);

    const staffView = (await world.caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(staffView.inadmissibility.grounds[0].code).toBe('NOT_COMPETENT_REGION');

    const { code } = (await employer.request('POST', `/api/v1/dossiers/${dossier.id}/worker-access`)).json();
    const worker = await anonymousSession(world.testApp.app);
    const seen = (await worker.request('POST', '/api/v1/worker-access/redeem', { code })).json();
    expect(seen.dossier).toMatchObject({
      status: 'INADMISSIBLE',
      inadmissibility: { grounds: [{ code: 'NOT_COMPETENT_REGION', region: 'BRUSSELS' }] },
    });
  });

  it('asks no fee for a work card (exempt), so shows no payment request', async () => {
    const complete = await driver().completeDraft('HIGHLY_SKILLED', {
      ...HIGHLY_SKILLED_ANSWERS,
      job: {
        ...HIGHLY_SKILLED_ANSWERS.job,
        'application.job.startDate': '2026-05-01',
        'application.job.endDate': '2026-07-15',
      },
    });
    expect(complete.assessment.fee).toMatchObject({ amountDue: 0, exemption: 'WORK_CARD' });
    const dossier = await driver().submit(complete.id);
    expect(dossier.fee).toEqual({ amountDueCents: 0, reference: null, paidOn: null });
    expect((await employer.request('GET', `/api/v1/dossiers/${dossier.id}/fee`)).statusCode).toBe(404);
  });

  it('answers the public assessment for an EU national with the reason and no fee', async () => {
    const visitor = await anonymousSession(world.testApp.app);
    const response = await visitor.request('POST', '/api/v1/assessments?lang=en', {
      applicationDate: '2026-03-02',
      category: 'HIGHLY_SKILLED',
      employer: { enterpriseNumber: '0403.170.701' },
      worker: { birthDate: '1990-05-01', nationality: 'PL', qualificationVks: 7 },
      job: { requiredVks: 6, grossAnnualSalary: 85000, workplacePostalCode: '9000' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      outcome: 'NOT_REQUIRED',
      reasons: [{ code: 'WORK_AUTHORISATION_NOT_REQUIRED', effect: 'REFUSE', facts: { group: 'EU' } }],
      fee: { amountDue: 0, exemption: 'WORK_AUTHORISATION_NOT_REQUIRED' },
    });
  });

  it('says beside the field that an enterprise number’s check digits are wrong, keeping the stored one', async () => {
    const draft = await driver().startDraft('HIGHLY_SKILLED');
    const answers = { 'application.employer.enterpriseNumber': '0403.170.702' };
    for (const [lang, text] of [
      ['nl', /^klopt niet: het controlegetal/],
      ['fr', /^est erroné : le chiffre de contrôle/],
      ['en', /^is wrong: the check digits/],
    ] as const) {
      const saved = await employer.request(
        'PUT',
        `/api/v1/dossiers/${draft.id}/steps/employer`,
        { version: draft.version, answers },
        inLanguage(lang),
      );
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().answerErrors).toEqual([
        {
          path: 'application.employer.enterpriseNumber',
          rule: 'enterpriseNumber.checkDigits',
          message: expect.stringMatching(text),
        },
      ]);
      expect(saved.json().application.employer.enterpriseNumber).toBe('0403.170.701');
    }
    // Starting a draft with it is a field error too, not "no access".
    const started = await employer.request(
      'POST',
      '/api/v1/dossiers',
      { category: 'HIGHLY_SKILLED', enterpriseNumber: '0403.170.702' },
      inLanguage('fr'),
    );
    expect(started.statusCode).toBe(400);
    expect(started.json().error.fields[0]).toMatchObject({
      path: 'body.enterpriseNumber',
      rule: 'enterpriseNumber.checkDigits',
    });
  });

  it('refuses an INSZ whose check digits are wrong at the worker step, as the form does, keeping the other answers', async () => {
    const draft = await driver().startDraft('HIGHLY_SKILLED');
    const answers = { ...HIGHLY_SKILLED_ANSWERS.worker, 'application.worker.insz': '93.05.18-223.62' };
    const saved = await employer.request(
      'PUT',
      `/api/v1/dossiers/${draft.id}/steps/worker`,
      { version: draft.version, answers },
      inLanguage('fr'),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().answerErrors).toEqual([
      {
        path: 'application.worker.insz',
        rule: 'insz.checkDigits',
        message: expect.stringMatching(/^est erroné : le nombre de contrôle/),
      },
    ]);
    expect(saved.json().application.worker.insz).toBeUndefined();
    expect(saved.json().application.worker.nationality).toBe('IN');
    // A valid one is kept.
    const valid = await driver().saveStep(draft.id, 'worker', saved.json().version, {
      'application.worker.insz': '93.05.18-223.61',
    });
    expect(valid.json().answerErrors ?? []).toEqual([]);
    expect(valid.json().application.worker.insz).toBe('93.05.18-223.61');
  });

  it('asks a medium-skilled job its salary and sector scale, naming a missing or negative one, and no other category the scale', async () => {
    const draft = await driver().startDraft('MEDIUM_SKILLED_SHORTAGE');
    const job = {
      'application.job.title': 'Lift installer',
      'application.job.workplacePostalCode': '8000',
      'application.job.startDate': '2026-05-04',
      'application.job.employmentFraction': 1,
      'application.job.migrationListFunction': 'lift-installer',
      'application.job.sectorScaleMonthly': -1,
    };
    const saved = await driver().saveStep(draft.id, 'job', draft.version, job);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      saved
        .json()
        .answerErrors.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['application.job.grossAnnualSalary', 'application.job.sectorScaleMonthly']);
    const low = await driver().saveStep(draft.id, 'job', saved.json().version, {
      ...job,
      'application.job.sectorScaleMonthly': 2500,
      'application.job.grossAnnualSalary': 30000,
    });
    expect(low.json().answerErrors).toEqual([]);
    expect(low.json().application.job.sectorScaleMonthly).toBe(2500);
    // The pay floor (issue 13, item 6) in the public answer: below the sector scale, said in words.
    const visitor = await anonymousSession(world.testApp.app);
    const answer = await visitor.request('POST', '/api/v1/assessments?lang=nl', {
      applicationDate: '2026-03-02',
      category: 'MEDIUM_SKILLED_SHORTAGE',
      employer: { enterpriseNumber: '0403.170.701' },
      worker: { birthDate: '1990-05-01', nationality: 'IN' },
      job: {
        migrationListFunction: 'lift-installer',
        grossAnnualSalary: 30000,
        sectorScaleMonthly: 2500,
        employmentFraction: 1,
        workplacePostalCode: '8000',
      },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const floor = answer.json().reasons.find((r: { code: string }) => r.code === 'PAY_BELOW_MINIMUM');
    expect(floor).toMatchObject({ effect: 'REFUSE', facts: { minimumMonthly: 2500 } });
    expect(floor.message).toContain('sectorale loonschaal');
    const highlySkilled = await driver().startDraft('HIGHLY_SKILLED');
    const notAsked = await driver().saveStep(highlySkilled.id, 'job', highlySkilled.version, {
      ...HIGHLY_SKILLED_ANSWERS.job,
      'application.job.sectorScaleMonthly': 2500,
    });
    expect(notAsked.statusCode).toBe(400);
    expect(notAsked.json().error.fields[0]).toMatchObject({
      path: 'answers.application.job.sectorScaleMonthly',
      rule: 'additionalProperties',
    });
  });

  it('refuses implausible dates on the form and in the public assessment, naming the field in the user’s language', async () => {
    const draft = await driver().startDraft('HIGHLY_SKILLED');
    const young = await employer.request(
      'PUT',
      `/api/v1/dossiers/${draft.id}/steps/worker`,
      {
        version: draft.version,
        answers: { ...HIGHLY_SKILLED_ANSWERS.worker, 'application.worker.birthDate': '2015-01-01' },
      },
      inLanguage('fr'),
    );
    expect(young.statusCode, young.body).toBe(200);
    expect(young.json().answerErrors).toEqual([
      {
        path: 'application.worker.birthDate',
        rule: 'plausible.tooYoung',
        message: expect.stringContaining('plus jeune que 15 ans'),
      },
    ]);
    expect(young.json().application.worker.birthDate).toBeUndefined();
    const late = await driver().saveStep(draft.id, 'job', young.json().version, {
      ...HIGHLY_SKILLED_ANSWERS.job,
      'application.job.startDate': '2029-01-01',
    });
    expect(late.json().answerErrors).toEqual([
      expect.objectContaining({ path: 'application.job.startDate', rule: 'plausible.startTooLate' }),
    ]);

    const visitor = await anonymousSession(world.testApp.app);
    const response = await visitor.request(
      'POST',
      '/api/v1/assessments?lang=en',
      {
        applicationDate: '2026-03-02',
        category: 'HIGHLY_SKILLED',
        employer: { enterpriseNumber: '0403.170.701' },
        worker: { birthDate: '1990-05-01', nationality: 'IN', qualificationVks: 7 },
        job: {
          requiredVks: 6,
          grossAnnualSalary: 85000,
          workplacePostalCode: '9000',
          startDate: '2020-01-01',
        },
      },
      inLanguage('en'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      {
        path: 'job.startDate',
        rule: 'plausible.startTooEarly',
        message: expect.stringContaining('more than a year before'),
      },
    ]);
  });
  it('asks the NARIC file only of a nurse in a care function below VKS 5, and forgets it when no longer asked (issue 13)', async () => {
    const draft = await answeredDraft({
      worker: { 'application.worker.profession': 'NURSE' },
      job: {
        'application.job.requiredVks': 4,
        'application.job.isCareFunction': true,
        'application.worker.naricReference': 'NARIC-2026-0042',
      },
    });
    expect(draft.application.worker.naricReference).toBe('NARIC-2026-0042');
    const jobStep = draft.steps.find((step: { id: string }) => step.id === 'job');
    const naric = jobStep.questions.find(
      (q: { path: string }) => q.path === 'application.worker.naricReference',
    );
    expect(naric.askedWhen).toEqual([
      { path: 'application.worker.profession', equals: 'NURSE' },
      { path: 'application.job.requiredVks', below: 5 },
      { path: 'application.job.isCareFunction', equals: true },
    ]);

    // A function at VKS 6 needs no exception: the care answer and the NARIC file are cleared.
    const saved = await driver().saveStep(draft.id, 'job', draft.version, {
      ...HIGHLY_SKILLED_ANSWERS.job,
      'application.job.requiredVks': 6,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await driver().view(draft.id);
    expect(after.application.worker.naricReference).toBeUndefined();
    expect(after.application.job.isCareFunction).toBeUndefined();
    expect(after.application.worker.profession).toBe('NURSE');
  });
});
