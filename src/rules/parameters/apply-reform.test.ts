import { describe, expect, it } from 'vitest';
import { YamlSource } from '../data/yaml-source.ts';
import { assessWith } from '../engine/assess-application.ts';
import { RuleDataError } from '../errors.ts';
import { getDefaultRuleData } from '../index.ts';
import { anApplication } from '../test-support/build-application.ts';
import { applyReform, overlayPeriod, parseParameterOverrides } from './apply-reform.ts';
import type { ParameterPeriod } from './parameter-table.ts';

const period = (validFrom: string, value: number, validUntil: string | null = null): ParameterPeriod => ({
  validFrom,
  validUntil,
  value,
  source: 's',
  verified: true,
  status: 'VERIFIED',
});

describe('overlayPeriod', () => {
  const base = [period('2019-01-01', 1), period('2022-01-01', 2), period('2025-01-01', 3)];

  it('replaces everything from its date when open-ended', () => {
    expect(
      overlayPeriod(base, period('2022-06-01', 9)).map((p) => [p.validFrom, p.validUntil, p.value]),
    ).toEqual([
      ['2019-01-01', '2021-12-31', 1],
      ['2022-01-01', '2022-05-31', 2],
      ['2022-06-01', null, 9],
    ]);
  });

  it('cuts a hole when bounded, and the baseline resumes after it', () => {
    expect(
      overlayPeriod(base, period('2022-06-01', 9, '2023-05-31')).map((p) => [
        p.validFrom,
        p.validUntil,
        p.value,
      ]),
    ).toEqual([
      ['2019-01-01', '2021-12-31', 1],
      ['2022-01-01', '2022-05-31', 2],
      ['2022-06-01', '2023-05-31', 9],
      ['2023-06-01', '2024-12-31', 2],
      ['2025-01-01', null, 3],
    ]);
  });
});

describe('applyReform', () => {
  const overridesYaml = `salary.averageGrossAnnual:
  values:
    2025-01-01:
      value: 60000
      source: reform proposal
threshold.share.highlySkilled:
  values:
    2025-01-01: { value: 0.9 }
`;

  it('is a copy of the rule data: the baseline is untouched and assessed by the same engine', () => {
    const baseline = getDefaultRuleData();
    const reform = applyReform(
      baseline,
      parseParameterOverrides(new YamlSource('reform.yaml', overridesYaml)),
    );
    const app = anApplication({ job: { grossAnnualSalary: 52000 } });
    expect(assessWith(baseline, app).outcome).toBe('ELIGIBLE');
    const reformed = assessWith(reform, app);
    expect(reformed.outcome).toBe('INELIGIBLE');
    expect(reformed.reasons[0]?.facts).toMatchObject({ threshold: 54000, averageWage: 60000, share: 0.9 });
    expect(reformed.parameters.find((p) => p.name === 'salary.averageGrossAnnual')).toMatchObject({
      value: 60000,
      source: 'reform proposal',
    });
    expect(reformed.warnings.map((w) => w.code)).toContain('PARAMETER_UNVERIFIED');
    expect(assessWith(baseline, app).outcome).toBe('ELIGIBLE');
  });

  it('switches the ministers’ integration test on from a dated period: missing is incomplete, failed refuses (policy note 002 §2.7)', () => {
    const baseline = getDefaultRuleData();
    const reform = applyReform(
      baseline,
      parseParameterOverrides(
        new YamlSource(
          'federal.yaml',
          'religion.integrationTestRequired:\n  values:\n    2027-01-01: { value: true, source: federal act }\n',
        ),
      ),
    );
    const minister = (applicationDate: string, integrationTestPassed?: boolean) =>
      anApplication({
        applicationDate,
        category: 'MINISTER_OF_RELIGION',
        job: { startDate: applicationDate },
        religion: {
          cult: 'ISLAMIC',
          shortageDemonstrated: true,
          ...(integrationTestPassed === undefined ? {} : { integrationTestPassed }),
        },
      });
    const codes = (app: ReturnType<typeof minister>) => assessWith(reform, app).reasons.map((r) => r.code);
    expect(codes(minister('2026-12-31', false))).not.toContain('INTEGRATION_TEST_NOT_PASSED');
    expect(codes(minister('2027-01-04', false))).toContain('INTEGRATION_TEST_NOT_PASSED');
    expect(codes(minister('2027-01-04', true))).not.toContain('INTEGRATION_TEST_NOT_PASSED');
    const missing = assessWith(reform, minister('2027-01-04')).reasons.find(
      (r) => r.code === 'MISSING_INFORMATION',
    );
    expect(missing?.facts).toMatchObject({ fields: ['religion.integrationTestPassed'] });
  });

  it('rejects an override of an unknown parameter, naming file and line', () => {
    const source = new YamlSource(
      'reform.yaml',
      'salary.average:\n  values:\n    2025-01-01: { value: 1 }\n',
    );
    expect(() => parseParameterOverrides(source)).toThrow(RuleDataError);
    expect(source.problems).toEqual([expect.objectContaining({ file: 'reform.yaml', line: 2 })]);
  });
});
