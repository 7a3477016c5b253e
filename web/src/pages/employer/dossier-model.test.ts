import { describe, expect, it } from 'vitest';
import { applicationSteps } from '../../../../src/dossiers/intake/application-steps.ts';
import { assess } from '../../../../src/rules/index.ts';
import {
  askedQuestions,
  buildSelfCheckApplication,
  groupFieldErrors,
  isFeeDue,
  missingRequiredDocuments,
  noAuthorisationReason,
  parseNumber,
  type Question,
  type Step,
  selfCheckErrorPath,
  stepOfPath,
  svgDataUrl,
  toAnswer,
  toFormValues,
  toStepAnswers,
} from './dossier-model.ts';

const q = (path: string, input: Question['input'], options?: (string | number)[]): Question => ({
  path,
  input,
  required: true,
  ...(options ? { options } : {}),
});

describe('form values to API answers', () => {
  it('sends numbers as numbers, read the way people type them', () => {
    expect(parseNumber('85000', false)).toBe(85000);
    expect(parseNumber('85 000', false)).toBe(85000);
    expect(parseNumber('85.000,50', false)).toBe(85000.5);
    expect(parseNumber('0,5', false)).toBe(0.5);
    expect(parseNumber('12', true)).toBe(12);
    // What is not a number stays text, so the API names the field.
    expect(parseNumber('1.5', true)).toBe('1.5');
    expect(parseNumber('veel', false)).toBe('veel');
  });

  it('sends booleans as booleans, choices in their own type and empty answers as null', () => {
    expect(toAnswer(q('a.b', 'boolean'), 'true')).toBe(true);
    expect(toAnswer(q('a.b', 'boolean'), 'false')).toBe(false);
    expect(toAnswer(q('a.b', 'boolean'), '')).toBeNull();
    expect(toAnswer(q('a.vks', 'choice', [1, 2, 7]), '7')).toBe(7);
    expect(toAnswer(q('a.sex', 'choice', ['F', 'M']), 'F')).toBe('F');
    expect(toAnswer(q('a.t', 'text'), '  ')).toBeNull();
    expect(toAnswer(q('a.d', 'date'), '2026-05-01')).toBe('2026-05-01');
    expect(toAnswer(q('a.f', 'fraction'), '0,8')).toBe(0.8);
  });

  it('keeps only filled publication rows, and none as null', () => {
    const question = q('application.labourMarketTest.publications', 'publications');
    expect(toAnswer(question, [{ channel: '', from: '', to: '' }])).toBeNull();
    expect(
      toAnswer(question, [
        { channel: 'VDAB', from: '2026-01-01', to: '2026-02-01' },
        { channel: '', from: '', to: '' },
      ]),
    ).toEqual([{ channel: 'VDAB', from: '2026-01-01', to: '2026-02-01' }]);
  });

  it('prefills a step from the dossier and sends back every question of it', () => {
    const questions = [
      q('workerIdentity.givenNames', 'text'),
      q('application.worker.qualificationVks', 'choice', [6, 7]),
      q('application.job.isCareFunction', 'boolean'),
    ];
    const values = toFormValues(questions, {
      application: { worker: { qualificationVks: 7 }, job: { isCareFunction: false } },
      workerIdentity: { givenNames: 'Priya' },
    });
    expect(values).toEqual({
      'workerIdentity.givenNames': 'Priya',
      'application.worker.qualificationVks': '7',
      'application.job.isCareFunction': 'false',
    });
    expect(toStepAnswers(questions, { ...values, 'workerIdentity.givenNames': '' })).toEqual({
      'workerIdentity.givenNames': null,
      'application.worker.qualificationVks': 7,
      'application.job.isCareFunction': false,
    });
  });
  it('shows a stored amount as it was typed: a decimal comma on a Dutch or French page', () => {
    const questions = [
      q('application.job.grossAnnualSalary', 'amount'),
      q('application.job.employmentFraction', 'fraction'),
    ];
    const dossier = {
      application: { job: { grossAnnualSalary: 30000.5, employmentFraction: 0.5 } },
      workerIdentity: {},
    };
    expect(toFormValues(questions, dossier, true)).toEqual({
      'application.job.grossAnnualSalary': '30000,50',
      'application.job.employmentFraction': '0,5',
    });
    expect(toFormValues(questions, dossier)).toEqual({
      'application.job.grossAnnualSalary': '30000.50',
      'application.job.employmentFraction': '0.5',
    });
    // What is shown is read back as the same number.
    expect(toStepAnswers(questions, toFormValues(questions, dossier, true))).toEqual({
      'application.job.grossAnnualSalary': 30000.5,
      'application.job.employmentFraction': 0.5,
    });
  });
});

