import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 3: "Graag een overzicht van de redenen voor weigering
 * van een arbeidskaart van toekenning per categorie in voorgaande vraag."
 * A refusal with several grounds counts once under each ground (margins add ground mentions).
 */
export const q3RefusalReasons: ReportDefinition = {
  id: 'q3',
  question: '003 q3: redenen voor weigering per categorie, per jaar van de beslissing',
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
