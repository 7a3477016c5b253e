import { describe, expect, it } from 'vitest';
import { assess, CATEGORIES } from '../../rules/index.ts';
import { applicationSteps, clearUnasked, isAsked, type Question } from './application-steps.ts';
import { type Draft, readPath, writePath } from './draft.ts';

function sampleAnswer(question: Question): unknown {
  switch (question.input) {
    case 'text':
      return question.path.endsWith('enterpriseNumber')
        ? '0403170701'
        : question.path.endsWith('PostalCode')
          ? '9000'
          : 'Sample';
    case 'date':
      return question.path.endsWith('birthDate') ? '1990-05-01' : '2026-06-01';
    case 'integer':
      return 24;
    case 'amount':
      return 70000;
    case 'fraction':
      return 1;
    case 'boolean':
      return true;
    case 'country':
      return 'IN';
    case 'choice':
      return question.options?.[5] ?? question.options?.[0];
    case 'occupation':
      return '7231';
    case 'migrationList':
      return 'vehicle-technician';
    case 'publications':
      return [{ channel: 'VDAB', from: '2026-01-01', to: '2026-03-31' }];
  }
}

describe('application steps', () => {
  it.each(CATEGORIES)('ask every field the rules need for %s', (category) => {
    let draft: Draft = {
      application: { applicationDate: '2026-04-15', category },
      workerIdentity: {},
    };
    for (const step of applicationSteps(category)) {
      for (const question of step.questions.filter((candidate) => candidate.required)) {
        draft = writePath(draft, question.path, sampleAnswer(question));
      }
    }
    const assessment = assess(draft.application);
    expect(assessment.reasons.filter((reason) => reason.code === 'MISSING_INFORMATION')).toEqual([]);
  });

  it('ask only the labour-market test of the category that has one', () => {
    const paths = (category: (typeof CATEGORIES)[number]) =>
      applicationSteps(category).flatMap((step) => step.questions.map((question) => question.path));
    expect(paths('OTHER_LABOUR_MARKET_TEST')).toContain('application.labourMarketTest.publications');
    expect(paths('HIGHLY_SKILLED')).not.toContain('application.labourMarketTest.publications');
    expect(paths('HIGHLY_SKILLED')).not.toContain('application.job.sector');
  });

  it('ask the shortage proof, the NARIC reference and the sector scale only where the rules need them (issue 13)', () => {
    const askedIn = (path: string) =>
      CATEGORIES.filter((category) =>
        applicationSteps(category).some((step) => step.questions.some((question) => question.path === path)),
      );
    expect(askedIn('application.religion.shortageDemonstrated')).toEqual(['MINISTER_OF_RELIGION']);
    // Highly skilled only, and there only on the answers of the nurse exception (next test).
    expect(askedIn('application.worker.naricReference')).toEqual(['HIGHLY_SKILLED']);
    expect(askedIn('application.job.sectorScaleMonthly').sort()).toEqual(
      ['MEDIUM_SKILLED_SHORTAGE', 'OTHER_LABOUR_MARKET_TEST'].sort(),
    );
    // The pay floor needs the salary: asked and required for the medium-skilled level.
    for (const category of ['MEDIUM_SKILLED_SHORTAGE', 'OTHER_LABOUR_MARKET_TEST'] as const) {
      const salary = applicationSteps(category)
        .flatMap((step) => step.questions)
        .find((question) => question.path === 'application.job.grossAnnualSalary');
      expect(salary?.required, category).toBe(true);
    }
  });
});

