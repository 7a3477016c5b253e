import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 4, with the breakdowns combined as issue 16 asks
 * ("category × sex × age band, not one at a time"): grants per category, age band and sex together.
 * Three dimensions is what one query holds, so the years are the filter: choose one year (from = to)
 * for the question's "jaarlijks". Applicant status (refugee, student…) is not recorded by Loket: see
 * docs/statistics.md.
 */
export const q4Combined: ReportDefinition = {
  id: 'q4Combined',
  question:
    '003 q4: uitgegeven werkvergunningen naar leeftijdscategorie en geslacht samen, per categorie uit deelvraag 2, per jaar',
  description: {
    nl: 'Aan wie werden werkvergunningen uitgereikt, naar leeftijd en geslacht samen, per categorie?',
    fr: 'À qui des permis de travail ont-ils été délivrés, par âge et sexe combinés, par catégorie ?',
    en: 'To whom were work permits issued, by age and sex combined, per category?',
  },
  title: {
    nl: 'Toekenningen naar categorie, leeftijd en geslacht samen',
    fr: 'Autorisations par catégorie, âge et sexe combinés',
    en: 'Grants by category, age band and sex combined',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket. Toekenningen tellen in het jaar van de beslissing over het luik werk; de tabel telt alle gekozen jaren samen, kies één jaar voor een jaarlijkse tabel. Leeftijd op de dag van indiening; geslacht zoals in de aanvraag. Het statuut van de aanvrager (vluchteling, student…) wordt niet geregistreerd.',
    fr: 'Source : les dossiers de Loket. Les autorisations comptent dans l’année de la décision sur le volet travail ; le tableau additionne les années choisies, choisissez une seule année pour un tableau annuel. Âge au jour de l’introduction ; sexe tel que dans la demande. Le statut du demandeur (réfugié, étudiant…) n’est pas enregistré.',
    en: 'Source: the dossiers in Loket. Grants count in the year of the decision on the work part; the table adds up the years chosen, choose one year for a yearly table. Age on the day of submission; sex as given in the application. The applicant’s status (refugee, student…) is not recorded.',
  },
  layer: 'category',
  rows: 'ageBand',
  columns: 'sex',
  measures: ['granted'],
};
