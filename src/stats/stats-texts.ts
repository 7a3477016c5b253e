import type { Lang } from '../i18n/languages.ts';
import type { DimensionId, MeasureId } from './dimensions.ts';

/** Labels of the statistics in the three languages (Dutch the default), for titles and headers. */
export type Texts = Readonly<Record<Lang, string>>;

export const DIMENSION_LABELS: Readonly<Record<DimensionId, Texts>> = {
  year: { nl: 'Jaar', fr: 'Année', en: 'Year' },
  category: { nl: 'Categorie', fr: 'Catégorie', en: 'Category' },
  province: { nl: 'Provincie van tewerkstelling', fr: "Province d'occupation", en: 'Province of employment' },
  region: { nl: 'Gewest', fr: 'Région', en: 'Region' },
  nationality: { nl: 'Nationaliteit', fr: 'Nationalité', en: 'Nationality' },
  sex: { nl: 'Geslacht', fr: 'Sexe', en: 'Sex' },
  ageBand: { nl: 'Leeftijdscategorie', fr: "Tranche d'âge", en: 'Age band' },
  vks: { nl: 'Opleidingsniveau (VKS)', fr: 'Niveau de qualification (VKS)', en: 'Qualification level (VKS)' },
  iscoMajorGroup: { nl: 'ISCO-hoofdgroep', fr: 'Grand groupe CITP', en: 'ISCO major group' },
  migrationListFunction: {
    nl: 'Functie migratielijst',
    fr: 'Fonction liste de migration',
    en: 'Migration-list function',
  },
  kind: {
    nl: 'Eerste aanvraag of hernieuwing',
    fr: 'Première demande ou renouvellement',
    en: 'First or renewal',
  },
  refusalReason: { nl: 'Weigeringsgrond', fr: 'Motif de refus', en: 'Refusal reason' },
  careProfession: { nl: 'Zorgberoep', fr: 'Profession de soins', en: 'Care profession' },
  inspectionOrigin: {
    nl: 'Aanleiding van de inspectie',
    fr: 'Origine de l’inspection',
    en: 'Origin of the inspection',
  },
  inspectionOutcome: {
    nl: 'Uitkomst van de inspectie',
    fr: 'Résultat de l’inspection',
    en: 'Outcome of the inspection',
  },
  recognitionStatus: {
    nl: 'Stand van de NARIC-erkenning',
    fr: 'État de la reconnaissance NARIC',
    en: 'NARIC recognition status',
  },
  questionCategory: {
    nl: 'Categorie van de vraag',
    fr: 'Catégorie de la question',
    en: 'Category of the question',
  },
};

