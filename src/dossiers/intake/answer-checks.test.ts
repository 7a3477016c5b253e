import { describe, expect, it } from 'vitest';
import { inszCheckDigits } from '../../rules/identifiers/insz.ts';
import { checkAnswer, checkAnswers } from './answer-checks.ts';

const FILED = '2026-12-02';
const validInsz = `900501123${inszCheckDigits('900501123', false)}`;
const wrongCheck = `900501123${String((Number(inszCheckDigits('900501123', false)) + 1) % 100).padStart(2, '0')}`;

describe('the answers checked as the form is left, by the browser and the server alike', () => {
  it('refuses an INSZ whose check digits do not match, as the rules’ INVALID_INSZ does', () => {
    expect(checkAnswer('application.worker.insz', validInsz, FILED)).toBeNull();
    expect(checkAnswer('application.worker.insz', wrongCheck, FILED)).toEqual({
      path: 'application.worker.insz',
      rule: 'insz.checkDigits',
      isError: true,
    });
    expect(checkAnswer('application.worker.insz', '90.05.01', FILED)?.rule).toBe('insz.format');
    expect(checkAnswer('application.worker.insz', '90150112345', FILED)?.rule).toBe('insz.date');
    expect(checkAnswer('application.worker.insz', '', FILED)).toBeNull();
  });

  it('warns of a workplace outside the Flemish Region, naming the authority', () => {
    expect(checkAnswer('application.job.workplacePostalCode', '9000', FILED)).toBeNull();
    expect(checkAnswer('application.job.workplacePostalCode', '1000', FILED)).toMatchObject({
      rule: 'workplace.notFlanders',
      isError: false,
      authority: 'BRUSSELS',
    });
    expect(checkAnswer('application.job.workplacePostalCode', '5000', FILED)).toMatchObject({
      authority: 'WALLONIA',
    });
    expect(checkAnswer('application.job.workplacePostalCode', '4700', FILED)).toMatchObject({
      authority: 'GERMAN_SPEAKING_COMMUNITY',
    });
    // Not a postal code yet: the schema says so, not this check.
    expect(checkAnswer('application.job.workplacePostalCode', '10', FILED)).toBeNull();
  });

  it('warns of a start date before the application date', () => {
    expect(checkAnswer('application.job.startDate', '2026-12-01', FILED)).toMatchObject({
      rule: 'startDate.past',
      isError: false,
    });
    expect(checkAnswer('application.job.startDate', FILED, FILED)).toBeNull();
    expect(checkAnswer('application.job.startDate', '2027-01-15', FILED)).toBeNull();
  });

  it('checks a whole step’s answers at once and ignores other questions', () => {
    const problems = checkAnswers(
      {
        'application.worker.insz': wrongCheck,
        'application.job.workplacePostalCode': '1050',
        'application.job.title': 'x',
      },
      FILED,
    );
    expect(problems.map((problem) => problem.rule)).toEqual(['insz.checkDigits', 'workplace.notFlanders']);
  });
});
