import type { Application } from '../schema/application-schema.ts';

/**
 * Application fields a category may need, each with its dotted path (as reported in
 * MISSING_INFORMATION's `facts.fields`) and a reader. Absent means undefined or null.
 */
export interface Field {
  readonly path: string;
  readonly read: (app: Application) => unknown;
}

const field = (path: string, read: (app: Application) => unknown): Field => ({ path, read });

export const FIELDS = {
  qualificationVks: field('worker.qualificationVks', (a) => a.worker.qualificationVks),
  location: field('worker.location', (a) => a.worker.location),
  requiredVks: field('job.requiredVks', (a) => a.job.requiredVks),
  grossAnnualSalary: field('job.grossAnnualSalary', (a) => a.job.grossAnnualSalary),
  employmentFraction: field('job.employmentFraction', (a) => a.job.employmentFraction),
  sectorScaleMonthly: field('job.sectorScaleMonthly', (a) => a.job.sectorScaleMonthly),
  migrationListFunction: field('job.migrationListFunction', (a) => a.job.migrationListFunction),
  isCareFunction: field('job.isCareFunction', (a) => a.job.isCareFunction),
  onVdabShortageList: field('job.onVdabShortageList', (a) => a.job.onVdabShortageList),
  endDate: field('job.endDate', (a) => a.job.endDate),
  sector: field('job.sector', (a) => a.job.sector),
  publications: field('labourMarketTest.publications', (a) => a.labourMarketTest?.publications),
  ictRole: field('intraCorporateTransfer.role', (a) => a.intraCorporateTransfer?.role),
  ictSameGroup: field('intraCorporateTransfer.sameGroup', (a) => a.intraCorporateTransfer?.sameGroup),
  ictPriorEmployment: field(
    'intraCorporateTransfer.priorEmploymentMonths',
    (a) => a.intraCorporateTransfer?.priorEmploymentMonths,
  ),
  hostingAgreement: field('researcher.hostingAgreement', (a) => a.researcher?.hostingAgreement),
  cult: field('religion.cult', (a) => a.religion?.cult),
  shortageDemonstrated: field('religion.shortageDemonstrated', (a) => a.religion?.shortageDemonstrated),
  integrationTestPassed: field('religion.integrationTestPassed', (a) => a.religion?.integrationTestPassed),
  naricReference: field('worker.naricReference', (a) => a.worker.naricReference),
} as const;

export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}
