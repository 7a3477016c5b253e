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
  definitions: {
    nl: 'Bron: de dossiers in Loket, de weigeringsgronden in de beslissing. Tellen in het jaar van de beslissing over het luik werk. Een weigering met meer gronden telt onder elke grond; een weigering met alleen een vrije motivering onder "Andere grond". Het aantal weigeringen zelf: rapport "Weigeringen en onontvankelijke aanvragen per categorie".',
    fr: 'Source : les dossiers de Loket, les motifs de refus de la décision. Comptent dans l’année de la décision sur le volet travail. Un refus à plusieurs motifs compte sous chaque motif ; un refus motivé seulement en texte libre sous « Autre motif ». Le nombre de refus lui-même : rapport « Refus et demandes irrecevables par catégorie ».',
    en: 'Source: the dossiers in Loket, the refusal grounds in the decision. Counted in the year of the decision on the work part. A refusal with several grounds counts under each; a refusal motivated in free text only under "Other ground". The number of refusals itself: report "Refusals and inadmissible applications per category".',
  },
  layer: 'year',
  rows: 'category',
  columns: 'refusalReason',
  measures: ['refused'],
};
