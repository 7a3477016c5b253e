import { describe, expect, it } from 'vitest';
import type { Address, DimonaPeriod, Enterprise, Person } from '../sources/index.ts';
import type { MonitoredAuthorisation, Reading, RegisterReading } from './monitoring-types.ts';
import { riskParametersOn } from './risk-parameters.ts';
import { movedSignal, nonEuStaffSignal } from './workforce-signals.ts';

const READ_ON = '2026-12-01';
const EMPLOYER = '0403170701';
const params = riskParametersOn(READ_ON);
const at = <T>(source: Reading<T>['source'], value: T, readAt = `${READ_ON}T03:00:00.000Z`): Reading<T> => ({
  value,
  source,
  readAt,
  requestId: `req-${source}`,
});

/** An INSZ-like key per staff member (the signal does not check digits). */
const insz = (i: number) => String(90_000_000_000 + i);

function readingWith(nationalities: Array<string | null>): RegisterReading {
  const periods: DimonaPeriod[] = nationalities.map((_, i) => ({
    dimonaId: String(i),
    enterpriseNumber: EMPLOYER,
    insz: insz(i),
    jointCommittee: '200',
    workerType: 'OTH',
    startDate: '2025-01-01',
    endDate: null,
    declarations: [{ type: 'IN', declaredOn: '2025-01-01' }],
  }));
  const persons = new Map<string, Reading<Person | null>>();
  nationalities.forEach((nationality, i) => {
    if (nationality === null) return; // not read: the register did not answer for this one
    persons.set(
      insz(i),
      at('national-register', {
        insz: insz(i),
        familyName: 'X',
        givenNames: ['Y'],
        birthDate: '1990-01-01',
        sex: 'F',
        nationality,
        registeredInBelgium: true,
      }),
    );
  });
  return {
    readOn: READ_ON,
    quarters: [],
    enterprises: new Map(),
    employments: new Map(),
    dmfa: new Map(),
    sanctions: new Map(),
    persons,
    staff: new Map([[EMPLOYER, at('dimona', periods)]]),
  };
}

describe('almost only non-EU staff', () => {
  it('flags a staff of ten with nine outside the EU, the EEA and Switzerland, naming both sides and the threshold', () => {
    const signal = nonEuStaffSignal(
      EMPLOYER,
      readingWith(['IN', 'IN', 'MA', 'TR', 'PH', 'UA', 'BR', 'CN', 'NG', 'CH']),
      params,
    );
    expect(signal?.kind).toBe('NON_EU_STAFF');
    expect(signal?.points).toBe(params.points.value.NON_EU_STAFF);
    expect(signal?.facts).toEqual([
      {
        name: 'staffHeadcount',
        value: 10,
        source: 'dimona',
        at: `${READ_ON}T03:00:00.000Z`,
        requestId: 'req-dimona',
      },
      {
        name: 'nonEuHeadcount',
        value: 9,
        source: 'national-register',
        at: `${READ_ON}T03:00:00.000Z`,
        requestId: 'req-national-register',
      },
      {
        name: 'nonEuShare',
        value: 0.9,
        source: 'national-register',
        at: `${READ_ON}T03:00:00.000Z`,
        requestId: 'req-national-register',
      },
      { name: 'minimumHeadcount', value: 3, source: 'LOKET', at: '2026-01-01' },
    ]);
    expect(signal?.rule).toMatchObject({
      parameter: 'policy.almostOnlyNonEu.minimumShare',
      value: 0.9,
      validFrom: '2026-01-01',
    });
  });

  it('counts Swiss, Norwegian and EU nationals as European: eight of ten outside is below the threshold', () => {
    expect(
      nonEuStaffSignal(
        EMPLOYER,
        readingWith(['IN', 'IN', 'MA', 'TR', 'PH', 'UA', 'BR', 'CN', 'NO', 'PL']),
        params,
      ),
    ).toBeNull();
  });

  it('says nothing below the minimum headcount (two cooks), nor when a nationality was not read', () => {
    expect(nonEuStaffSignal(EMPLOYER, readingWith(['IN', 'IN']), params)).toBeNull();
    expect(nonEuStaffSignal(EMPLOYER, readingWith(['IN', 'IN', 'IN', null]), params)).toBeNull();
    expect(nonEuStaffSignal('0200065765', readingWith(['IN', 'IN', 'IN']), params)).toBeNull();
  });
});

describe('employer moved', () => {
  const address = (street: string, houseNumber: string, postalCode = '9000'): Address => ({
    street,
    houseNumber,
    postalCode,
    municipality: 'Gent',
  });
  const auth = (readAt: string, filed: Address): MonitoredAuthorisation => ({
    authorisationId: readAt,
    enterpriseNumber: EMPLOYER,
    insz: insz(1),
    grossAnnualSalary: 50_000,
    employmentFraction: 1,
    grantedOn: readAt.slice(0, 10),
    validFrom: readAt.slice(0, 10),
    validUntil: '2028-01-01',
    workplacePostalCode: '9000',
    filedEmployerAddress: { address: filed, readAt, requestId: `filing-${readAt}` },
  });
  const kboNow = (now: Address): RegisterReading => ({
    ...readingWith([]),
    enterprises: new Map([[EMPLOYER, at('kbo', { registeredAddress: now } as Enterprise)]]),
  });

  it("compares the KBO's address now with the one read at the latest filing, and shows both", () => {
    const auths = [
      auth('2025-02-01T09:00:00.000Z', address('Korenmarkt', '1')),
      auth('2025-06-01T09:00:00.000Z', address('Veldstraat', '12')),
    ];
    const signal = movedSignal(EMPLOYER, auths, kboNow(address('Kunstlaan', '5', '1000')), params);
    expect(signal?.kind).toBe('EMPLOYER_MOVED');
    expect(signal?.points).toBe(params.points.value.EMPLOYER_MOVED);
    expect(signal?.facts).toEqual([
      {
        name: 'addressAtFiling',
        value: 'Veldstraat 12, 9000 Gent',
        source: 'kbo',
        at: '2025-06-01T09:00:00.000Z',
        requestId: 'filing-2025-06-01T09:00:00.000Z',
      },
      {
        name: 'addressNow',
        value: 'Kunstlaan 5, 1000 Gent',
        source: 'kbo',
        at: `${READ_ON}T03:00:00.000Z`,
        requestId: 'req-kbo',
      },
    ]);
    // A move a later filing already showed is known to the service: not a signal.
    expect(movedSignal(EMPLOYER, auths, kboNow(address(' veldstraat ', '12')), params)).toBeNull();
  });

  it('says nothing without an address at filing or without a KBO reading', () => {
    const bare = { ...auth('2025-02-01T09:00:00.000Z', address('A', '1')), filedEmployerAddress: null };
    expect(movedSignal(EMPLOYER, [bare], kboNow(address('B', '2')), params)).toBeNull();
    expect(
      movedSignal(EMPLOYER, [auth('2025-02-01T09:00:00.000Z', address('A', '1'))], readingWith([]), params),
    ).toBeNull();
  });
});
