import { describe, expect, it } from 'vitest';
import { anApplication, evaluate } from '../test-support/build-application.ts';
import { checkBlueCardContractLength } from './blue-card.ts';
import { checkCompetentRegion } from './competent-region.ts';
import { checkEmploymentFraction, checkSeasonalDuration } from './employment-terms.ts';
import { checkHighlySkilledFunction, checkLowSkilledFunctionExcluded } from './function-level.ts';
import { checkEnterpriseNumberValid, checkInszValid } from './identifiers.ts';
import { checkIctConditions, checkIctQualification } from './intra-corporate-transfer.ts';
import { checkOnMigrationList } from './migration-list.ts';
import { checkMinimumQualification } from './qualification.ts';
import { checkCultRecognised, checkHostingAgreement } from './special-categories.ts';

describe('identification', () => {
  it('checkEnterpriseNumberValid reports the problem', () => {
    expect(evaluate(checkEnterpriseNumberValid, anApplication())).toBeNull();
    expect(
      evaluate(checkEnterpriseNumberValid, anApplication({ employer: { enterpriseNumber: '0403.170.702' } })),
    ).toMatchObject({
      code: 'INVALID_ENTERPRISE_NUMBER',
      facts: { problem: 'CHECK_DIGITS' },
    });
  });

  it('checkInszValid checks only a given INSZ', () => {
    expect(evaluate(checkInszValid, anApplication())).toBeNull();
    expect(evaluate(checkInszValid, anApplication({ worker: { insz: '93051822361' } }))).toBeNull();
    expect(evaluate(checkInszValid, anApplication({ worker: { insz: '93051822360' } }))).toMatchObject({
      code: 'INVALID_INSZ',
    });
  });

  it('checkCompetentRegion refuses Brussels and Wallonia', () => {
    expect(
      evaluate(checkCompetentRegion, anApplication({ job: { workplacePostalCode: '1500' } })),
    ).toBeNull();
    expect(
      evaluate(checkCompetentRegion, anApplication({ job: { workplacePostalCode: '1050' } })),
    ).toMatchObject({
      facts: { postalCode: '1050', region: 'BRUSSELS' },
    });
  });
});

describe('qualification and function level', () => {
  const hs = checkMinimumQualification('qualification.minimumVks.highlySkilled', 'art');
  it('checkMinimumQualification compares the worker VKS with the minimum in force', () => {
    expect(evaluate(hs, anApplication({ worker: { qualificationVks: 5 } }))).toBeNull();
    expect(evaluate(hs, anApplication({ worker: { qualificationVks: 4 } }))).toMatchObject({
      facts: { qualificationVks: 4, minimumVks: 5 },
    });
  });

  it('checkHighlySkilledFunction is in force from 2026 and spares a nurse in a care function', () => {
    const app = (date: string, extra = {}) =>
      anApplication({ applicationDate: date, job: { requiredVks: 4 }, ...extra });
    expect(evaluate(checkHighlySkilledFunction, app('2025-12-31'))).toBe('NOT_IN_FORCE');
    expect(evaluate(checkHighlySkilledFunction, app('2026-01-01'))).toMatchObject({
      facts: { requiredVks: 4, minimumVks: 5 },
    });
    const nurse = { worker: { profession: 'NURSE' as const }, job: { requiredVks: 4, isCareFunction: true } };
    expect(evaluate(checkHighlySkilledFunction, app('2026-01-01', nurse))).toBeNull();
  });

  it('checkLowSkilledFunctionExcluded excludes VKS ≤ 2 from 2026', () => {
    const check = checkLowSkilledFunctionExcluded({ isLevelRequired: false });
    expect(
      evaluate(check, anApplication({ applicationDate: '2026-01-01', job: { requiredVks: 3 } })),
    ).toBeNull();
    expect(
      evaluate(check, anApplication({ applicationDate: '2026-01-01', job: { requiredVks: 2 } })),
    ).toMatchObject({
      facts: { requiredVks: 2, maximumExcludedVks: 2 },
    });
    expect(evaluate(check, anApplication({ applicationDate: '2025-12-31', job: { requiredVks: 1 } }))).toBe(
      'NOT_IN_FORCE',
    );
  });

  it('checkIctQualification: manager 5, trainee 6', () => {
    const ict = (role: 'MANAGER' | 'TRAINEE') =>
      anApplication({
        category: 'INTRA_CORPORATE_TRANSFEREE',
        worker: { qualificationVks: 5 },
        intraCorporateTransfer: { role },
      });
    expect(evaluate(checkIctQualification, ict('MANAGER'))).toBeNull();
    expect(evaluate(checkIctQualification, ict('TRAINEE'))).toMatchObject({
      facts: { minimumVks: 6, role: 'TRAINEE' },
    });
  });
});

