import type { ReportDefinition } from './report-definition.ts';

/**
 * Seed 004 (the care think tank, 2023): "NARIC: ~5,700 recognition requests a year" and their
 * status. NARIC-Vlaanderen's own totals are not Loket's to count; what Loket sees is the NARIC file
 * each application names, read at the register check (src/stats/inspection-facts.ts): its status
 * then, per care profession and year of submission. Nurses need a recognised diploma to practise.
 */
export const naricRecognitions: ReportDefinition = {
  id: 'naricRecognitions',
  question: '004: NARIC — erkenningsaanvragen en hun stand, bij verpleegkundigen en zorgkundigen',
  description: {
    nl: 'Hoeveel aanvragen noemden een NARIC-dossier voor de erkenning van het diploma, en hoe stond die erkenning toen Loket ze nakeek, per zorgberoep en per jaar?',
    fr: 'Combien de demandes mentionnaient un dossier NARIC de reconnaissance du diplôme, et où en était cette reconnaissance lors du contrôle par Loket, par profession de soins et par année ?',
    en: 'How many applications named a NARIC file for the recognition of the diploma, and where did that recognition stand when Loket checked it, per care profession and per year?',
  },
  title: {
    nl: 'NARIC-erkenningen in de aanvragen',
    fr: 'Reconnaissances NARIC dans les demandes',
    en: 'NARIC recognitions in the applications',
  },
  definitions: {
    nl: 'Bron: de registercontrole van Loket bij NARIC-Vlaanderen, voor de aanvragen die een NARIC-referentie opgeven. Alles telt in het jaar van indiening. De stand is die op de dag van de controle (ontvangen, in behandeling, gelijkwaardig verklaard, geweigerd, of niet gevonden); een erkenning die later beslist werd, telt nog als lopend. De ongeveer 5.700 erkenningsaanvragen per jaar die NARIC zelf telt, omvatten ook wie geen arbeidsmigrant is: die telt Loket niet.',
    fr: 'Source : le contrôle des registres par Loket auprès de NARIC-Vlaanderen, pour les demandes qui indiquent une référence NARIC. Tout compte dans l’année d’introduction. L’état est celui du jour du contrôle (reçue, en traitement, déclarée équivalente, refusée ou introuvable) ; une reconnaissance décidée plus tard compte encore comme en cours. Les quelque 5 700 demandes de reconnaissance par an que compte NARIC comprennent aussi des personnes qui ne sont pas des travailleurs migrants : Loket ne les compte pas.',
    en: 'Source: Loket’s register check with NARIC-Vlaanderen, for the applications giving a NARIC reference. Everything counts in the year of submission. The status is the one on the day of the check (received, in treatment, declared equivalent, refused, or not found); a recognition decided later still counts as pending. The some 5,700 recognition requests a year NARIC itself counts include people who are not labour migrants: Loket does not count those.',
  },
  layer: 'year',
  rows: 'careProfession',
  columns: 'recognitionStatus',
  measures: ['recognitions'],
};
