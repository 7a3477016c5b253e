import { describe, expect, it } from 'vitest';
import { anApplication, contextFor, evaluate } from '../test-support/build-application.ts';
import {
  checkEmployerEstablishedInBelgium,
  checkEmployerNotAlmostOnlyNonEu,
  checkEmployerNotExcluded,
  checkEmployerNotHub,
  checkNoFalseDocuments,
} from './employer-grounds.ts';
import { warnValidityLimitedByAge } from './highly-skilled.ts';
import {
  checkOnShortageList,
  checkVacancyPublication,
  checkWorkerAbroad,
  countCoveredDays,
} from './labour-market-test.ts';

describe('employer grounds', () => {
  const sanction = (until: string, via: 'EMPLOYER' | 'DIRECTOR', applicationDate: string) =>
    evaluate(
      checkEmployerNotExcluded,
      anApplication({ applicationDate, employer: { sanctions: [{ until, via }] } }),
    );

  it('an employer sanction runs up to and including its last day', () => {
    expect(sanction('2025-06-02', 'EMPLOYER', '2025-06-02')).toMatchObject({
      facts: { until: '2025-06-02', via: ['EMPLOYER'] },
    });
    expect(sanction('2025-06-01', 'EMPLOYER', '2025-06-02')).toBeNull();
  });

  it("a director's sanction counts from 2026 only", () => {
    expect(sanction('2026-12-31', 'DIRECTOR', '2025-12-31')).toBeNull();
    expect(sanction('2026-12-31', 'DIRECTOR', '2026-01-01')).toMatchObject({ facts: { via: ['DIRECTOR'] } });
  });

  it('false documents refuse from 2019, citing the 2026 amendment from its date', () => {
    const app = (date: string) =>
      anApplication({ applicationDate: date, worker: { documentsFlaggedFalse: true } });
    const before = evaluate(checkNoFalseDocuments, app('2025-12-31'));
    const after = evaluate(checkNoFalseDocuments, app('2026-01-01'));
    expect(before).toMatchObject({ code: 'FALSE_DOCUMENTS' });
    expect(after).toMatchObject({ code: 'FALSE_DOCUMENTS' });
    expect(JSON.stringify(before)).not.toContain('2026');
    expect(JSON.stringify(after)).toContain('as amended with effect from 1 Jan 2026');
  });

  it('almost only non-EU: share ≥ 0.9 from a headcount of 3', () => {
    const staff = (headcount: number, nonEuHeadcount: number) =>
      evaluate(
        checkEmployerNotAlmostOnlyNonEu,
        anApplication({
          applicationDate: '2026-01-05',
          employer: { workforce: { headcount, nonEuHeadcount } },
        }),
      );
    expect(staff(100, 90)).toMatchObject({ facts: { share: 0.9, minimumShare: 0.9 } });
    expect(staff(100, 89)).toBeNull();
    expect(staff(2, 2)).toBeNull();
  });

  it('hub: half or more of at least 3 permits left within 6 months', () => {
    const history = (permitsLast24Months: number, leftWithin6Months: number) =>
      evaluate(
        checkEmployerNotHub,
        anApplication({
          applicationDate: '2026-01-05',
          employer: { permitHistory: { permitsLast24Months, leftWithin6Months } },
        }),
      );
    expect(history(10, 5)).toMatchObject({ facts: { share: 0.5 } });
    expect(history(10, 4)).toBeNull();
    expect(history(2, 2)).toBeNull();
  });

  it('a foreign employer is refused where a Belgian one is needed', () => {
    const check = checkEmployerEstablishedInBelgium('art. 18');
    expect(evaluate(check, anApplication())).toBeNull();
    expect(evaluate(check, anApplication({ employer: { establishedInBelgium: false } }))).toMatchObject({
      code: 'EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM',
    });
  });
});

describe('labour-market test (art. 18 §1)', () => {
  it('counts days covered by overlapping publications once', () => {
    expect(
      countCoveredDays([
        [10, 20],
        [15, 25],
        [30, 30],
      ]),
    ).toBe(17);
    expect(countCoveredDays([])).toBe(0);
  });

  it('2019 rule: VDAB for the 42 days before the filing date', () => {
    const vdab = (from: string, to: string) =>
      evaluate(
        checkVacancyPublication,
        anApplication({
          applicationDate: '2023-03-01',
          labourMarketTest: { publications: [{ channel: 'VDAB', from, to }] },
        }),
      );
    expect(vdab('2023-01-18', '2023-03-01')).toBeNull();
    expect(vdab('2023-01-19', '2023-03-01')).toMatchObject({
      facts: { daysByChannel: { VDAB: 41 }, minimumDaysPerChannel: 42 },
    });
    expect(vdab('2022-10-01', '2023-02-20')).toMatchObject({ facts: { shortChannels: ['VDAB'] } });
  });

  it('2024 rule: 63 days on VDAB and on EURES within the 4 months before', () => {
    const both = (euresFrom: string) =>
      evaluate(
        checkVacancyPublication,
        anApplication({
          applicationDate: '2025-03-01',
          labourMarketTest: {
            publications: [
              { channel: 'VDAB', from: '2024-09-01', to: '2025-03-15' },
              { channel: 'EURES', from: euresFrom, to: '2025-02-28' },
            ],
          },
        }),
      );
    expect(both('2024-12-28')).toBeNull();
    expect(both('2024-12-29')).toMatchObject({
      facts: { daysByChannel: { VDAB: 120, EURES: 62 }, shortChannels: ['EURES'], windowFrom: '2024-11-01' },
    });
  });

  it('a renewal is not tested again, nor held to the shortage list or to being abroad', () => {
    const renewal = anApplication({
      applicationDate: '2025-03-01',
      kind: 'RENEWAL',
      worker: { location: 'BELGIUM' },
    });
    expect(evaluate(checkVacancyPublication, renewal)).toBe('NOT_IN_FORCE');
    expect(evaluate(checkOnShortageList, renewal)).toBe('NOT_IN_FORCE');
    expect(evaluate(checkWorkerAbroad('art. 18 §1'), renewal)).toBe('NOT_IN_FORCE');
  });

  it('the VDAB shortage list is required from 1 May 2024', () => {
    const app = (date: string) =>
      anApplication({ applicationDate: date, job: { onVdabShortageList: false } });
    expect(evaluate(checkOnShortageList, app('2024-04-30'))).toBe('NOT_IN_FORCE');
    expect(evaluate(checkOnShortageList, app('2024-05-01'))).toMatchObject({ code: 'NOT_ON_SHORTAGE_LIST' });
  });
});

describe('warnValidityLimitedByAge', () => {
  const young = (salary: number, endDate: string | null) =>
    warnValidityLimitedByAge.evaluate(
      contextFor(
        anApplication({
          worker: { birthDate: '1996-09-10' },
          job: { grossAnnualSalary: salary, startDate: '2025-06-02', endDate },
        }),
      ),
    );

  it('warns when the 30th birthday falls within the open-ended maximum validity', () => {
    expect(young(40000, null)).toMatchObject({
      facts: { until: '2026-09-09', turnsAgeLimitOn: '2026-09-10', requestedUntil: '2028-06-01' },
    });
  });

  it('does not warn when the contract ends before the birthday or pay reaches the full threshold', () => {
    expect(young(40000, '2026-09-09')).toBeNull();
    expect(young(48912, null)).toBeNull();
  });
});