describe('employment terms', () => {
  it('checkBlueCardContractLength: 12 months until April 2024, 6 after; open-ended always fine', () => {
    const contract = (date: string, endDate: string | null) =>
      anApplication({ applicationDate: date, job: { startDate: '2024-06-01', endDate } });
    expect(evaluate(checkBlueCardContractLength, contract('2024-04-30', '2025-05-31'))).toBeNull();
    expect(evaluate(checkBlueCardContractLength, contract('2024-04-30', '2025-05-30'))).toMatchObject({
      facts: { months: 11, minimumMonths: 12 },
    });
    expect(evaluate(checkBlueCardContractLength, contract('2024-05-01', '2024-11-30'))).toBeNull();
    expect(evaluate(checkBlueCardContractLength, contract('2024-05-01', null))).toBeNull();
  });

  it('checkEmploymentFraction: at least 0.8', () => {
    expect(evaluate(checkEmploymentFraction, anApplication({ job: { employmentFraction: 0.8 } }))).toBeNull();
    expect(
      evaluate(checkEmploymentFraction, anApplication({ job: { employmentFraction: 0.79 } })),
    ).toMatchObject({
      facts: { employmentFraction: 0.79, minimumFraction: 0.8 },
    });
  });

  it('checkSeasonalDuration: 150 days both ends included; open-ended exceeds', () => {
    const seasonal = (endDate: string | null) => anApplication({ job: { startDate: '2025-04-01', endDate } });
    expect(evaluate(checkSeasonalDuration, seasonal('2025-08-28'))).toBeNull();
    expect(evaluate(checkSeasonalDuration, seasonal('2025-08-29'))).toMatchObject({ facts: { days: 151 } });
    expect(evaluate(checkSeasonalDuration, seasonal(null))).toMatchObject({
      facts: { days: null, endDate: null },
    });
  });

  it('checkIctConditions lists each failed condition', () => {
    const ict = (sameGroup: boolean, priorEmploymentMonths: number) =>
      anApplication({ intraCorporateTransfer: { role: 'MANAGER', sameGroup, priorEmploymentMonths } });
    expect(evaluate(checkIctConditions, ict(true, 3))).toBeNull();
    expect(evaluate(checkIctConditions, ict(false, 2))).toMatchObject({
      facts: { failed: ['SAME_GROUP', 'PRIOR_EMPLOYMENT'] },
    });
  });
});

describe('lists', () => {
  const onList = (fn: string, date: string, kind: 'FIRST' | 'RENEWAL' = 'FIRST') =>
    evaluate(
      checkOnMigrationList,
      anApplication({ applicationDate: date, kind, job: { migrationListFunction: fn } }),
    );

  it('checkOnMigrationList uses the version in force on the filing date', () => {
    expect(onList('chef', '2023-08-31')).toBeNull();
    expect(onList('chef', '2023-09-01')).toMatchObject({
      facts: { version: 'v3', versionValidFrom: '2023-09-01' },
    });
    expect(onList('bricklayer', '2023-09-01')).toBeNull();
  });

  it('keeps a renewal of a function an earlier version listed', () => {
    expect(onList('truck-driver', '2026-01-02', 'RENEWAL')).toBeNull();
    expect(onList('unknown-function', '2026-01-02', 'RENEWAL')).toMatchObject({
      code: 'NOT_ON_MIGRATION_LIST',
    });
  });

  it('checkCultRecognised accepts recognised cults in any case or spacing', () => {
    const cult = (name: string) => evaluate(checkCultRecognised, anApplication({ religion: { cult: name } }));
    expect(cult('ISLAMIC')).toBeNull();
    expect(cult('roman catholic')).toBeNull();
    expect(cult('BUDDHIST')).toMatchObject({ facts: { cult: 'BUDDHIST' } });
  });

  it('checkHostingAgreement refuses only an explicit absence of agreement', () => {
    expect(
      evaluate(checkHostingAgreement, anApplication({ researcher: { hostingAgreement: true } })),
    ).toBeNull();
    expect(
      evaluate(checkHostingAgreement, anApplication({ researcher: { hostingAgreement: false } })),
    ).toMatchObject({
      code: 'HOSTING_AGREEMENT_REQUIRED',
    });
  });
});
