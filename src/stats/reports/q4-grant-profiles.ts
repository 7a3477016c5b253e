import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 4: "Graag een uitsplitsing naargelang van de
 * leeftijdscategorie, geslacht, opleidingsniveau en land van herkomst van de uitgegeven
 * werkvergunningen … per categorie, geformuleerd in deelvraag 2, jaarlijks van 2019 tot en met 2021."
 * One breakdown at a time (`?by=ageBand|sex|vks|nationality`); the education level is the worker's
 * VKS level, which Loket records (the 2021 answer could not give it).
 */
export const q4GrantProfiles: ReportDefinition = {
  id: 'q4',
  question:
    '003 q4: uitgegeven werkvergunningen naar leeftijdscategorie, geslacht, opleidingsniveau en land van herkomst, per categorie en jaar',
  description: {
    nl: 'Aan wie werden werkvergunningen uitgereikt: naar leeftijd, geslacht, opleidingsniveau en land van herkomst, per categorie en jaar?',
    fr: 'À qui des permis de travail ont-ils été délivrés : par âge, sexe, niveau de formation et pays d’origine, par catégorie et par année ?',
    en: 'To whom were work permits issued: by age, sex, level of education and country of origin, per category and year?',
  },
  title: {
    nl: 'Toekenningen naar leeftijd, geslacht, opleidingsniveau en nationaliteit',
    fr: 'Autorisations par âge, sexe, niveau de qualification et nationalité',
    en: 'Grants by age band, sex, qualification level and nationality',
  },
  layer: 'year',
  rows: 'category',
  columns: 'ageBand',
  columnChoices: ['ageBand', 'sex', 'vks', 'nationality'],
  measures: ['granted'],
};