describe('questions that depend on earlier answers (issue 13)', () => {
  const questionsOf = (category: (typeof CATEGORIES)[number]) =>
    applicationSteps(category).flatMap((step) => step.questions);
  const highlySkilled = questionsOf('HIGHLY_SKILLED');
  const question = (path: string) => highlySkilled.find((candidate) => candidate.path === path) as Question;
  const base = {
    applicationDate: '2026-04-15',
    category: 'HIGHLY_SKILLED',
    employer: { enterpriseNumber: '0403170701' },
    worker: { birthDate: '1990-05-01', nationality: 'IN', qualificationVks: 6 },
    job: { grossAnnualSalary: 70000, workplacePostalCode: '9000', startDate: '2026-06-01' },
  };

  // Every combination of the answers the nurse exception reads: the form asks the care function
  // and the NARIC file exactly when the rule, without them, reports them missing.
  const professions = ['NURSE', 'TEACHER', undefined] as const;
  const levels = [3, 4, 5, 6] as const;
  const care = [true, false, undefined] as const;
  const combinations = professions.flatMap((profession) =>
    levels.flatMap((requiredVks) =>
      care.map((isCareFunction) => ({ profession, requiredVks, isCareFunction })),
    ),
  );
  it.each(combinations)('ask the care function and the NARIC file as the rule needs them: %o', (answers) => {
    const application = {
      ...base,
      worker: { ...base.worker, ...(answers.profession ? { profession: answers.profession } : {}) },
      job: {
        ...base.job,
        requiredVks: answers.requiredVks,
        ...(answers.isCareFunction === undefined ? {} : { isCareFunction: answers.isCareFunction }),
      },
    };
    const answerAt = (path: string) => readPath({ application }, path);
    const missing = assess(application).reasons.find((reason) => reason.code === 'MISSING_INFORMATION');
    const missingFields = (missing?.facts as { fields?: string[] } | undefined)?.fields ?? [];
    const careAsked = isAsked(question('application.job.isCareFunction'), answerAt);
    const naricAsked = isAsked(question('application.worker.naricReference'), answerAt);
    // Without the answer, the rule wants it exactly when the form asks it.
    const withoutCare = { ...application, job: { ...application.job, isCareFunction: undefined } };
    const careNeeded = (
      (
        assess(JSON.parse(JSON.stringify(withoutCare))).reasons.find((r) => r.code === 'MISSING_INFORMATION')
          ?.facts as { fields?: string[] } | undefined
      )?.fields ?? []
    ).includes('job.isCareFunction');
    expect(careAsked).toBe(careNeeded);
    expect(naricAsked).toBe(missingFields.includes('worker.naricReference'));
  });

  it('never ask the NARIC file of a highly skilled function, of a teacher, or outside a care function', () => {
    const asks = (application: Record<string, unknown>) =>
      isAsked(question('application.worker.naricReference'), (path) => readPath({ application }, path));
    expect(asks({ worker: {}, job: { requiredVks: 6 } })).toBe(false);
    expect(asks({ worker: { profession: 'NURSE' }, job: { requiredVks: 6, isCareFunction: true } })).toBe(
      false,
    );
    expect(asks({ worker: { profession: 'TEACHER' }, job: { requiredVks: 4, isCareFunction: true } })).toBe(
      false,
    );
    expect(asks({ worker: { profession: 'NURSE' }, job: { requiredVks: 4, isCareFunction: false } })).toBe(
      false,
    );
    expect(asks({ worker: { profession: 'NURSE' }, job: { requiredVks: 4, isCareFunction: true } })).toBe(
      true,
    );
  });

  it('clear a NARIC file once the answers no longer ask it, and keep it while they do', () => {
    const nurse: Draft = {
      application: {
        ...base,
        worker: { ...base.worker, profession: 'NURSE', naricReference: 'NARIC-2026-0042' },
        job: { ...base.job, requiredVks: 4, isCareFunction: true },
      },
      workerIdentity: {},
    };
    expect(clearUnasked(nurse, 'HIGHLY_SKILLED').cleared).toEqual([]);
    const highLevel = writePath(nurse, 'application.job.requiredVks', 6);
    const { draft, cleared } = clearUnasked(highLevel, 'HIGHLY_SKILLED');
    expect(cleared.sort()).toEqual(['application.job.isCareFunction', 'application.worker.naricReference']);
    expect(readPath(draft, 'application.worker.naricReference')).toBeUndefined();
    expect(readPath(draft, 'application.worker.profession')).toBe('NURSE');
  });
});
