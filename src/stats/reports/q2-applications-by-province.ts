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
  layer: 'year',
  rows: 'category',
  columns: 'province',
  measures: ['applications', 'granted'],
};
