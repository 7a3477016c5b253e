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
  definitions: {
    nl: 'Bron: de dossiers in Loket en de beslissingen over het verblijf die de Dienst Vreemdelingenzaken terugmeldt. Alles telt in het jaar van de beslissing over het luik werk. Werk: van de ontvankelijkheid tot de beslissing over het luik werk; binnen termijn: beslist op of voor de wettelijke vervaldag (schorsingen meegerekend). Werk → verblijf: alleen toekenningen waarvan de federale beslissing bekend is. Kalenderdagen.',
    fr: 'Source : les dossiers de Loket et les décisions de séjour communiquées par l’Office des étrangers. Tout compte dans l’année de la décision sur le volet travail. Travail : de la recevabilité à la décision sur le volet travail ; dans le délai : décidé au plus tard à l’échéance légale (suspensions comprises). Travail → séjour : seulement les autorisations dont la décision fédérale est connue. Jours calendrier.',
    en: 'Source: the dossiers in Loket and the residence decisions reported back by the Immigration Office. Everything counts in the year of the decision on the work part. Work: from admissibility to the decision on the work part; within the deadline: decided on or before the legal due date (suspensions included). Work → residence: grants whose federal decision is known only. Calendar days.',
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