export const MEASURE_LABELS: Readonly<Record<MeasureId, Texts>> = {
  applications: { nl: 'Aanvragen', fr: 'Demandes', en: 'Applications' },
  admissible: { nl: 'Ontvankelijk', fr: 'Recevables', en: 'Admissible' },
  withdrawn: { nl: 'Ingetrokken', fr: 'Retirées', en: 'Withdrawn' },
  decided: { nl: 'Beslist', fr: 'Décidées', en: 'Decided' },
  granted: { nl: 'Toegekend', fr: 'Accordées', en: 'Granted' },
  refused: { nl: 'Geweigerd', fr: 'Refusées', en: 'Refused' },
  highlySkilledGranted: {
    nl: 'Toegekend hooggeschoold',
    fr: 'Accordées hautement qualifiés',
    en: 'Granted, highly skilled',
  },
  highlySkilledShare: {
    nl: 'Aandeel hooggeschoold',
    fr: 'Part hautement qualifiés',
    en: 'Highly-skilled share',
  },
  regionalLeadMedianDays: {
    nl: 'Doorlooptijd werk, mediaan (dagen)',
    fr: 'Délai travail, médiane (jours)',
    en: 'Work lead time, median (days)',
  },
  regionalLeadP90Days: {
    nl: 'Doorlooptijd werk, P90 (dagen)',
    fr: 'Délai travail, P90 (jours)',
    en: 'Work lead time, P90 (days)',
  },
  withinDeadlineShare: {
    nl: 'Aandeel binnen termijn',
    fr: 'Part dans le délai',
    en: 'Share within deadline',
  },
  federalLeadMedianDays: {
    nl: 'Werk → verblijf, mediaan (dagen)',
    fr: 'Travail → séjour, médiane (jours)',
    en: 'Work → residence, median (days)',
  },
  federalLeadP90Days: {
    nl: 'Werk → verblijf, P90 (dagen)',
    fr: 'Travail → séjour, P90 (jours)',
    en: 'Work → residence, P90 (days)',
  },
  inadmissible: { nl: 'Onontvankelijk', fr: 'Irrecevables', en: 'Inadmissible' },
  revoked: {
    nl: 'Toegekend, later ingetrokken door de dienst',
    fr: 'Accordées, retirées ensuite par le service',
    en: 'Granted, later withdrawn by the service',
  },
  highlyQualifiedGranted: {
    nl: 'Toegekend, diploma VKS 5 of hoger',
    fr: 'Accordées, diplôme VKS 5 ou plus',
    en: 'Granted, diploma VKS 5 or higher',
  },
  qualificationKnownGranted: {
    nl: 'Toegekend, opleidingsniveau bekend',
    fr: 'Accordées, niveau de qualification connu',
    en: 'Granted, qualification level known',
  },
  highlyQualifiedShare: {
    nl: 'Aandeel hooggekwalificeerd (diploma VKS ≥ 5)',
    fr: 'Part hautement qualifiés (diplôme VKS ≥ 5)',
    en: 'Highly-qualified share (diploma VKS ≥ 5)',
  },
  admissibilityLeadMedianDays: {
    nl: 'Indiening → ontvankelijk, mediaan (dagen)',
    fr: 'Introduction → recevable, médiane (jours)',
    en: 'Submission → admissible, median (days)',
  },
  admissibilityLeadP90Days: {
    nl: 'Indiening → ontvankelijk, P90 (dagen)',
    fr: 'Introduction → recevable, P90 (jours)',
    en: 'Submission → admissible, P90 (days)',
  },
  totalLeadMedianDays: {
    nl: 'Indiening → beslissing verblijf, mediaan (dagen)',
    fr: 'Introduction → décision séjour, médiane (jours)',
    en: 'Submission → residence decision, median (days)',
  },
  totalLeadP90Days: {
    nl: 'Indiening → beslissing verblijf, P90 (dagen)',
    fr: 'Introduction → décision séjour, P90 (jours)',
    en: 'Submission → residence decision, P90 (days)',
  },
  appealsDecided: { nl: 'Beroepen beslist', fr: 'Recours tranchés', en: 'Appeals decided' },
  appealsOverturned: {
    nl: 'Beroepen gegrond (weigering herzien)',
    fr: 'Recours fondés (refus réformé)',
    en: 'Appeals allowed (refusal overturned)',
  },
  handedOver: {
    nl: 'Overgedragen aan DVZ',
    fr: 'Transmises à l’OE',
    en: 'Handed over to the Immigration Office',
  },
  handoverMedianDays: {
    nl: 'Ontvankelijk → overdracht, mediaan (dagen)',
    fr: 'Recevable → transmission, médiane (jours)',
    en: 'Admissible → hand-over, median (days)',
  },
  handoverP90Days: {
    nl: 'Ontvankelijk → overdracht, P90 (dagen)',
    fr: 'Recevable → transmission, P90 (jours)',
    en: 'Admissible → hand-over, P90 (days)',
  },
  inspections: { nl: 'Inspecties', fr: 'Inspections', en: 'Inspections' },
  inspectedWorkers: {
    nl: 'Werknemers met een toelating bij de geïnspecteerde werkgever',
    fr: 'Travailleurs autorisés chez l’employeur inspecté',
    en: 'Authorised workers at the inspected employer',
  },
  recognitions: {
    nl: 'Aanvragen met een NARIC-dossier',
    fr: 'Demandes avec un dossier NARIC',
    en: 'Applications with a NARIC file',
  },
  residenceGranted: {
    nl: 'Verblijf toegekend',
    fr: 'Séjour accordé',
    en: 'Residence granted',
  },
  residenceRefused: {
    nl: 'Verblijf geweigerd',
    fr: 'Séjour refusé',
    en: 'Residence refused',
  },
};

