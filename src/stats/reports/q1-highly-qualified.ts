import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 1: "Wordt er voldoende hooggekwalificeerd personeel
 * aangetrokken?" The minister's answer defines highly qualified by diploma: "minimum een
 * hooggeschoold diploma vereist (minimum VKS niveau 5)", and could not count it ("niet specifiek
 * geregistreerd"). Loket records the worker's VKS level, so both readings stand side by side: the
 * share by category (HIGHLY_SKILLED and EU_BLUE_CARD, seed 002) and the share by diploma, among
 * grants whose level is known. Per year of the regional decision.
 */
export const q1HighlyQualified: ReportDefinition = {
  id: 'q1HighlyQualified',
  question:
    '003 q1: wordt er voldoende hooggekwalificeerd personeel aangetrokken? Aandeel met een diploma van minimum VKS-niveau 5, naast het aandeel hooggeschoolde categorieën',
  description: {
    nl: 'Welk aandeel van de toegekende arbeidsmigranten is hooggekwalificeerd, naar diploma (VKS 5 of hoger) en naar categorie, per jaar?',
    fr: 'Quelle part des travailleurs migrants autorisés est hautement qualifiée, selon le diplôme (VKS 5 ou plus) et selon la catégorie, par année ?',
    en: 'What share of the authorised labour migrants is highly qualified, by diploma (VKS 5 or higher) and by category, per year?',
  },
  title: {
    nl: 'Hooggekwalificeerden naar diploma en naar categorie',
    fr: 'Hautement qualifiés selon le diplôme et selon la catégorie',
    en: 'Highly qualified by diploma and by category',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket, het opleidingsniveau van de werknemer (Vlaamse kwalificatiestructuur, VKS; door NARIC-Vlaanderen erkend waar een erkenning vereist is). Alles telt in het jaar van de beslissing over het luik werk. Hooggekwalificeerd naar diploma: VKS 5 of hoger, als aandeel van de toekenningen waarvan het niveau bekend is. Hooggeschoold naar categorie: hooggeschoolde werknemer en Europese blauwe kaart, als aandeel van alle toekenningen.',
    fr: 'Source : les dossiers de Loket, le niveau de qualification du travailleur (structure flamande des certifications, VKS ; reconnu par NARIC-Vlaanderen lorsqu’une reconnaissance est requise). Tout compte dans l’année de la décision sur le volet travail. Hautement qualifié selon le diplôme : VKS 5 ou plus, en part des autorisations dont le niveau est connu. Hautement qualifié selon la catégorie : travailleur hautement qualifié et carte bleue européenne, en part de toutes les autorisations.',
    en: 'Source: the dossiers in Loket, the worker’s qualification level (Flemish qualifications framework, VKS; recognised by NARIC-Vlaanderen where a recognition is required). Everything counts in the year of the decision on the work part. Highly qualified by diploma: VKS 5 or higher, as a share of the grants whose level is known. Highly skilled by category: highly skilled worker and EU Blue Card, as a share of all grants.',
  },
  layer: null,
  rows: 'year',
  columns: null,
  measures: [
    'granted',
    'qualificationKnownGranted',
    'highlyQualifiedGranted',
    'highlyQualifiedShare',
    'highlySkilledGranted',
    'highlySkilledShare',
  ],
};
