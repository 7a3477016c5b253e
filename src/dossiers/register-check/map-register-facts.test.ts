import { describe, expect, it } from 'vitest';
import type { Lookup, Provenance } from '../../sources/index.ts';
import {
  type Declared,
  mapRegisterFacts,
  previousQuarters,
  type RegisterFacts,
  sanctionGroundOf,
} from './map-register-facts.ts';

const provenance = (source: string): Provenance => ({
  source: source as Provenance['source'],
  fetchedAt: '2026-03-02T09:00:00.000Z',
  requestId: `req-${source}`,
});
const found = <T>(source: string, value: T): Lookup<T> => ({
  found: true,
  value,
  provenance: provenance(source),
});
const notFound = <T>(source: string): Lookup<T> => ({ found: false, provenance: provenance(source) });

const DECLARED: Declared = {
  applicationDate: '2026-03-02',
  enterpriseNumber: '0403170701',
  givenNames: 'Priya',
  familyName: 'Raman',
  birthDate: '1990-05-01',
  nationality: 'IN',
  sex: 'F',
  insz: '90050100000',
  location: 'ABROAD',
  grossAnnualSalary: 60000,
  employmentFraction: 1,
  isRenewal: false,
  iscoCode: '2512',
  qualificationVks: 7,
  onVdabShortageList: null,
  publications: null,
  vacancyReference: null,
  naricReference: null,
};

const enterprise = (overrides: Record<string, unknown> = {}) =>
  found('kbo', {
    enterpriseNumber: '0403170701',
    name: 'Bakkerij Peeters bv',
    legalForm: 'BV',
    status: 'ACTIVE',
    startDate: '2001-01-01',
    endDate: null,
    naceCode: '10711',
    registeredAddress: { street: 'Veldstraat', houseNumber: '1', postalCode: '9000', municipality: 'Gent' },
    establishments: [],
    directors: [],
    ...overrides,
  } as never);

const person = (overrides: Record<string, unknown> = {}) =>
  found('national-register', {
    insz: '90050100000',
    familyName: 'Raman',
    givenNames: ['Priya'],
    birthDate: '1990-05-01',
    sex: 'F',
    nationality: 'IN',
    registeredInBelgium: false,
    ...overrides,
  } as never);

const period = (
  insz: string,
  startDate: string,
  endDate: string | null,
  enterpriseNumber = '0403170701',
) => ({
  dimonaId: `d-${insz}-${startDate}`,
  enterpriseNumber,
  insz,
  jointCommittee: '118.03',
  workerType: 'OTH' as const,
  startDate,
  endDate,
  declarations: [{ type: 'IN' as const, declaredOn: startDate }],
});

const map = (facts: RegisterFacts, declared: Partial<Declared> = {}) =>
  mapRegisterFacts({ ...DECLARED, ...declared }, facts);

