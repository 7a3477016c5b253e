import { describe, expect, it } from 'vitest';
import { getDefaultRuleData, salaryThresholdOf } from '../rules/index.ts';
import { anApplication } from '../rules/test-support/build-application.ts';
import type { RegisterReading } from './monitoring-types.ts';
import { riskParametersOn } from './risk-parameters.ts';
import { MIN_GROUP, quantile, type ThresholdedAuthorisation, wageConformity } from './wage-conformity.ts';

const READ_ON = '2026-12-01';
const params = riskParametersOn(READ_ON);
const HOURS = params.annualFullTimeHours.value;

/** An authorisation of `category` granted in `year`, threshold 52,000 a year, full time, paid `ratio` × threshold. */
function case_(i: number, category: string, year: number, ratio: number, reading: RegisterReading) {
  const insz = String(85_000_000_000 + i);
  const auth: ThresholdedAuthorisation = {
    authorisationId: `a${i}`,
    enterpriseNumber: '0403170701',
    insz,
    grossAnnualSalary: 60_000,
    employmentFraction: 1,
    grantedOn: `${year}-03-01`,
    validFrom: '2025-01-01',
    validUntil: '2027-12-31',
    workplacePostalCode: '9000',
    category,
    salaryThreshold: 52_000,
  };
  const quarterHours = HOURS / 4;
  const perHour = (52_000 / HOURS) * ratio;
  reading.dmfa.set(insz, {
    value: ['2025-Q4', '2026-Q1', '2026-Q2'].map((quarter) => ({
      insz,
      quarter,
      lines: [
        {
          enterpriseNumber: '0403170701',
          hours: quarterHours,
          wages: [{ code: '1', amount: perHour * quarterHours }],
        },
      ],
    })),
    source: 'dmfa',
    readAt: `${READ_ON}T03:00:00Z`,
    requestId: 't',
  } as never);
  return auth;
}

function emptyReading(): RegisterReading {
  return {
    readOn: READ_ON,
    quarters: ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'],
    enterprises: new Map(),
    employments: new Map(),
    dmfa: new Map(),
    sanctions: new Map(),
    persons: new Map(),
    staff: new Map(),
  };
}

describe('market conformity of the salary thresholds', () => {
  it('gives per category and year of grant the quantiles of paid ÷ threshold per hour, none for small groups', () => {
    const reading = emptyReading();
    const ratios = [0.9, 1.0, 1.1, 1.2, 1.5, 2.0];
    const auths = [
      ...ratios.map((r, i) => case_(i, 'HIGHLY_SKILLED', 2025, r, reading)),
      ...[1.3, 1.4].map((r, i) => case_(100 + i, 'EU_BLUE_CARD', 2025, r, reading)),
      { ...case_(200, 'HIGHLY_SKILLED', 2025, 1, reading), salaryThreshold: null },
      { ...case_(201, 'HIGHLY_SKILLED', 2025, 1, reading), insz: '99999999999' }, // DmfA not read
    ];
    const rows = wageConformity(auths, reading, params);
    expect(rows.map((r) => [r.category, r.year, r.authorisations])).toEqual([
      ['EU_BLUE_CARD', 2025, 2],
      ['HIGHLY_SKILLED', 2025, 6],
    ]);
    expect(rows[0]).toMatchObject({ quantiles: null, belowShare: null });
    const sorted = [...ratios].sort((a, b) => a - b);
    expect(rows[1]?.quantiles).toEqual(
      [0.1, 0.25, 0.5, 0.75, 0.9].map((p) => Math.round(quantile(sorted, p) * 1000) / 1000),
    );
    expect(rows[1]?.quantiles?.[2]).toBeCloseTo(1.15, 3);
    expect(rows[1]?.belowShare).toBeCloseTo(1 / 6, 3);
    expect(MIN_GROUP).toBe(5);
  });

  it('takes the threshold from the rules of the application: the category salary condition on its start date', () => {
    const data = getDefaultRuleData();
    const highlySkilled = salaryThresholdOf(data, anApplication({}));
    expect(highlySkilled).toBeGreaterThan(40_000);
    expect(salaryThresholdOf(data, anApplication({ category: 'SEASONAL_WORKER' }))).toBeNull();
  });
});
