/**
 * The names of the statistics' dimensions and measures, with no imports: the server's query
 * builder (dimensions.ts) and the analyst pages share this one list.
 */

/** The value of a summed-up dimension in a margin row. */
export const TOTAL = 'TOTAL';

export const DIMENSION_IDS = [
  'year',
  'category',
  'province',
  'region',
  'nationality',
  'sex',
  'ageBand',
  'vks',
  'iscoMajorGroup',
  'migrationListFunction',
  'kind',
  'refusalReason',
  'careProfession',
  'inspectionOrigin',
  'inspectionOutcome',
  'recognitionStatus',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export const MEASURE_IDS = [
  'applications',
  'admissible',
  'withdrawn',
  'decided',
  'granted',
  'refused',
  'highlySkilledGranted',
  'highlySkilledShare',
  'regionalLeadMedianDays',
  'regionalLeadP90Days',
  'withinDeadlineShare',
  'federalLeadMedianDays',
  'federalLeadP90Days',
  'inadmissible',
  'highlyQualifiedGranted',
  'qualificationKnownGranted',
  'highlyQualifiedShare',
  'admissibilityLeadMedianDays',
  'admissibilityLeadP90Days',
  'totalLeadMedianDays',
  'totalLeadP90Days',
  'appealsDecided',
  'appealsOverturned',
  'handedOver',
  'handoverMedianDays',
  'handoverP90Days',
  'revoked',
  'inspections',
  'inspectedWorkers',
  'recognitions',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
