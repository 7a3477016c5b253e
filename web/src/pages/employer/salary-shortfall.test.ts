import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../../../src/rules/index.ts';
import { anApplication } from '../../../../src/rules/test-support/build-application.ts';
import { formatMoney } from '../../format.ts';
import { CATALOGUES, type Translate } from '../../i18n.ts';
import { SALARY_PATH, salaryShortfall, salaryWarning, shortfallKey } from './salary-shortfall.ts';

// Intl writes (narrow) no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
let t: Translate;
const tIn = (lang: string) =>
  ((key: string, params?: Record<string, unknown>) =>
    i18next.getFixedT(lang)(key, params ?? {})) as Translate;

beforeAll(async () => {
  await i18next.init({
    resources: {
      nl: { translation: CATALOGUES.nl },
      fr: { translation: CATALOGUES.fr },
      en: { translation: CATALOGUES.en },
    },
    lng: 'nl',
    showSupportNotice: false,
  });
  t = ((key: string, params?: Record<string, unknown>) => i18next.t(key, params ?? {})) as Translate;
});

const lowPaidHighlySkilled = () =>
  assess(
    anApplication({
      applicationDate: '2026-02-10',
      category: 'HIGHLY_SKILLED',
      job: { grossAnnualSalary: 24000 },
    }),
  );

const lowPaidMediumSkilled = (employmentFraction: number) =>
  assess({
    applicationDate: '2026-03-01',
    category: 'MEDIUM_SKILLED_SHORTAGE',
    employer: { enterpriseNumber: '0644.580.242', establishedInBelgium: true },
    worker: { birthDate: '1987-01-30', nationality: 'TR', location: 'ABROAD', qualificationVks: 4 },
    job: {
      title: 'Lift installer',
      requiredVks: 4,
      migrationListFunction: 'lift-installer',
      grossAnnualSalary: 12000,
      employmentFraction,
      startDate: '2026-05-01',
      workplacePostalCode: '8000',
    },
  });

describe('a salary below what the category asks, found by the rules engine', () => {
  it('takes the annual threshold from the assessment and names it in euro, with its date', () => {
    const assessment = lowPaidHighlySkilled();
    const shortfall = salaryShortfall(assessment);
    expect(shortfall?.kind).toBe('ANNUAL_THRESHOLD');
    if (shortfall?.kind !== 'ANNUAL_THRESHOLD') return;
    // The figure is the engine's (the rule data's), whatever it is this year.
    const found = assessment.reasons.find((reason) => reason.code === 'SALARY_BELOW_THRESHOLD');
    expect(shortfall.facts.threshold).toBe(found?.facts.threshold);

    const nl = salaryWarning(t, 'nl', 'HIGHLY_SKILLED', shortfall);
    expect(nl.finding).toContain(formatMoney('nl', shortfall.facts.threshold));
    expect(plain(nl.finding)).toMatch(
      /^Dit loon ligt onder de loondrempel voor Hooggeschoolde werknemer: € \d/,
    );
    expect(nl.finding).toContain('bruto per jaar');
    // Monthly, gross, and part time said in words.
    expect(nl.explanation).toContain(formatMoney('nl', shortfall.facts.thresholdMonthly));
    expect(nl.explanation).toMatch(/bruto jaarloon.*dertiende maand.*deeltijds/);

    const fr = salaryWarning(tIn('fr'), 'fr', 'HIGHLY_SKILLED', shortfall);
    expect(fr.finding).toContain(formatMoney('fr', shortfall.facts.threshold));
    expect(plain(fr.finding)).toMatch(/\d €/);
    expect(fr.explanation).toMatch(/temps partiel/);
  });

  it('takes the monthly minimum pro rata, and says the full-time amount and the fraction', () => {
    const full = salaryShortfall(lowPaidMediumSkilled(1));
    const half = salaryShortfall(lowPaidMediumSkilled(0.8));
    expect(full?.kind).toBe('MONTHLY_MINIMUM');
    if (full?.kind !== 'MONTHLY_MINIMUM' || half?.kind !== 'MONTHLY_MINIMUM') throw new Error('no shortfall');
    expect(half.facts.minimumMonthly).toBeLessThan(full.facts.minimumMonthly);
    const nl = salaryWarning(t, 'nl', 'MEDIUM_SKILLED_SHORTAGE', half);
    expect(nl.finding).toContain(formatMoney('nl', half.facts.monthlySalary));
    expect(nl.finding).toContain(formatMoney('nl', half.facts.minimumMonthly));
    expect(nl.explanation).toContain(formatMoney('nl', half.facts.guaranteedMinimumMonthly));
    expect(plain(nl.explanation)).toContain(
      'voltijdse baan, naar verhouding van de tewerkstellingsbreuk (80%)',
    );
    expect(nl.explanation).toContain('gewaarborgd gemiddeld minimum maandinkomen');
  });

  it('finds nothing in an assessment without such a reason, or without one at all', () => {
    expect(salaryShortfall(assess(anApplication({ applicationDate: '2026-02-10' })))).toBeNull();
    expect(salaryShortfall(null)).toBeNull();
  });

  it('keys a shortfall by the salary answers, so another salary is judged anew', () => {
    const answers: Record<string, unknown> = {
      [SALARY_PATH]: 24000,
      'application.job.startDate': '2026-05-01',
    };
    const key = shortfallKey((path) => answers[path]);
    expect(shortfallKey((path) => ({ ...answers, 'application.job.title': 'Baker' })[path])).toBe(key);
    expect(shortfallKey((path) => ({ ...answers, [SALARY_PATH]: 30000 })[path])).not.toBe(key);
  });
});
