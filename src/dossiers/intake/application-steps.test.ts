import { describe, expect, it } from 'vitest';
import { assess, CATEGORIES } from '../../rules/index.ts';
import { applicationSteps, type Question } from './application-steps.ts';
import { type Draft, writePath } from './draft.ts';

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
