import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 3: "Graag een overzicht van de redenen voor weigering
 * van een arbeidskaart van toekenning per categorie in voorgaande vraag."
 * A refusal with several grounds counts once under each ground (margins add ground mentions).
 */
export const q3RefusalReasons: ReportDefinition = {
  id: 'q3',
  question: '003 q3: redenen voor weigering per categorie, per jaar van de beslissing',
  description: {
    nl: 'Om welke redenen werden aanvragen geweigerd, per categorie en per jaar van de beslissing?',
    fr: 'Pour quels motifs des demandes ont-elles été refusées, par catégorie et par année de décision ?',
    en: 'For which reasons were applications refused, per category and per year of the decision?',
  },
  title: {
    nl: 'Weigeringsgronden per categorie',
    fr: 'Motifs de refus par catégorie',
    en: 'Refusal reasons per category',
  },
  layer: 'year',
  rows: 'category',
  columns: 'refusalReason',
  measures: ['refused'],
};