describe('API errors to questions', () => {
  const questions = [
    q('application.job.workplacePostalCode', 'text'),
    q('application.labourMarketTest.publications', 'publications'),
  ];

  it('puts each message on its question, a row error on the whole group, and keeps the rest apart', () => {
    const { byPath, others } = groupFieldErrors(questions, [
      { path: 'application.job.workplacePostalCode', rule: 'pattern', message: 'heeft niet de juiste vorm' },
      { path: 'application.labourMarketTest.publications[0].to', rule: 'minimum', message: 'te vroeg' },
      { path: 'answers.application.job.workplacePostalCode', rule: 'type', message: 'geen tekst' },
      { path: 'version', rule: 'type', message: 'ongeldig' },
    ]);
    const messages = Object.fromEntries(
      Object.entries(byPath).map(([path, found]) => [path, found.map((field) => field.message)]),
    );
    expect(messages).toEqual({
      'application.job.workplacePostalCode': ['heeft niet de juiste vorm', 'geen tekst'],
      'application.labourMarketTest.publications': ['te vroeg'],
    });
    expect(others.map((o) => o.path)).toEqual(['version']);
  });

  it('finds the step of a submission error so the review can link to it', () => {
    const steps = applicationSteps('HIGHLY_SKILLED') as unknown as Step[];
    expect(stepOfPath(steps, 'workerIdentity.familyName')?.id).toBe('worker');
    expect(stepOfPath(steps, 'application.job.grossAnnualSalary')?.id).toBe('job');
    expect(stepOfPath(steps, 'documents')).toBeUndefined();
  });

  it('reads an assessment error path as a question path', () => {
    expect(selfCheckErrorPath('worker.birthDate')).toBe('application.worker.birthDate');
    expect(selfCheckErrorPath('body.job.workplacePostalCode')).toBe('application.job.workplacePostalCode');
  });
});

describe('the self-check application', () => {
  it('places every application answer at its path, leaves out the worker name and empty answers', () => {
    const questions = [
      q('workerIdentity.givenNames', 'text'),
      q('application.employer.enterpriseNumber', 'text'),
      q('application.job.grossAnnualSalary', 'amount'),
      q('application.job.endDate', 'date'),
      q('application.researcher.hostingAgreement', 'boolean'),
    ];
    const application = buildSelfCheckApplication('RESEARCHER', '2026-11-23', questions, {
      'workerIdentity.givenNames': 'Priya',
      'application.employer.enterpriseNumber': '0403.170.701',
      'application.job.grossAnnualSalary': '50000',
      'application.job.endDate': '',
      'application.researcher.hostingAgreement': 'true',
    });
    expect(application).toEqual({
      applicationDate: '2026-11-23',
      category: 'RESEARCHER',
      employer: { enterpriseNumber: '0403.170.701' },
      worker: {},
      job: { grossAnnualSalary: 50000 },
      researcher: { hostingAgreement: true },
    });
  });

  it('turns an SVG into an image source that keeps its markup intact', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>QR #1</title></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;utf8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:image/svg+xml;utf8,'.length))).toBe(svg);
  });
});

