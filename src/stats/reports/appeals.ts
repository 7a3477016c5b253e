import type { ReportDefinition } from './report-definition.ts';

/**
 * Issue 16: appeals against a refusal, and how many refusals were overturned, per year and category
 * (the appeal to the minister, decided by a supervisor: reference.md §5.3). A dossier counts its
 * last appeal decided, in the year of that decision; UPHELD keeps the refusal, OVERTURNED withdraws
 * it (a grant on appeal, or a new examination). Refusals beside it, in the year of the refusal.
 */
export const appealsPerCategory: ReportDefinition = {
  id: 'appeals',
  question: 'beroepen tegen een weigering en herziene weigeringen, per jaar en categorie',
  description: {
    nl: 'Hoeveel beroepen tegen een weigering werden beslist, en hoeveel weigeringen werden daarbij herzien, per categorie en per jaar?',
    fr: 'Combien de recours contre un refus ont été tranchés, et combien de refus ont ainsi été réformés, par catégorie et par année ?',
    en: 'How many appeals against a refusal were decided, and how many refusals were overturned, per category and per year?',
  },
  title: {
    nl: 'Beroepen en herziene weigeringen per categorie',
    fr: 'Recours et refus réformés par catégorie',
    en: 'Appeals and overturned refusals per category',
  },
  definitions: {
    nl: 'Bron: de handelingen in de dossiers van Loket. Beroepen tellen in het jaar van de beslissing over het beroep; per dossier telt het laatste besliste beroep. Gegrond: de weigering (of de intrekking van een toelating) wordt herzien, met een toekenning of een nieuw onderzoek. Weigeringen tellen in het jaar van de beslissing over het luik werk; een herziene weigering telt daar niet meer.',
    fr: 'Source : les actes des dossiers de Loket. Les recours comptent dans l’année de la décision sur le recours ; par dossier, le dernier recours tranché compte. Fondé : le refus (ou le retrait d’une autorisation) est réformé, par une autorisation ou un nouvel examen. Les refus comptent dans l’année de la décision sur le volet travail ; un refus réformé n’y compte plus.',
    en: 'Source: the actions in Loket’s dossiers. Appeals count in the year of the decision on the appeal; per dossier, its last appeal decided counts. Allowed: the refusal (or the withdrawal of an authorisation) is overturned, by a grant or a new examination. Refusals count in the year of the decision on the work part; an overturned refusal no longer counts there.',
  },
  layer: 'year',
  rows: 'category',
  columns: null,
  measures: ['refused', 'appealsDecided', 'appealsOverturned'],
};
