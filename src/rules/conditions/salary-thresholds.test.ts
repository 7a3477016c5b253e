import { describe, expect, it } from 'vitest';
import { anApplication, evaluate } from '../test-support/build-application.ts';
import { checkBlueCardSalary } from './blue-card.ts';
import { checkHighlySkilledSalary } from './highly-skilled.ts';
import { checkIctSalary } from './intra-corporate-transfer.ts';
import {
  checkAthleteSalary,
  checkExecutiveSalary,
  checkPerformingArtistSalary,
} from './special-categories.ts';

const salary = (grossAnnualSalary: number, extra: Parameters<typeof anApplication>[0] = {}) =>
  anApplication({ ...extra, job: { ...extra.job, grossAnnualSalary } });

describe('checkHighlySkilledSalary (art. 17, 1°)', () => {
  it('is met at exactly the threshold and refused one cent below', () => {
    expect(evaluate(checkHighlySkilledSalary, salary(48912))).toBeNull();
    expect(evaluate(checkHighlySkilledSalary, salary(48911.99))).toMatchObject({
      code: 'SALARY_BELOW_THRESHOLD',
      facts: {
        salary: 48911.99,
        threshold: 48912,
        thresholdMonthly: 3513.79,
        share: 1,
        averageWageFrom: '2025-01-01',
      },
    });
  });

  it('resolves the amount on the start date, not the filing date', () => {
    const app = salary(47000, { applicationDate: '2024-11-15', job: { startDate: '2025-01-06' } });
    expect(evaluate(checkHighlySkilledSalary, app)).toMatchObject({
      facts: { threshold: 48912, thresholdDate: '2025-01-06' },
    });
  });

  it('applies 80 % under 30 on the start date, but not for a posted worker', () => {
    const young = { worker: { birthDate: '1996-01-01' } };
    expect(evaluate(checkHighlySkilledSalary, salary(39129.6, young))).toBeNull();
    expect(
      evaluate(
        checkHighlySkilledSalary,
        salary(39129.6, { ...young, employer: { establishedInBelgium: false } }),
      ),
    ).toMatchObject({
      facts: { threshold: 48912 },
    });
  });

  it('applies 80 % to nurses always and to teachers from 1 May 2024', () => {
    expect(
      evaluate(
        checkHighlySkilledSalary,
        salary(33494.4, { applicationDate: '2019-03-01', worker: { profession: 'NURSE' } }),
      ),
    ).toBeNull();
    const teacher = (date: string) =>
      salary(37305.6, { applicationDate: date, worker: { profession: 'TEACHER' } });
    expect(evaluate(checkHighlySkilledSalary, teacher('2024-04-30'))).toMatchObject({
      facts: { threshold: 46632 },
    });
    expect(evaluate(checkHighlySkilledSalary, teacher('2024-05-01'))).toBeNull();
  });
});

describe('other salary thresholds', () => {
  it('executive: 160 %', () => {
    expect(evaluate(checkExecutiveSalary, salary(78259.2))).toBeNull();
    expect(evaluate(checkExecutiveSalary, salary(78259.19))).toMatchObject({
      facts: { threshold: 78259.2, share: 1.6 },
    });
  });

  it('EU Blue Card: 120 % until 30 April 2024, 130 % from 1 May 2024', () => {
    expect(evaluate(checkBlueCardSalary, salary(55958.4, { applicationDate: '2024-04-30' }))).toBeNull();
    expect(evaluate(checkBlueCardSalary, salary(55958.4, { applicationDate: '2024-05-01' }))).toMatchObject({
      facts: { threshold: 60621.6 },
    });
  });

  it('ICT: by role, 160 % manager, 100 % specialist and trainee', () => {
    const ict = (role: 'MANAGER' | 'SPECIALIST' | 'TRAINEE', amount: number) =>
      evaluate(
        checkIctSalary,
        salary(amount, { category: 'INTRA_CORPORATE_TRANSFEREE', intraCorporateTransfer: { role } }),
      );
    expect(ict('MANAGER', 78259.19)).toMatchObject({ facts: { threshold: 78259.2 } });
    expect(ict('SPECIALIST', 48912)).toBeNull();
    expect(ict('TRAINEE', 48911)).toMatchObject({ facts: { threshold: 48912 } });
  });

  it('athletes: the art. 78 amount; trainers without a professional contract half of it', () => {
    expect(evaluate(checkAthleteSalary, salary(101018.99))).toMatchObject({
      facts: { threshold: 101019, amountParameter: 'threshold.professionalAthlete' },
    });
    const trainer = { athlete: { role: 'TRAINER' as const, hasProfessionalContract: false } };
    expect(evaluate(checkAthleteSalary, salary(50509.5, trainer))).toBeNull();
  });

  it('performing artists: below the amount the category refuses', () => {
    expect(evaluate(checkPerformingArtistSalary, salary(42312))).toMatchObject({
      facts: { threshold: 42313 },
    });
  });
});
