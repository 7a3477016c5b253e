import type { ReportDefinition } from './report-definition.ts';

/**
 * Seed 004 (care think tank, 2023), action line 10: "Monitoring van de in- en uitstroom van
 * personeel in de zorg- en welzijnssector", for the part labour migration adds: nurses and care
 * workers authorised per year, first authorisations (inflow) and renewals (who stay), as in
 * `nursesByNationality`. Departures are not known to Loket (docs/statistics.md).
 */
export const careStaffFlows: ReportDefinition = {
  id: 'careStaffFlows',
  question:
    '004 actielijn 10: instroom van verpleegkundigen en zorgkundigen over de jaren, eerste toelatingen en hernieuwingen',
  description: {
    nl: 'Hoeveel verpleegkundigen en zorgkundigen kregen een eerste toelating tot arbeid en hoeveel een hernieuwing, per jaar?',
    fr: 'Combien d’infirmiers et d’aides-soignants ont obtenu une première autorisation de travail et combien un renouvellement, par année ?',
    en: 'How many nurses and care assistants received a first work authorisation and how many a renewal, per year?',
  },
  title: {
    nl: 'Instroom en hernieuwingen van zorgpersoneel',
    fr: 'Entrées et renouvellements du personnel de soins',
    en: 'Care staff inflow and renewals',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket. Toekenningen tellen in het jaar van de beslissing over het luik werk. Verpleegkundige: beroep verpleegkundige in de aanvraag; zorgkundige: functie zorgkundige op de migratielijst of een zorgfunctie, als de werknemer geen verpleegkundige is. Eerste toelating: instroom; hernieuwing: blijft. Vertrek (uitstroom) kent Loket niet: het einde van een tewerkstelling wordt niet gemeld.',
    fr: 'Source : les dossiers de Loket. Les autorisations comptent dans l’année de la décision sur le volet travail. Infirmier : profession infirmier dans la demande ; aide-soignant : fonction d’aide-soignant sur la liste de migration ou fonction de soins, si le travailleur n’est pas infirmier. Première autorisation : entrée ; renouvellement : reste. Les départs (sorties) ne sont pas connus de Loket : la fin d’une occupation n’est pas communiquée.',
    en: 'Source: the dossiers in Loket. Grants count in the year of the decision on the work part. Nurse: profession nurse in the application; care worker: the migration-list function care worker or a care function, when the worker is not a nurse. First authorisation: inflow; renewal: stays. Departures (outflow) are not known to Loket: the end of an employment is not reported.',
  },
  layer: 'careProfession',
  rows: 'year',
  columns: 'kind',
  measures: ['granted'],
  only: { careProfession: ['NURSE', 'CARE_WORKER'] },
};
