import type { ReportDefinition } from './report-definition.ts';

/**
 * "~10,000 new + ~6,500 renewals" in 2023 (reference.md §8.2, vlaanderen.be 26-3-2024): first
 * applications and renewals per year, applied for and granted.
 */
export const firstVsRenewal: ReportDefinition = {
  id: 'firstVsRenewal',
  question: 'nieuwe aanvragen en hernieuwingen per jaar',
  description: {
    nl: 'Hoeveel aanvragen zijn eerste aanvragen en hoeveel hernieuwingen, per jaar?',
    fr: 'Combien de demandes sont des premières demandes et combien des renouvellements, par année ?',
    en: 'How many applications are first applications and how many renewals, per year?',
  },
  title: {
    nl: 'Eerste aanvragen en hernieuwingen',
    fr: 'Premières demandes et renouvellements',
    en: 'First applications and renewals',
  },
  layer: null,
  rows: 'year',
  columns: 'kind',
  measures: ['applications', 'granted'],
};