describe('register facts onto the rules input', () => {
  it('take establishment in Belgium from the enterprise register and flag an enterprise that stopped or is young', () => {
    expect(map({ enterprise: enterprise() }).applicationPatch.employer).toEqual({
      establishedInBelgium: true,
    });
    const stopped = map({
      enterprise: enterprise({ status: 'BANKRUPT', endDate: '2026-01-10', startDate: '2024-06-01' }),
    });
    expect(stopped.findings.map((f) => f.code)).toEqual(['ENTERPRISE_NOT_ACTIVE', 'ENTERPRISE_YOUNG']);
    expect(map({ enterprise: notFound('kbo') }).findings).toEqual([
      { code: 'ENTERPRISE_UNKNOWN', facts: { enterpriseNumber: '0403170701' } },
    ]);
  });

  it('keep only exclusions that still run, on the employer or its directors', () => {
    const sanction = (kind: string, endDate: string, via: string) => ({
      sanctionId: `${kind}-${endDate}`,
      kind,
      legalBasis: 'x',
      imposedOn: '2025-01-01',
      endDate,
      via,
    });
    const mapping = map({
      enterpriseSanctions: found('sanctions', {
        subject: { kind: 'ENTERPRISE', id: '0403170701' },
        sanctions: [
          sanction('EXCLUSION', '2027-01-31', 'EMPLOYER'),
          sanction('EXCLUSION', '2026-01-01', 'EMPLOYER'),
          sanction('ADMINISTRATIVE_FINE', '2027-01-01', 'EMPLOYER'),
        ],
      } as never),
      directorSanctions: [
        found('sanctions', {
          subject: { kind: 'PERSON', id: 'x' },
          sanctions: [sanction('EXCLUSION', '2026-06-30', 'DIRECTOR')],
        } as never),
      ],
    });
    expect(mapping.applicationPatch.employer?.sanctions).toEqual([
      { until: '2027-01-31', via: 'EMPLOYER' },
      { until: '2026-06-30', via: 'DIRECTOR' },
    ]);
    expect(map({ enterpriseSanctions: notFound('sanctions') }).applicationPatch.employer?.sanctions).toEqual(
      [],
    );
  });

  it('send an exclusion whose ground it reads with its day and ground, so the rules date its end (issue 13 item 11)', () => {
    const mapping = map({
      enterpriseSanctions: found('sanctions', {
        subject: { kind: 'ENTERPRISE', id: '0403170701' },
        sanctions: [
          {
            sanctionId: 'S1',
            kind: 'EXCLUSION',
            legalBasis: 'art. 12/1 §1 wet 30 april 1999',
            imposedOn: '2025-01-01',
            // The register's own end has passed; the rules may still find a longer period running.
            endDate: '2025-06-30',
            via: 'EMPLOYER',
          },
          {
            sanctionId: 'S2',
            kind: 'EXCLUSION',
            legalBasis: 'art. 12/1 §1 wet 30 april 1999',
            imposedOn: '2015-01-01',
            endDate: '2016-01-01',
            via: 'EMPLOYER',
          },
        ],
      } as never),
    });
    expect(mapping.applicationPatch.employer?.sanctions).toEqual([
      { until: '2025-06-30', imposedOn: '2025-01-01', ground: 'ILLEGAL_EMPLOYMENT', via: 'EMPLOYER' },
    ]);
    expect(sanctionGroundOf('art. 181 Sociaal Strafwetboek')).toBe('SOCIAL_PENAL_CODE');
    expect(sanctionGroundOf('art. 13/5 decreet 30 april 2004')).toBe('SOCIAL_INSPECTION_DECREE');
    expect(sanctionGroundOf('art. 22 decreet 15 oktober 2021')).toBe('ECONOMIC_MIGRATION_DECREE');
    expect(sanctionGroundOf('x')).toBeNull();
  });

  it('count the workforce on the application date and its non-EU part from the staff nationalities', () => {
    const employments = found('dimona', {
      enterpriseNumber: '0403170701',
      periods: [
        period('A', '2020-01-01', null),
        period('B', '2025-01-01', null),
        period('C', '2019-01-01', '2025-12-31'),
        period('D', '2026-04-01', null),
      ],
    } as never);
    expect(
      map({ employerEmployments: employments, staffNationalities: { A: 'IN', B: 'BE' } }).applicationPatch
        .employer?.workforce,
    ).toEqual({
      headcount: 2,
      nonEuHeadcount: 1,
    });
    // A nationality the register could not give: the share is left to the case handler.
    expect(
      map({ employerEmployments: employments, staffNationalities: { A: 'IN' } }).applicationPatch.employer,
    ).toBeUndefined();
  });

  it('compare the identity with the national register, tolerant of accents and case, and flag differences', () => {
    const same = map({ person: person({ familyName: 'RAMAN', givenNames: ['Príya'] }) });
    expect(same.findings).toEqual([]);
    expect(same.comparisons.every((c) => !c.isMismatch)).toBe(true);
    const different = map({ person: person({ familyName: 'Ramanathan', birthDate: '1990-05-02' }) });
    expect(different.findings).toEqual([
      { code: 'IDENTITY_MISMATCH', facts: { fields: ['worker.familyName', 'worker.birthDate'] } },
    ]);
    const mismatch = different.comparisons.find((c) => c.fact === 'worker.familyName');
    expect(mismatch).toMatchObject({
      declared: 'Raman',
      register: 'Ramanathan',
      source: 'national-register',
      requestId: 'req-national-register',
      isMismatch: true,
    });
    expect(map({ person: notFound('national-register') }).findings[0]?.code).toBe('PERSON_UNKNOWN');
  });

  it('place a worker registered in Belgium in Belgium, whatever was declared', () => {
    const mapping = map({ person: person({ registeredInBelgium: true }) });
    expect(mapping.applicationPatch.worker).toEqual({ location: 'BELGIUM' });
    expect(mapping.comparisons.find((c) => c.fact === 'worker.location')).toMatchObject({
      declared: 'ABROAD',
      register: 'BELGIUM',
      isMismatch: true,
    });
  });

  it('flag a worker already employed in Belgium by another employer', () => {
    const elsewhere = found('dimona', {
      insz: '90050100000',
      periods: [period('90050100000', '2025-09-01', null, '0200065765')],
    } as never);
    expect(map({ workerEmployments: elsewhere }).findings).toEqual([
      {
        code: 'WORKER_ALREADY_EMPLOYED_IN_BELGIUM',
        facts: { employers: ['0200065765'], since: '2025-09-01' },
      },
    ]);
    expect(map({ workerEmployments: elsewhere }, { isRenewal: true }).findings).toEqual([]);
  });

  it('compare the wage declared to social security with the salary promised, for a renewal', () => {
    const quarter = (amount: number, q: string) =>
      found('dmfa', {
        insz: '90050100000',
        quarter: q,
        lines: [
          {
            enterpriseNumber: '0403170701',
            jointCommittee: '200',
            workerCode: '015',
            days: 65,
            hours: 494,
            wages: [{ code: '1', amount }],
          },
        ],
      } as never);
    const low = map(
      { wageQuarters: [quarter(12000, '2025-Q4'), quarter(12000, '2025-Q3')] },
      { isRenewal: true },
    );
    expect(low.findings).toEqual([
      { code: 'WAGE_BELOW_PROMISED', facts: { promised: 60000, paidAnnualised: 48000, quarters: 2 } },
    ]);
    const fine = map({ wageQuarters: [quarter(15000, '2025-Q4')] }, { isRenewal: true });
    expect(fine.findings).toEqual([]);
    expect(fine.comparisons[0]).toMatchObject({
      fact: 'job.grossAnnualSalary',
      declared: 60000,
      register: 60000,
      isMismatch: false,
    });
  });

  it('ask the last complete quarters before the application', () => {
    expect(previousQuarters('2026-03-02')).toEqual(['2025-Q4', '2025-Q3']);
    expect(previousQuarters('2026-07-01', 3)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4']);
  });

  it('take the labour-market test from VDAB: the real publications and the shortage list', () => {
    const declared = {
      onVdabShortageList: true,
      vacancyReference: 'VAC-1',
      publications: [{ channel: 'VDAB' as const, from: '2025-10-01', to: '2025-12-20' }],
    };
    const vacancy = found('vacancies', {
      reference: 'VAC-1',
      enterpriseNumber: '0403170701',
      title: 'Baker',
      iscoCode: '7512',
      workplacePostalCode: '9000',
      publications: [{ channel: 'VDAB', from: '2025-11-15', to: '2025-12-20' }],
      applicants: 3,
    } as never);
    const shortage = found('vacancies', {
      iscoCode: '2512',
      year: 2026,
      title: 'x',
      isShortage: false,
    } as never);
    const mapping = map({ vacancy, shortageStatus: shortage }, declared);
    expect(mapping.applicationPatch.labourMarketTest).toEqual({
      publications: [{ channel: 'VDAB', from: '2025-11-15', to: '2025-12-20' }],
    });
    expect(mapping.applicationPatch.job).toEqual({ onVdabShortageList: false });
    expect(mapping.findings).toEqual([
      { code: 'VACANCY_MISMATCH', facts: { publications: true, otherEmployer: null } },
    ]);
    expect(mapping.comparisons.map((c) => [c.fact, c.isMismatch])).toEqual([
      ['labourMarketTest.publications', true],
      ['job.onVdabShortageList', true],
    ]);
    expect(map({ vacancy: notFound('vacancies') }, declared).findings[0]?.code).toBe('VACANCY_UNKNOWN');
  });

  it('check a diploma recognition at NARIC and compare the level decided', () => {
    const recognition = (status: string, decision: string | null, levelDecided: number | null) =>
      found('naric', {
        reference: 'N-1',
        insz: null,
        kind: 'SPECIFIC',
        qualificationTitle: 'Bachelor of Nursing',
        issuingCountry: 'IN',
        submittedOn: '2025-06-01',
        status,
        decision,
        levelDecided,
      } as never);
    expect(map({ recognition: recognition('IN_TREATMENT', null, null) }).findings).toEqual([
      { code: 'RECOGNITION_MISSING', facts: { status: 'IN_TREATMENT', decision: null } },
    ]);
    const decided = map({ recognition: recognition('DECIDED', 'EQUIVALENT', 6) });
    expect(decided.findings).toEqual([]);
    expect(decided.comparisons[0]).toMatchObject({
      fact: 'worker.qualificationVks',
      declared: 7,
      register: 6,
      isMismatch: true,
    });
    expect(map({ recognition: notFound('naric') }, { naricReference: 'N-9' }).findings).toEqual([
      { code: 'RECOGNITION_UNKNOWN', facts: { naricReference: 'N-9' } },
    ]);
  });
});
