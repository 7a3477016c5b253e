import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 7: the common electronic platform "om gegevens en
 * documenten op elektronische wijze … uit te wisselen tussen de diensten". Loket is that single
 * window, so every dossier is filed electronically (a share would be 100 % by construction); what
 * can be measured is the exchange: how many admissible dossiers were handed over to the Immigration
 * Office, and how long after admissibility. Per year of submission.
 */
export const q7Handover: ReportDefinition = {
  id: 'q7Handover',
  question:
    '003 q7: gemeenschappelijk elektronisch platform, de uitwisseling met de Dienst Vreemdelingenzaken: overdrachten en hun termijn',
  description: {
    nl: 'Hoeveel ontvankelijke aanvragen werden elektronisch overgedragen aan de Dienst Vreemdelingenzaken, en hoe snel, per categorie en per jaar?',
    fr: 'Combien de demandes recevables ont été transmises électroniquement à l’Office des étrangers, et en combien de temps, par catégorie et par année ?',
    en: 'How many admissible applications were handed over electronically to the Immigration Office, and how fast, per category and per year?',
  },
  title: {
    nl: 'Overdracht aan de Dienst Vreemdelingenzaken',
    fr: 'Transmission à l’Office des étrangers',
    en: 'Hand-over to the Immigration Office',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket en de verzendingen naar de Dienst Vreemdelingenzaken (met ontvangstbewijs). Alles telt in het jaar van indiening. Overgedragen: de ontvankelijke aanvraag is verzonden en ontvangen; termijn: kalenderdagen van de ontvankelijkheid tot de verzending. Elke aanvraag in Loket is elektronisch ingediend; aanvragen op papier worden niet ingevoerd.',
    fr: 'Source : les dossiers de Loket et les envois à l’Office des étrangers (avec accusé de réception). Tout compte dans l’année d’introduction. Transmise : la demande recevable a été envoyée et reçue ; délai : jours calendrier de la recevabilité à l’envoi. Toute demande dans Loket est introduite électroniquement ; les demandes sur papier ne sont pas encodées.',
    en: 'Source: the dossiers in Loket and the sends to the Immigration Office (with receipt). Everything counts in the year of submission. Handed over: the admissible application was sent and received; delay: calendar days from admissibility to the send. Every application in Loket is filed electronically; paper applications are not entered.',
  },
  layer: 'year',
  rows: 'category',
  columns: null,
  measures: ['admissible', 'handedOver', 'handoverMedianDays', 'handoverP90Days'],
};
