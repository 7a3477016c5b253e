import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSimulator,
  createSourceAdapters,
  type Simulator,
  type SourceAdapters,
  SourceUnavailableError,
} from '../../sources/index.ts';
import { fetchRegisterFacts } from './fetch-register-facts.ts';
import type { Declared } from './map-register-facts.ts';

describe('fetchRegisterFacts: the staff question', () => {
  let simulator: Simulator;
  let sources: SourceAdapters;
  const declared: Declared = {
    applicationDate: new Date().toISOString().slice(0, 10),
    enterpriseNumber: '0403170701', // the demo employer: 12 staff, 3 of them non-EU
    givenNames: null,
    familyName: null,
    birthDate: null,
    nationality: null,
    sex: null,
    insz: null,
    location: null,
    grossAnnualSalary: null,
    employmentFraction: null,
    isRenewal: false,
    iscoCode: null,
    qualificationVks: null,
    onVdabShortageList: null,
    publications: null,
    vacancyReference: null,
    naricReference: null,
  };

  beforeAll(async () => {
    simulator = await createSimulator({ port: 0, failureRate: 0, latencyMs: [0, 0] });
    sources = createSourceAdapters({ baseUrl: simulator.url });
  });
  afterAll(async () => {
    await simulator?.close();
  });

  it('asks the whole staff in one question and knows every nationality', async () => {
    let questions = 0;
    const counting: SourceAdapters = {
      ...sources,
      nationalRegister: {
        ...sources.nationalRegister,
        getPeople: (insz) => {
          questions += 1;
          return sources.nationalRegister.getPeople(insz);
        },
      },
    };
    const result = await fetchRegisterFacts(counting, declared);
    expect(questions).toBe(1);
    expect(Object.keys(result.facts.staffNationalities ?? {})).toHaveLength(12);
    expect(result.missing).toEqual([]);
  });

  it('reports the national register missing when the staff question fails, so the check waits', async () => {
    const failing: SourceAdapters = {
      ...sources,
      nationalRegister: {
        ...sources.nationalRegister,
        getPeople: () => Promise.reject(new SourceUnavailableError('national-register', 'HTTP_5XX', 3, 503)),
      },
    };
    const result = await fetchRegisterFacts(failing, declared);
    expect(result.missing).toEqual([expect.objectContaining({ source: 'national-register' })]);
    expect(result.facts.staffNationalities).toEqual({});
  });
});
