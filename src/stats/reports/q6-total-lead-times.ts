import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 6, as the minister answered it: "De totale doorlooptijd
 * van een gecombineerde aanvraag is heden beperkt tot 2 à 4 weken. Eind 2019 betrof het
 * doorlooptijden van 6 à 8 weken." Every step side by side, per category and year of the regional
 * decision: submission → admissibility, admissibility → work decision, work decision → residence
 * decision, and the whole, submission → residence decision (grants with a federal decision).
 */
export const q6TotalLeadTimes: ReportDefinition = {
  id: 'q6Total',
  question:
    '003 q6: totale doorlooptijd van een gecombineerde aanvraag, van indiening tot de beslissing over het verblijf, met elke stap',
  description: {
    nl: 'Hoe lang duurt een gecombineerde aanvraag van indiening tot de beslissing over het verblijf, en elke stap daartussen, per categorie en jaar?',
    fr: 'Combien de temps dure une demande combinée, de l’introduction à la décision sur le séjour, et chaque étape entre les deux, par catégorie et par année ?',
    en: 'How long does a combined application take from submission to the residence decision, and each step in between, per category and year?',
  },
  title: {
    nl: 'Totale doorlooptijd, van indiening tot verblijf',
    fr: 'Délai total, de l’introduction au séjour',
    en: 'Total lead time, submission to residence',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket en de beslissingen over het verblijf die de Dienst Vreemdelingenzaken terugmeldt. Alle kolommen tellen in het jaar van de beslissing over het luik werk, over de beslissingen van dat jaar. Indiening → ontvankelijk: van de dag van indiening (Brussel) tot de ontvankelijkheid. Werk: van de ontvankelijkheid tot de beslissing over het luik werk. Werk → verblijf en indiening → verblijf: alleen toekenningen waarover de federale beslissing bekend is. Kalenderdagen; mediaan en 90e percentiel.',
    fr: 'Source : les dossiers de Loket et les décisions de séjour communiquées par l’Office des étrangers. Toutes les colonnes comptent dans l’année de la décision sur le volet travail, sur les décisions de cette année. Introduction → recevable : du jour de l’introduction (Bruxelles) à la recevabilité. Travail : de la recevabilité à la décision sur le volet travail. Travail → séjour et introduction → séjour : seulement les autorisations dont la décision fédérale est connue. Jours calendrier ; médiane et 90e percentile.',
    en: 'Source: the dossiers in Loket and the residence decisions reported back by the Immigration Office. Every column counts in the year of the decision on the work part, over that year’s decisions. Submission → admissible: from the day of submission (Brussels) to admissibility. Work: from admissibility to the decision on the work part. Work → residence and submission → residence: grants whose federal decision is known only. Calendar days; median and 90th percentile.',
  },
  layer: 'year',
  rows: 'category',
  columns: null,
  measures: [
    'decided',
    'admissibilityLeadMedianDays',
    'regionalLeadMedianDays',
    'federalLeadMedianDays',
    'totalLeadMedianDays',
    'totalLeadP90Days',
  ],
};
