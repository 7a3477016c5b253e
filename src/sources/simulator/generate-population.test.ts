import { beforeAll, describe, expect, it } from 'vitest';
import {
  isValidEnterpriseNumber,
  isValidEstablishmentNumber,
  isValidInsz,
  locatePostalCode,
} from '../../rules/index.ts';
import { completedQuartersBefore } from './dates.ts';
import { DEMO_EMPLOYER_NUMBER } from './generate-enterprises.ts';
import { isEuNational } from './generate-people.ts';
import { generatePopulation } from './generate-population.ts';
import type { Population } from './population.ts';
import { createSeededRandom } from './seeded-random.ts';
import { loadSimulatorConfig, parseLatencyRange } from './simulator-config.ts';

const REFERENCE_DATE = '2026-11-23';

/** The data of a population without its lookup functions, for comparing two generations. */
const dataOf = (population: Population) => JSON.stringify(population);

describe('seeded random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('keeps int() within its bounds, both included', () => {
    const random = createSeededRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 5)));
    expect([...seen].sort()).toEqual([3, 4, 5]);
  });
});

describe('the population', () => {
  let population: Population;
  beforeAll(() => {
    population = generatePopulation({ seed: 2026, referenceDate: REFERENCE_DATE });
  });

  it('is the same for the same seed and reference date, and different for another seed', () => {
    expect(dataOf(generatePopulation({ seed: 2026, referenceDate: REFERENCE_DATE }))).toBe(
      dataOf(population),
    );
    const other = generatePopulation({ seed: 2027, referenceDate: REFERENCE_DATE });
    expect(other.people[20]?.insz).not.toBe(population.people[20]?.insz);
    expect(other.enterprises[5]?.enterpriseNumber).not.toBe(population.enterprises[5]?.enterpriseNumber);
  });

  it('has a few hundred enterprises and a few thousand people, all with valid and unique numbers', () => {
    expect(population.enterprises).toHaveLength(300);
    expect(population.people).toHaveLength(3_000);
    const numbers = population.enterprises.map((e) => e.enterpriseNumber);
    expect(numbers.every(isValidEnterpriseNumber)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    const establishments = population.enterprises.flatMap((e) =>
      e.establishments.map((x) => x.establishmentNumber),
    );
    expect(establishments.every(isValidEstablishmentNumber)).toBe(true);
    const insz = population.people.map((p) => p.insz);
    expect(insz.every(isValidInsz)).toBe(true);
    expect(new Set(insz).size).toBe(insz.length);
  });

  it('gives BIS numbers (month + 40) to people not registered in Belgium, and sex agrees with the counter', () => {
    const bis = population.people.filter((p) => !p.registeredInBelgium);
    expect(bis.length).toBeGreaterThan(100);
    expect(bis.every((p) => Number(p.insz.slice(2, 4)) > 40)).toBe(true);
    for (const person of population.people.slice(0, 200)) {
      expect(Number(person.insz.slice(6, 9)) % 2 === 1).toBe(person.sex === 'M');
      expect(person.insz.slice(0, 2)).toBe(person.birthDate.slice(2, 4));
    }
  });

  it('mixes regions, statuses, recently founded enterprises, sanctions and nationalities', () => {
    const regions = new Set(
      population.enterprises.map((e) => locatePostalCode(e.registeredAddress.postalCode)?.region),
    );
    expect(regions).toEqual(new Set(['FLANDERS', 'BRUSSELS', 'WALLONIA']));
    const statuses = population.enterprises.map((e) => e.status);
    expect(statuses.filter((s) => s === 'BANKRUPT').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 'STOPPED').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 'ACTIVE').length).toBeGreaterThan(200);
    const recent = population.enterprises.filter((e) => e.startDate > '2023-11-23');
    expect(recent.length).toBeGreaterThan(10);
    expect(population.sanctions.some((s) => s.subject.kind === 'ENTERPRISE')).toBe(true);
    const nationalities = new Set(population.people.map((p) => p.nationality));
    for (const n of ['BE', 'IN', 'MA', 'TR', 'PH', 'UA', 'BR', 'CN', 'US'])
      expect(nationalities).toContain(n);
  });

  it('always contains the demo employer: Bakkerij Peeters bv, active, 9000 Gent, 12 workers of whom 3 non-EU', () => {
    for (const seed of [2026, 1]) {
      const p = seed === 2026 ? population : generatePopulation({ seed, referenceDate: REFERENCE_DATE });
      const employer = p.findEnterprise(DEMO_EMPLOYER_NUMBER);
      expect(employer).toMatchObject({
        name: 'Bakkerij Peeters bv',
        status: 'ACTIVE',
        registeredAddress: { postalCode: '9000', municipality: 'Gent' },
      });
      const periods = p.listEmployerEmployments(DEMO_EMPLOYER_NUMBER);
      expect(periods).toHaveLength(12);
      expect(periods.every((period) => period.endDate === null)).toBe(true);
      const workers = periods.map((period) => p.findPerson(period.insz));
      expect(workers.filter((w) => w && !isEuNational(w))).toHaveLength(3);
      expect(p.demo.director).toMatchObject({
        givenNames: expect.arrayContaining(['An']),
        familyName: 'Peeters',
      });
      expect(p.findSanctions('ENTERPRISE', DEMO_EMPLOYER_NUMBER)?.sanctions).toEqual([]);
    }
  });

  it('keeps employment consistent: one period per worker, within the employer’s life, DmfA only while employed', () => {
    const workers = population.employments.map((e) => e.insz);
    expect(new Set(workers).size).toBe(workers.length);
    for (const period of population.employments) {
      const employer = population.findEnterprise(period.enterpriseNumber);
      expect(employer).toBeDefined();
      expect(period.startDate >= (employer?.startDate ?? '')).toBe(true);
      if (employer?.endDate) expect(period.endDate !== null && period.endDate <= employer.endDate).toBe(true);
      expect(period.declarations[0]?.type).toBe('IN');
      expect(period.declarations.some((d) => d.type === 'OUT')).toBe(period.endDate !== null);
    }
    const quarterIds = completedQuartersBefore(REFERENCE_DATE, 4).map((q) => q.id);
    expect(quarterIds).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    for (const quarter of population.dmfaQuarters.slice(0, 300)) {
      expect(quarterIds).toContain(quarter.quarter);
      expect(population.listWorkerEmployments(quarter.insz)).toHaveLength(1);
      expect(quarter.lines[0]?.wages[0]?.amount).toBeGreaterThan(0);
    }
  });

  it('has vacancies of known employers, the shortage list and NARIC files', () => {
    expect(population.vacancies.length).toBeGreaterThanOrEqual(300);
    expect(population.vacancies.every((v) => population.findEnterprise(v.enterpriseNumber))).toBe(true);
    expect(population.findShortageStatus(2026, '7512')?.isShortage).toBe(true);
    const decided = population.findRecognition(population.demo.recognitionReference);
    expect(decided).toMatchObject({ status: 'DECIDED', decision: 'EQUIVALENT', levelDecided: 6 });
    expect(new Set(population.recognitions.map((r) => r.status))).toEqual(
      new Set(['DECIDED', 'IN_TREATMENT', 'RECEIVED']),
    );
  });
});

describe('simulator configuration', () => {
  it('uses the documented defaults', () => {
    expect(loadSimulatorConfig({})).toMatchObject({
      port: 4010,
      seed: 2026,
      failureRate: 0.02,
      latencyMs: [50, 400],
      federalDecisionDelayMs: 5_000,
    });
  });

  it('reads the environment and refuses nonsense', () => {
    expect(
      loadSimulatorConfig({ SIMULATOR_PORT: '0', SIMULATOR_FAILURE_RATE: '0', SIMULATOR_LATENCY_MS: '0' }),
    ).toMatchObject({ port: 0, failureRate: 0, latencyMs: [0, 0] });
    expect(parseLatencyRange('10 - 20')).toEqual([10, 20]);
    expect(() => parseLatencyRange('400-50')).toThrow(/SIMULATOR_LATENCY_MS/);
    expect(() => loadSimulatorConfig({ SIMULATOR_FAILURE_RATE: '2' })).toThrow(/SIMULATOR_FAILURE_RATE/);
    expect(() => loadSimulatorConfig({ SIMULATOR_SEED: 'abc' })).toThrow(/SIMULATOR_SEED/);
  });
});
