import type { ReportDefinition } from './report-definition.ts';

/**
 * Seed 002 (conceptnota "Verscherpt en geïntegreerd arbeidsmigratiebeleid", 2025), §2.2: "Het
 * aandeel hooggeschoolde arbeidsmigranten dat Vlaanderen aantrok tussen 2019 en 2024 is gedaald
 * (van 69% naar 36%)". Highly skilled = the categories HIGHLY_SKILLED and EU_BLUE_CARD, among grants
 * by year of decision.
 */
export const highlySkilledShare: ReportDefinition = {
  id: 'highlySkilledShare',
  question: '002 §2.2: aandeel hooggeschoolde arbeidsmigranten per jaar (69 % in 2019, 36 % in 2024)',
  description: {
    nl: 'Welk aandeel van de toegekende arbeidsmigranten is hooggeschoold, per jaar?',
    fr: 'Quelle part des travailleurs migrants autorisés est hautement qualifiée, par année ?',
    en: 'What share of the authorised labour migrants is highly skilled, per year?',
  },
  title: {
    nl: 'Aandeel hooggeschoolden in de toekenningen',
    fr: 'Part des hautement qualifiés dans les autorisations',
    en: 'Share of highly skilled among grants',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket. Tellen in het jaar van de beslissing over het luik werk. Hooggeschoold: de categorieën hooggeschoolde werknemer en Europese blauwe kaart, als aandeel van alle toekenningen. Naar diploma (VKS 5 of hoger): rapport "Hooggekwalificeerden naar diploma en naar categorie".',
    fr: 'Source : les dossiers de Loket. Comptent dans l’année de la décision sur le volet travail. Hautement qualifié : les catégories travailleur hautement qualifié et carte bleue européenne, en part de toutes les autorisations. Selon le diplôme (VKS 5 ou plus) : rapport « Hautement qualifiés selon le diplôme et selon la catégorie ».',
    en: 'Source: the dossiers in Loket. Counted in the year of the decision on the work part. Highly skilled: the categories highly skilled worker and EU Blue Card, as a share of all grants. By diploma (VKS 5 or higher): report "Highly qualified by diploma and by category".',
  },
  layer: null,
  rows: 'year',
  columns: null,
  measures: ['granted', 'highlySkilledGranted', 'highlySkilledShare'],
};
