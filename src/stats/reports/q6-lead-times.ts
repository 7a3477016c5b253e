import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 6: "Hoeveel bedraagt de doorlooptijd tussen de twee
 * luiken?" (work and residence). Per category and year of the regional decision: the regional lead
 * time (admissible → work decision) with the share decided within the legal deadline, and the
 * time from the work decision to the federal residence decision — medians and 90th percentiles.
 */
export const q6LeadTimes: ReportDefinition = {
  id: 'q6',
  question: '003 q6: doorlooptijd tussen het luik werk en het luik verblijf, per categorie en jaar',
  description: {
    nl: 'Hoe lang duurt de behandeling van het luik werk en van het luik verblijf, per categorie en jaar?',
    fr: 'Combien de temps prend le traitement du volet travail et du volet séjour, par catégorie et par année ?',
    en: 'How long does handling take for the work part and for the residence part, per category and year?',
  },
  title: {
    nl: 'Doorlooptijden werk en verblijf',
    fr: 'Délais travail et séjour',
    en: 'Lead times, work and residence',
  },
  layer: 'year',
  rows: 'category',
  columns: null,
  measures: [
    'decided',
    'regionalLeadMedianDays',
    'regionalLeadP90Days',
    'withinDeadlineShare',
    'federalLeadMedianDays',
    'federalLeadP90Days',
  ],
};