describe('what the employer is asked before and after submitting', () => {
  const fee = { amountDueCents: 20000, reference: '+++000/0000/00197+++', paidOn: null };

  it('asks the fee only while a submitted dossier waits for it and something is due', () => {
    expect(isFeeDue({ status: 'SUBMITTED', fee })).toBe(true);
    expect(isFeeDue({ status: 'INADMISSIBLE', fee })).toBe(false);
    expect(isFeeDue({ status: 'WITHDRAWN', fee })).toBe(false);
    expect(isFeeDue({ status: 'SUBMITTED', fee: { ...fee, amountDueCents: 0 } })).toBe(false);
    expect(isFeeDue({ status: 'SUBMITTED', fee: { ...fee, paidOn: '2026-03-03' } })).toBe(false);
  });

  it('lists the required documents not uploaded yet', () => {
    const documents = [{ documentType: 'PASSPORT' }] as Parameters<
      typeof missingRequiredDocuments
    >[0]['documents'];
    expect(missingRequiredDocuments({ requiredDocumentTypes: ['PASSPORT', 'DIPLOMA'], documents })).toEqual([
      'DIPLOMA',
    ]);
  });

  it('finds the rules saying the worker needs no authorisation', () => {
    const application = {
      applicationDate: '2026-03-02',
      category: 'HIGHLY_SKILLED',
      employer: { enterpriseNumber: '0403.170.701' },
      worker: { birthDate: '1990-05-01', nationality: 'CH', qualificationVks: 7 },
      job: { requiredVks: 6, grossAnnualSalary: 85000, workplacePostalCode: '9000' },
    };
    expect(noAuthorisationReason(assess(application))?.facts).toEqual({
      nationality: 'CH',
      group: 'SWITZERLAND',
    });
    expect(
      noAuthorisationReason(assess({ ...application, worker: { ...application.worker, nationality: 'IN' } })),
    ).toBeUndefined();
    expect(noAuthorisationReason(null)).toBeUndefined();
  });
});

describe('questions asked on earlier answers (issue 13)', () => {
  const nurseConditions = [
    { path: 'application.worker.profession', equals: 'NURSE' },
    { path: 'application.job.requiredVks', below: 5 },
  ];
  const job: Question[] = [
    q('application.job.requiredVks', 'choice', [1, 2, 3, 4, 5, 6, 7, 8]),
    { ...q('application.job.isCareFunction', 'boolean'), required: false, askedWhen: nurseConditions },
    {
      ...q('application.worker.naricReference', 'text'),
      required: false,
      askedWhen: [...nurseConditions, { path: 'application.job.isCareFunction', equals: true }],
    },
  ];
  const paths = (questions: Question[]) => questions.map((question) => question.path);
  const nurse = { application: { worker: { profession: 'NURSE' } }, workerIdentity: {} };

  it('show the NARIC reference only to a nurse in a care function below VKS 5, reading the earlier step as stored', () => {
    expect(paths(askedQuestions(job, { 'application.job.requiredVks': '6' }, nurse))).toEqual([
      'application.job.requiredVks',
    ]);
    expect(paths(askedQuestions(job, { 'application.job.requiredVks': '4' }, nurse))).toEqual([
      'application.job.requiredVks',
      'application.job.isCareFunction',
    ]);
    const care = { 'application.job.requiredVks': '4', 'application.job.isCareFunction': 'true' };
    expect(paths(askedQuestions(job, care, nurse))).toEqual(paths(job));
    const teacher = { application: { worker: { profession: 'TEACHER' } }, workerIdentity: {} };
    expect(paths(askedQuestions(job, care, teacher))).toEqual(['application.job.requiredVks']);
  });

  it('list in the answers’ summary only what the stored answers asked (no "not answered" NARIC row)', () => {
    const stored = (requiredVks: number) => ({
      application: { worker: { profession: 'NURSE' }, job: { requiredVks } },
      workerIdentity: {},
    });
    expect(paths(askedQuestions(job, undefined, stored(6)))).toEqual(['application.job.requiredVks']);
    expect(paths(askedQuestions(job, undefined, stored(4)))).toEqual([
      'application.job.requiredVks',
      'application.job.isCareFunction',
    ]);
  });

  it('leave a question no longer asked out of the self-check application', () => {
    const questions: Question[] = [
      { ...q('application.worker.profession', 'choice', ['NURSE', 'TEACHER']), required: false },
      ...job,
    ];
    const application = buildSelfCheckApplication('HIGHLY_SKILLED', '2026-11-23', questions, {
      'application.worker.profession': 'TEACHER',
      'application.job.requiredVks': '4',
      'application.job.isCareFunction': 'true',
      'application.worker.naricReference': 'NARIC-1',
    });
    expect(application.worker).toEqual({ profession: 'TEACHER' });
    expect(application.job).toEqual({ requiredVks: 4 });
  });
});
