import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import {
  ApplicationInvalidError,
  AssessmentSchema,
  assess,
  CATEGORIES,
  RulesDateOutOfRangeError,
  RulesOptionError,
  stringifyAssessment,
} from '../index.ts';
import { anApplication } from '../test-support/build-application.ts';

const isAssessment = Compile(AssessmentSchema);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('assess', () => {
  it('answers every category with an assessment of the contract shape', () => {
    for (const category of CATEGORIES) {
      const assessment = assess(anApplication({ category, applicationDate: '2026-02-02' }));
      expect(
        isAssessment.Check(assessment),
        `${category}: ${JSON.stringify(isAssessment.Errors(assessment))}`,
      ).toBe(true);
      expect(assessment.category).toBe(category);
    }
  });

  it('puts INCOMPLETE over INELIGIBLE over NEEDS_REVIEW, and still reports every finding', () => {
    const review = {
      applicationDate: '2026-02-02',
      employer: { workforce: { headcount: 10, nonEuHeadcount: 10 } },
      job: { requiredVks: 6 },
    };
    expect(assess(anApplication(review)).outcome).toBe('NEEDS_REVIEW');
    const refused = { ...review, job: { grossAnnualSalary: 1, requiredVks: 6 } };
    expect(assess(anApplication(refused)).outcome).toBe('INELIGIBLE');
    const incomplete = anApplication({ ...refused, worker: { qualificationVks: null } });
    const assessment = assess(incomplete);
    expect(assessment.outcome).toBe('INCOMPLETE');
    expect(assessment.reasons.map((r) => [r.code, r.effect])).toEqual([
      ['MISSING_INFORMATION', 'INCOMPLETE'],
      ['SALARY_BELOW_THRESHOLD', 'REFUSE'],
      ['EMPLOYER_ALMOST_ONLY_NON_EU', 'REVIEW'],
    ]);
    expect(assessment.reasons[0]?.facts).toEqual({ fields: ['worker.qualificationVks'] });
  });

  it('is deterministic and leaves its input untouched', () => {
    const app = deepFreeze(
      anApplication({ applicationDate: '2026-02-02', job: { grossAnnualSalary: 30000 } }),
    );
    expect(assess(app)).toEqual(assess(app));
  });

  it('applies --at to rules, fee and deadlines, and defaults the start date to it', () => {
    const app = anApplication({ applicationDate: '2026-02-02' });
    const then = assess(app, { at: '2024-03-01' });
    expect(then.rulesAt).toBe('2024-03-01');
    expect(then.procedure).toMatchObject({ track: 'STANDARD', regionalDeadlineDays: 120 });
    expect(then.fee.amountDue).toBe(0);
    expect(then.parameters.find((p) => p.name === 'salary.averageGrossAnnual')?.validFrom).toBe('2024-01-01');
  });

  it('lists every parameter it used with its value, start date and source', () => {
    const { parameters } = assess(anApplication());
    expect(parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'salary.averageGrossAnnual',
        'threshold.share.highlySkilled',
        'procedure.regionalDeadlineDays.highlySkilled',
      ]),
    );
    for (const p of parameters) expect(p.source.length).toBeGreaterThan(0);
  });

  it('flags every unverified value used', () => {
    const codes = assess(
      anApplication({ applicationDate: '2026-02-02', job: { requiredVks: 6 } }),
    ).warnings.map((w) => w.facts.parameter);
    expect(codes).toEqual(expect.arrayContaining(['salary.averageGrossAnnual', 'fee.singlePermit']));
  });

  it('refuses dates before 2019 and bad options with typed errors', () => {
    expect(() => assess(anApplication({ applicationDate: '2018-12-31' }))).toThrow(RulesDateOutOfRangeError);
    expect(() => assess(anApplication({ job: { startDate: '2018-12-31' } }))).toThrow(
      expect.objectContaining({ code: 'LOKET_RULES_DATE_OUT_OF_RANGE', field: 'job.startDate' }),
    );
    expect(() => assess(anApplication(), { at: '2025-02-30' })).toThrow(RulesOptionError);
  });

  it('rejects input that is not an application, with ajv-shaped errors for every field', () => {
    try {
      assess({ applicationDate: 'yesterday', category: 'NOPE', employer: {}, worker: {}, job: {} });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApplicationInvalidError);
      const paths = (error as ApplicationInvalidError).errors.map((e) => `${e.instancePath} ${e.keyword}`);
      expect(paths).toEqual(expect.arrayContaining(['/applicationDate format', '/category enum']));
      expect(paths.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('rejects an end date before the start date', () => {
    expect(() => assess(anApplication({ job: { startDate: '2025-06-02', endDate: '2025-06-01' } }))).toThrow(
      expect.objectContaining({
        errors: [expect.objectContaining({ instancePath: '/job/endDate', keyword: 'minimum' })],
      }),
    );
  });

  it('serialises exactly as JSON.stringify does', () => {
    const assessment = assess(
      anApplication({ applicationDate: '2026-02-02', job: { grossAnnualSalary: 1000, requiredVks: 2 } }),
    );
    expect(stringifyAssessment(assessment)).toBe(JSON.stringify(assessment));
    expect(stringifyAssessment(assessment)).toBe(JSON.stringify(assessment));
  });
});
