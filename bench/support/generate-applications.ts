import { addDays, fromDayNumber, toDayNumber } from '../../src/rules/dates/iso-date.ts';
import type { Application, RuleData } from '../../src/rules/index.ts';

/**
 * Deterministic applications around the thresholds of the highly-skilled, medium-skilled and
 * labour-market-test rules: bench:rules and bench:simulate assess the same population.
 */

/** mulberry32: a small seeded PRNG, so every run (and every machine) sees the same applications. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['HIGHLY_SKILLED', 'MEDIUM_SKILLED_SHORTAGE', 'OTHER_LABOUR_MARKET_TEST'] as const;
const POSTAL_CODES = ['9000', '2000', '3000', '8000', '3500', '1800', '8500'];
const NOT_LISTED = ['software-tester', 'call-centre-agent', 'warehouse-clerk'];
const WAGES = [45984, 46632, 48912];
const FROM_DAY = toDayNumber('2023-01-01');
const TO_DAY = toDayNumber('2026-12-31');

export function generateApplications(count: number, seed: number, data: RuleData): Application[] {
  const r = prng(seed);
  const LIST_IDS = [...new Set(data.migrationList.flatMap((v) => [...v.ids]))];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const chance = (p: number) => r() < p;
  const apps: Application[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % 3]!;
    const applicationDate = fromDayNumber(FROM_DAY + Math.floor(r() * (TO_DAY - FROM_DAY + 1)));
    const startDate = addDays(applicationDate, Math.floor(r() * 120));
    const age = 21 + Math.floor(r() * 25);
    const birthDate = addDays(addDays(startDate, -Math.round(age * 365.25)), Math.floor(r() * 60) - 30);
    // Salaries around the thresholds (80 % and 100 % of each year's base), some to the cent.
    const base = pick(WAGES) * pick([0.8, 1.0]);
    const salary = chance(0.1)
      ? Math.round(base * 100) / 100 + pick([-0.01, 0, 0.01])
      : Math.round(base * (0.9 + r() * 0.2) * 100) / 100;
    const app: Application = {
      applicationDate,
      kind: 'FIRST',
      category,
      employer: { enterpriseNumber: '0403.170.701', establishedInBelgium: !chance(0.05) },
      worker: {
        birthDate,
        nationality: pick(['IN', 'MA', 'TR', 'PH', 'BR']),
        location: chance(0.1) ? 'BELGIUM' : 'ABROAD',
        qualificationVks: 3 + Math.floor(r() * 6),
        profession: chance(0.06) ? 'NURSE' : chance(0.06) ? 'TEACHER' : null,
      },
      job: {
        title: 'Generated function',
        requiredVks: 1 + Math.floor(r() * 8),
        isCareFunction: chance(0.3),
        grossAnnualSalary: Math.round(salary * 100) / 100,
        startDate,
        workplacePostalCode: pick(POSTAL_CODES),
      },
    } as Application;
    if (category === 'MEDIUM_SKILLED_SHORTAGE') {
      app.job.migrationListFunction = chance(0.15) ? pick(NOT_LISTED) : pick(LIST_IDS);
      app.job.employmentFraction = pick([0.5, 0.6, 0.75, 0.79, 0.8, 0.9, 1]);
    }
    if (category === 'OTHER_LABOUR_MARKET_TEST') {
      // The pay floor of 2026 needs the fraction (no draw, so the rest of the sequence is unchanged).
      app.job.employmentFraction = 1;
      app.job.onVdabShortageList = chance(0.8);
      const publications: NonNullable<Application['labourMarketTest']>['publications'] = [];
      for (const channel of ['VDAB', 'EURES'] as const) {
        const parts = chance(0.1) ? 0 : chance(0.2) ? 2 : 1;
        for (let p = 0; p < parts; p++) {
          const from = addDays(applicationDate, -(20 + Math.floor(r() * 140)));
          const to = addDays(from, 10 + Math.floor(r() * 120));
          publications.push({ channel, from, to });
        }
      }
      app.labourMarketTest = { publications };
    }
    apps.push(app);
  }
  return apps;
}
