import type { ReportDefinition } from './report-definition.ts';

/**
 * Issue 13, "Withdrawal": the statistics follow a withdrawal of a granted authorisation. A grant
 * later withdrawn by the service stays the grant it was, on its day (decision 021), so it counts
 * under "granted" in the year of that grant, and here also as withdrawn since. Policy note 002 §2.1
 * makes the new refusal grounds withdrawal grounds too ("geweigerd en ingetrokken").
 */
export const revocationsPerCategory: ReportDefinition = {
  id: 'revocations',
  question:
    'toelatingen tot arbeid die na de toekenning werden ingetrokken, per jaar van toekenning en categorie',
  description: {
    nl: 'Hoeveel toegekende toelatingen tot arbeid werden later door de dienst ingetrokken, per categorie en per jaar van toekenning?',
    fr: 'Combien d’autorisations d’occupation accordées ont ensuite été retirées par le service, par catégorie et par année d’octroi ?',
    en: 'How many granted work authorisations were later withdrawn by the service, per category and per year of the grant?',
  },
  title: {
    nl: 'Toekenningen en latere intrekkingen per categorie',
    fr: 'Autorisations et retraits ultérieurs par catégorie',
    en: 'Grants and later withdrawals per category',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket. Toekenningen tellen in het jaar van de beslissing over het luik werk; een toelating die de dienst later introk, blijft daar meetellen als toekenning en telt bovendien als ingetrokken, in het jaar van de toekenning. Een intrekking die na beroep herzien werd, telt niet meer als ingetrokken. Het intrekken van een aanvraag door de werkgever zelf is een andere maat ("Ingetrokken").',
    fr: 'Source : les dossiers de Loket. Les autorisations comptent dans l’année de la décision sur le volet travail ; une autorisation retirée ensuite par le service y reste comptée comme autorisation et compte en outre comme retirée, dans l’année de l’octroi. Un retrait réformé sur recours ne compte plus comme retiré. Le retrait d’une demande par l’employeur lui-même est une autre mesure (« Retirées »).',
    en: 'Source: the dossiers in Loket. Grants count in the year of the decision on the work part; an authorisation the service later withdrew still counts there as a grant and also counts as withdrawn, in the year of the grant. A withdrawal overturned on appeal no longer counts as withdrawn. An employer withdrawing its own application is another measure ("Withdrawn").',
  },
  layer: 'year',
  rows: 'category',
  columns: null,
  measures: ['granted', 'revoked'],
};
