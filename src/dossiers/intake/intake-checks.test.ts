import { describe, expect, it } from 'vitest';
import { missingDocumentErrors, nationalityErrors, procedureTypeOf } from './intake-checks.ts';

const application = {
  applicationDate: '2026-03-02',
  category: 'HIGHLY_SKILLED',
  employer: { enterpriseNumber: '0403.170.701' },
  worker: { birthDate: '1990-05-01', nationality: 'IN', qualificationVks: 7 },
  job: { requiredVks: 6, grossAnnualSalary: 85000, workplacePostalCode: '9000' },
};

describe('intake checks before submission', () => {
  it('refuse a worker who needs no work authorisation, on the filing date, in the user’s language', () => {
    expect(nationalityErrors(application, '2026-03-02', 'nl')).toEqual([]);
    const belgian = { ...application, worker: { ...application.worker, nationality: 'BE' } };
    expect(nationalityErrors(belgian, '2026-03-02', 'fr')).toEqual([
      {
        path: 'application.worker.nationality',
        rule: 'workAuthorisationNotRequired',
        message: expect.stringMatching(/^est belge/),
      },
    ]);
    const british = (applicationDate: string) => ({
      ...application,
      applicationDate,
      worker: { ...application.worker, nationality: 'GB' },
    });
    expect(nationalityErrors(british('2020-06-01'), '2026-03-02', 'en')).toHaveLength(1);
    expect(nationalityErrors(british('2021-01-01'), '2026-03-02', 'en')).toEqual([]);
    expect(nationalityErrors({ worker: {} }, '2026-03-02', 'nl')).toEqual([]);
  });

  it('name each required document not uploaded, residence documents only for a single permit', () => {
    expect(procedureTypeOf(application)).toBe('SINGLE_PERMIT');
    const errors = missingDocumentErrors('HIGHLY_SKILLED', application, ['PASSPORT', 'DIPLOMA'], 'en');
    expect(errors.map((error) => error.path)).toEqual([
      'documents.EMPLOYMENT_CONTRACT',
      'documents.CURRICULUM_VITAE',
      'documents.CRIMINAL_RECORD',
      'documents.MEDICAL_CERTIFICATE',
    ]);
    expect(errors[0]?.message).toBe(
      'Employment contract is missing: this document is required for this application; add it in the Documents step',
    );
    const workCard = {
      ...application,
      job: { ...application.job, startDate: '2026-05-01', endDate: '2026-06-30' },
    };
    expect(missingDocumentErrors('HIGHLY_SKILLED', workCard, [], 'nl').map((e) => e.path)).not.toContain(
      'documents.CRIMINAL_RECORD',
    );
  });
});
