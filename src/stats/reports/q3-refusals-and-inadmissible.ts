import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 3 ("redenen voor weigering … per categorie"), as issue 16
 * reads it besides the grounds of `q3`: how many refusals per category (each refusal once, whatever
 * its number of grounds), and how many dossiers were declared inadmissible before any examination.
 * Applications and inadmissible dossiers count in the year of submission, decisions and refusals
 * in the year of the regional decision.
 */
export const q3RefusalsAndInadmissible: ReportDefinition = {
  id: 'q3Refusals',
  question:
    '003 q3: weigeringen van een arbeidskaart per categorie (aantal weigeringen, niet gronden) en onontvankelijke aanvragen',
  description: {
    nl: 'Hoeveel aanvragen werden geweigerd en hoeveel onontvankelijk verklaard, per categorie en per jaar?',
    fr: 'Combien de demandes ont été refusées et combien déclarées irrecevables, par catégorie et par année ?',
    en: 'How many applications were refused and how many declared inadmissible, per category and per year?',
  },
  title: {
    nl: 'Weigeringen en onontvankelijke aanvragen per categorie',
    fr: 'Refus et demandes irrecevables par catégorie',
    en: 'Refusals and inadmissible applications per category',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket. Aanvragen en onontvankelijke aanvragen tellen in het jaar van indiening; beslist en geweigerd in het jaar van de beslissing over het luik werk. Een weigering telt één keer, ook met meer gronden (de gronden zelf: rapport "Weigeringsgronden per categorie"). Een weigering die in beroep werd herzien, telt niet meer als weigering.',
    fr: 'Source : les dossiers de Loket. Les demandes et les demandes irrecevables comptent dans l’année d’introduction ; les décisions et les refus dans l’année de la décision sur le volet travail. Un refus compte une fois, même avec plusieurs motifs (les motifs : rapport « Motifs de refus par catégorie »). Un refus réformé en recours ne compte plus comme refus.',
    en: 'Source: the dossiers in Loket. Applications and inadmissible applications count in the year of submission; decided and refused in the year of the decision on the work part. A refusal counts once, even with several grounds (the grounds themselves: report "Refusal reasons per category"). A refusal overturned on appeal no longer counts as a refusal.',
  },
  layer: 'year',
  rows: 'category',
  columns: null,
  measures: ['applications', 'inadmissible', 'decided', 'refused'],
};
