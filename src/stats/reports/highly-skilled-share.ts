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
  layer: null,
  rows: 'year',
  columns: null,
  measures: ['granted', 'highlySkilledGranted', 'highlySkilledShare'],
};
