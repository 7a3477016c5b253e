import type { ReportDefinition } from './report-definition.ts';

/**
 * Seed 004 (Vlaamse denktank economische migratie zorg, 2023), "Aantal cijfers toelating tot
 * arbeid": nurses (VERPLEEGKUNDIGEN) and care workers (ZORGKUNDIGEN) granted per nationality,
 * 2021 vs 2022. A nurse is a worker with profession NURSE; a care worker a job on the migration
 * list as care-worker or flagged as a care function, when the worker is not a nurse.
 */
export const nursesByNationality: ReportDefinition = {
  id: 'nursesByNationality',
  question: '004: toelating tot arbeid verpleegkundigen en zorgkundigen per nationaliteit, 2021 en 2022',
  description: {
    nl: 'Hoeveel verpleegkundigen en zorgkundigen kregen een toelating tot arbeid, per nationaliteit?',
    fr: 'Combien d’infirmiers et d’aides-soignants ont obtenu une autorisation de travail, par nationalité ?',
    en: 'How many nurses and care assistants received a work authorisation, per nationality?',
  },
  title: {
    nl: 'Verpleegkundigen en zorgkundigen per nationaliteit',
    fr: 'Infirmiers et aides-soignants par nationalité',
    en: 'Nurses and care workers by nationality',
  },
  definitions: {
    nl: 'Bron: de dossiers in Loket. Toekenningen tellen in het jaar van de beslissing over het luik werk. Verpleegkundige: beroep verpleegkundige in de aanvraag; zorgkundige: functie zorgkundige op de migratielijst of een zorgfunctie, als de werknemer geen verpleegkundige is.',
    fr: 'Source : les dossiers de Loket. Les autorisations comptent dans l’année de la décision sur le volet travail. Infirmier : profession infirmier dans la demande ; aide-soignant : fonction d’aide-soignant sur la liste de migration ou fonction de soins, si le travailleur n’est pas infirmier.',
    en: 'Source: the dossiers in Loket. Grants count in the year of the decision on the work part. Nurse: profession nurse in the application; care worker: the migration-list function care worker or a care function, when the worker is not a nurse.',
  },
  layer: 'careProfession',
  rows: 'nationality',
  columns: 'year',
  measures: ['granted'],
  defaultYears: [2021, 2022],
  only: { careProfession: ['NURSE', 'CARE_WORKER'] },
};
