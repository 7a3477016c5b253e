/**
 * Recording and editing a recruitment pilot (issue 17; docs/talent.md#recruitment-pilots): the
 * checks a schema cannot make and which fields an edit changed. Pure: no I/O. The results are the
 * figures a project reports about itself (seed 000: PALIM trained 120, 116 passed, none placed in
 * Flanders), each with the day it holds for; the participants' own stages are counted apart.
 */

export const RESULT_FIGURES = ['TRAINED', 'PASSED', 'PLACED_FLANDERS', 'PLACED_ELSEWHERE'] as const;
export type ResultFigure = (typeof RESULT_FIGURES)[number];

/** Results in the order of the figures: trained, passed, placed in Flanders, placed elsewhere. */
export const byFigure = (a: PilotResult, b: PilotResult): number =>
  RESULT_FIGURES.indexOf(a.figure) - RESULT_FIGURES.indexOf(b.figure);

export interface PilotResult {
  figure: ResultFigure;
  value: number;
  asOf: string;
}

/** What an analyst records about a project; the code never changes once recorded. */
export interface PilotInput {
  name: string;
  leadOrganisation: string;
  partnerOrganisations: string[];
  countries: string[];
  occupationIds: string[];
  funders: string[];
  budgetEur: number | null;
  startedOn: string;
  endedOn: string | null;
  targetParticipants: number | null;
  targetPlaced: number | null;
  results: PilotResult[];
}

/** A failed check: the field's path, the rule, the catalogue key of its message (validation.talent.*). */
export interface PilotInputError {
  path: string;
  rule: string;
  key: string;
  params?: Record<string, unknown>;
}

function duplicates<T>(values: readonly T[]): number[] {
  return values.flatMap((value, index) => (values.indexOf(value) < index ? [index] : []));
}

/**
 * The project's own consistency: a period that ends after it starts, no country, occupation or
 * figure twice, a placed target within the participants' target, no figure dated in the future or
 * before the project started, and no more passed than trained on the same day or later (who passed
 * was trained first). ESCO ids are checked by the caller against the catalogue.
 */
export function pilotInputErrors(input: PilotInput, today: string): PilotInputError[] {
  const errors: PilotInputError[] = [];
  if (input.endedOn !== null && input.endedOn < input.startedOn)
    errors.push({ path: 'endedOn', rule: 'notBeforeStart', key: 'pilotAdmin.endBeforeStart' });
  for (const index of duplicates(input.countries))
    errors.push({ path: `countries[${index}]`, rule: 'unique', key: 'pilotAdmin.duplicate' });
  for (const index of duplicates(input.occupationIds))
    errors.push({ path: `occupationIds[${index}]`, rule: 'unique', key: 'pilotAdmin.duplicate' });
  for (const index of duplicates(input.partnerOrganisations))
    errors.push({ path: `partnerOrganisations[${index}]`, rule: 'unique', key: 'pilotAdmin.duplicate' });
  for (const index of duplicates(input.funders))
    errors.push({ path: `funders[${index}]`, rule: 'unique', key: 'pilotAdmin.duplicate' });
  if (
    input.targetParticipants !== null &&
    input.targetPlaced !== null &&
    input.targetPlaced > input.targetParticipants
  )
    errors.push({
      path: 'targetPlaced',
      rule: 'notAboveParticipants',
      key: 'pilotAdmin.targetPlacedAbove',
      params: { count: input.targetParticipants },
    });
  const figures = input.results.map((result) => result.figure);
  for (const index of duplicates(figures))
    errors.push({ path: `results[${index}].figure`, rule: 'unique', key: 'pilotAdmin.duplicate' });
  input.results.forEach((result, index) => {
    if (result.asOf > today)
      errors.push({ path: `results[${index}].asOf`, rule: 'notInFuture', key: 'pilotDateInFuture' });
    else if (result.asOf < input.startedOn)
      errors.push({
        path: `results[${index}].asOf`,
        rule: 'notBeforeProject',
        key: 'pilotBeforeProject',
        params: { date: input.startedOn },
      });
  });
  const trained = input.results.find((r) => r.figure === 'TRAINED');
  const passedIndex = input.results.findIndex((r) => r.figure === 'PASSED');
  const passed = input.results[passedIndex];
  if (trained && passed && passed.asOf >= trained.asOf && passed.value > trained.value)
    errors.push({
      path: `results[${passedIndex}].value`,
      rule: 'notAboveTrained',
      key: 'pilotAdmin.passedAboveTrained',
      params: { count: trained.value },
    });
  return errors;
}

/** The project's fields as an edit compares them (results by figure, lists in their order). */
export function comparable(input: PilotInput): Record<string, unknown> {
  const { results, ...fields } = input;
  return { ...fields, results: Object.fromEntries(results.map((r) => [r.figure, r])) };
}

/** Which fields an edit changed: what the history shows and the audit event records. */
export function changedFields(before: PilotInput, after: PilotInput): string[] {
  const was = comparable(before);
  const is = comparable(after);
  const fields = Object.keys(is).filter(
    (key) => key !== 'results' && JSON.stringify(was[key]) !== JSON.stringify(is[key]),
  );
  const wasResults = was.results as Record<string, PilotResult>;
  const isResults = is.results as Record<string, PilotResult>;
  for (const figure of RESULT_FIGURES)
    if (JSON.stringify(wasResults[figure] ?? null) !== JSON.stringify(isResults[figure] ?? null))
      fields.push(`results.${figure}`);
  return fields;
}

/**
 * The figures an analyst vouches for by saving the project (sourced, no longer shown as demo
 * values): its budget, targets and dates when given. The participants' counts keep their marking.
 */
export function vouchedFigures(input: PilotInput, previous: readonly string[]): string[] {
  const vouched = new Set(previous);
  vouched.add('dates');
  if (input.budgetEur !== null) vouched.add('budget');
  if (input.targetParticipants !== null) vouched.add('targetParticipants');
  if (input.targetPlaced !== null) vouched.add('targetPlaced');
  return [...vouched];
}
