import type { ReportDefinition } from './report-definition.ts';

/**
 * Parliamentary question 003, sub-question 8 ("Hoeveel werknemers met een arbeidskaart werden in
 * 2019 en 2020 gecontroleerd?") and policy note 2024–2029 §2.10 (d), the evaluation of "de ex-post
 * controledynamiek": the inspections the enforcement capability records (issue 14), by what led to
 * them and what they found, with the workers holding a valid authorisation at the inspected
 * employer on the day. Facts: src/stats/inspection-facts.ts. The old answer referred to the annual
 * report of the Vlaamse Sociale Inspectie; this counts what is recorded in Loket only.
 */
export const q8Inspections: ReportDefinition = {
  id: 'q8Inspections',
  question:
    '003 q8: hoeveel werknemers met een arbeidskaart werden gecontroleerd; beleidsnota §2.10 d: de ex-post controledynamiek',
  description: {
    nl: 'Hoeveel inspecties bij werkgevers met arbeidsmigranten vonden plaats, waarom en met welke uitkomst, en hoeveel werknemers met een toelating werkten op dat ogenblik bij de geïnspecteerde werkgever?',
    fr: 'Combien d’inspections ont eu lieu chez des employeurs de travailleurs migrants, pourquoi et avec quel résultat, et combien de travailleurs autorisés travaillaient alors chez l’employeur inspecté ?',
    en: 'How many inspections of employers of labour migrants took place, why and with what outcome, and how many workers with an authorisation worked at the inspected employer at the time?',
  },
  title: {
    nl: 'Inspecties en hun uitkomst',
    fr: 'Inspections et leur résultat',
    en: 'Inspections and their outcome',
  },
  definitions: {
    nl: 'Bron: de inspecties die de inspecteurs in Loket registreren (aanleiding, dag, uitkomst), en de dossiers in Loket. Alles telt in het jaar van de inspectie. Aanleiding: een risicosignaal uit de registers, een melding aan het meldpunt, of een andere. Provincie: de plaats van tewerkstelling in het laatste dossier van de werkgever. Werknemers met een toelating: de toelatingen die op de dag van de inspectie geldig waren bij die werkgever; wie bij twee inspecties werkte, telt twee keer. Inspecties die niet in Loket geregistreerd zijn (het jaarverslag van de Vlaamse Sociale Inspectie telt alle), tellen niet mee. Een filter op categorie kan niet: een inspectie geldt een werkgever.',
    fr: 'Source : les inspections que les inspecteurs enregistrent dans Loket (origine, jour, résultat), et les dossiers de Loket. Tout compte dans l’année de l’inspection. Origine : un signal de risque des registres, un signalement au point de contact, ou une autre. Province : le lieu d’occupation du dernier dossier de l’employeur. Travailleurs autorisés : les autorisations valables le jour de l’inspection chez cet employeur ; qui travaillait lors de deux inspections compte deux fois. Les inspections non enregistrées dans Loket (le rapport annuel de l’Inspection sociale flamande les compte toutes) ne comptent pas. Un filtre par catégorie n’est pas possible : une inspection vise un employeur.',
    en: 'Source: the inspections the inspectors record in Loket (origin, day, outcome), and the dossiers in Loket. Everything counts in the year of the inspection. Origin: a risk signal from the registers, a report to the desk, or another. Province: the place of employment in the employer’s latest dossier. Authorised workers: the authorisations valid at that employer on the day of the inspection; a worker present at two inspections counts twice. Inspections not recorded in Loket (the annual report of the Flemish Social Inspectorate counts them all) are not counted. A category filter is not possible: an inspection concerns an employer.',
  },
  layer: 'year',
  rows: 'inspectionOrigin',
  columns: 'inspectionOutcome',
  measures: ['inspections', 'inspectedWorkers'],
};