/** The query parameters named in words: a 400 says which field of the form it is about. */
export const PARAMETER_LABELS: Readonly<Record<string, Texts>> = {
  from: { nl: 'Van (jaar)', fr: 'De (année)', en: 'From (year)' },
  to: { nl: 'Tot en met (jaar)', fr: 'À (année)', en: 'To (year)' },
  categories: { nl: 'Categorie', fr: 'Catégorie', en: 'Category' },
  provinces: { nl: 'Provincie', fr: 'Province', en: 'Province' },
  rows: { nl: 'Rijen', fr: 'Lignes', en: 'Rows' },
  columns: { nl: 'Kolommen', fr: 'Colonnes', en: 'Columns' },
  dimensions: { nl: 'Indelingen', fr: 'Répartitions', en: 'Breakdowns' },
  measure: { nl: 'Cijfer', fr: 'Chiffre', en: 'Figure' },
  measures: { nl: 'Cijfers', fr: 'Chiffres', en: 'Figures' },
  by: { nl: 'Kolommen', fr: 'Colonnes', en: 'Columns' },
};

/** Messages of the 400 answers; `{{…}}` filled by `formatText`. */
export const VALIDATION_TEXTS = {
  unknownDimension: {
    nl: '“{{value}}” is geen indeling die u kunt kiezen. Kies uit: {{allowed}}.',
    fr: '« {{value}} » n’est pas une répartition proposée. Choisissez parmi : {{allowed}}.',
    en: '“{{value}}” is not a breakdown you can choose. Choose from: {{allowed}}.',
  },
  unknownMeasure: {
    nl: '“{{value}}” is geen cijfer dat u kunt kiezen. Kies uit: {{allowed}}.',
    fr: '« {{value}} » n’est pas un chiffre proposé. Choisissez parmi : {{allowed}}.',
    en: '“{{value}}” is not a figure you can choose. Choose from: {{allowed}}.',
  },
  unknownValue: {
    nl: '“{{value}}” is geen waarde die u kunt kiezen. Kies uit: {{allowed}}.',
    fr: '« {{value}} » n’est pas une valeur proposée. Choisissez parmi : {{allowed}}.',
    en: '“{{value}}” is not a value you can choose. Choose from: {{allowed}}.',
  },
  yearRange: {
    nl: 'Het jaar moet tussen {{min}} en {{max}} liggen.',
    fr: "L'année doit être comprise entre {{min}} et {{max}}.",
    en: 'The year must be between {{min}} and {{max}}.',
  },
  yearOrder: {
    nl: 'Het beginjaar ({{from}}) ligt na het eindjaar ({{to}}).',
    fr: "L'année de début ({{from}}) est après l'année de fin ({{to}}).",
    en: 'The first year ({{from}}) is after the last year ({{to}}).',
  },
  tooManyDimensions: {
    nl: 'Hoogstens {{max}} dimensies.',
    fr: 'Au plus {{max}} dimensions.',
    en: 'At most {{max}} dimensions.',
  },
  sameDimension: {
    nl: 'Rijen en kolommen moeten verschillende dimensies zijn.',
    fr: 'Les lignes et les colonnes doivent être des dimensions différentes.',
    en: 'Rows and columns must be different dimensions.',
  },
  dimensionNotForMeasure: {
    nl: '“{{value}}” kan niet samen met de maatstaf “{{measure}}”: inspecties en dossiers hebben elk hun eigen dimensies.',
    fr: '« {{value}} » ne peut aller avec la mesure « {{measure}} » : inspections et dossiers ont chacun leurs dimensions.',
    en: '“{{value}}” cannot go with the measure “{{measure}}”: inspections and dossiers each have their own dimensions.',
  },
  filterNotForMeasure: {
    nl: 'Inspecties gelden een werkgever, niet een categorie: filter niet op categorie bij “{{measure}}”.',
    fr: 'Une inspection vise un employeur, non une catégorie : pas de filtre par catégorie pour « {{measure}} ».',
    en: 'An inspection concerns an employer, not a category: no category filter with “{{measure}}”.',
  },
  openDataOneValue: {
    nl: 'Open data: kies één waarde of laat alles aan (hoogstens {{max}}); zo blijven kleine aantallen beschermd.',
    fr: 'Données ouvertes : choisissez une valeur ou laissez tout (au plus {{max}}) ; les petits nombres restent ainsi protégés.',
    en: 'Open data: choose one value or leave all (at most {{max}}); this keeps small counts protected.',
  },
  reasonNeedsRefused: {
    nl: 'Weigeringsgronden tellen alleen weigeringen: kies het cijfer “{{refused}}”.',
    fr: 'Les motifs de refus ne comptent que les refus : choisissez le chiffre « {{refused}} ».',
    en: 'Refusal reasons count refusals only: choose the figure “{{refused}}”.',
  },
} as const satisfies Record<string, Texts>;

export function formatText(texts: Texts, lang: Lang, params: Record<string, string | number> = {}): string {
  return texts[lang].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
