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
  definitions: {
    nl: 'Bron: de dossiers in Loket. Toekenningen tellen in het jaar van de beslissing over het luik werk. Leeftijd op de dag van indiening; geslacht en nationaliteit zoals in de aanvraag; opleidingsniveau volgens de Vlaamse kwalificatiestructuur (VKS). Eén uitsplitsing tegelijk; samen: rapport "Toekenningen naar categorie, leeftijd en geslacht samen".',
    fr: 'Source : les dossiers de Loket. Les autorisations comptent dans l’année de la décision sur le volet travail. Âge au jour de l’introduction ; sexe et nationalité tels que dans la demande ; niveau de qualification selon la structure flamande des certifications (VKS). Une ventilation à la fois ; combinées : rapport « Autorisations par catégorie, âge et sexe combinés ».',
    en: 'Source: the dossiers in Loket. Grants count in the year of the decision on the work part. Age on the day of submission; sex and nationality as given in the application; qualification level on the Flemish qualifications framework (VKS). One breakdown at a time; combined: report "Grants by category, age band and sex combined".',
  },
  layer: 'year',
  rows: 'category',
  columns: 'ageBand',
  columnChoices: ['ageBand', 'sex', 'vks', 'nationality'],
  measures: ['granted'],
};
