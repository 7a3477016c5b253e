import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 2 (Malfroot, 15 Jan 2021): "Graag een overzicht, vanaf
 * 2019 tot en met 2021, van aangevraagde en uitgegeven arbeidskaarten in het luik 'werk' … voor de
 * volgende categorieën … Graag opdeling naargelang van de plaats van tewerkstelling."
 * Applications count in the year of submission, grants in the year of the decision.
 */
export const q2ApplicationsByProvince: ReportDefinition = {
  id: 'q2',
  question:
    "003 q2: aangevraagde en uitgegeven arbeidskaarten in het luik 'werk' per categorie, opgedeeld naar plaats van tewerkstelling, per jaar",
  description: {
    nl: 'Hoeveel arbeidskaarten werden aangevraagd en uitgereikt, per categorie en per provincie van tewerkstelling, per jaar?',
    fr: 'Combien de permis de travail ont été demandés et délivrés, par catégorie et par province d’occupation, par année ?',
    en: 'How many work permits were applied for and issued, per category and per province of employment, per year?',
  },
  title: {
    nl: 'Aanvragen en toekenningen per categorie en provincie van tewerkstelling',
    fr: "Demandes et autorisations par catégorie et province d'occupation",
    en: 'Applications and grants per category and province of employment',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket. Aanvragen tellen in het jaar van indiening, toekenningen in het jaar van de beslissing over het luik werk. Provincie van tewerkstelling: volgens de postcode van de werkplaats; "Onbekend" buiten Vlaanderen. De 13 categorieën van het besluit van 7 december 2018; de 10 categorieën uit de vraag staan in het rapport "Aanvragen en uitgegeven arbeidskaarten in de categorieën van de vraag".',
    fr: 'Source : les dossiers de Loket. Les demandes comptent dans l’année d’introduction, les autorisations dans l’année de la décision sur le volet travail. Province d’occupation : selon le code postal du lieu de travail ; « Inconnu » hors de Flandre. Les 13 catégories de l’arrêté du 7 décembre 2018 ; les 10 catégories de la question sont dans le rapport « Demandes et permis délivrés dans les catégories de la question ».',
    en: 'Source: the dossiers in Loket. Applications count in the year of submission, grants in the year of the decision on the work part. Province of employment: from the workplace’s postal code; "Unknown" outside Flanders. The 13 categories of the decree of 7 December 2018; the 10 categories of the question are in the report "Applications and permits issued in the categories of the question".',
  },
  layer: 'year',
  rows: 'category',
  columns: 'province',
  measures: ['applications', 'granted'],
};
