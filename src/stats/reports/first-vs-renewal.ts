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
  definitions: {
    nl: 'Bron: de dossiers in Loket. Aanvragen tellen in het jaar van indiening, toekenningen in het jaar van de beslissing over het luik werk. Hernieuwing: een aanvraag die een eerdere toelating verlengt.',
    fr: 'Source : les dossiers de Loket. Les demandes comptent dans l’année d’introduction, les autorisations dans l’année de la décision sur le volet travail. Renouvellement : une demande qui prolonge une autorisation antérieure.',
    en: 'Source: the dossiers in Loket. Applications count in the year of submission, grants in the year of the decision on the work part. Renewal: an application extending an earlier authorisation.',
  },
  layer: null,
  rows: 'year',
  columns: 'kind',
  measures: ['applications', 'granted'],
};
