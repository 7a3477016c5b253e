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

/** What a project spent in a year from one funder (question 000 q1). */
export interface PilotSpending {
  year: number;
  funder: string;
  amountEur: number;
}

/** Spending in the order the report lists it: by year, then funder. */
export const byYearAndFunder = (a: PilotSpending, b: PilotSpending): number =>
  a.year - b.year || a.funder.localeCompare(b.funder);

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
  /** The partner organisation that runs it: its accounts record the participants (none: reported only). */
  operatorId: string | null;
  spending: PilotSpending[];
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
  errors.push(...spendingErrors(input, today));
  return errors;
}

/**
 * Spending that fits the project: one amount per year and funder, from a funder the project names,
 * in a year of its period and not after this one, in whole cents, and no more in total than the
 * budget when there is one.
 */
function spendingErrors(input: PilotInput, today: string): PilotInputError[] {
  const errors: PilotInputError[] = [];
  const keys = input.spending.map((row) => `${row.year}\u0000${row.funder}`);
  for (const index of duplicates(keys))
    errors.push({ path: `spending[${index}].funder`, rule: 'unique', key: 'pilotAdmin.spendingTwice' });
  const firstYear = Number(input.startedOn.slice(0, 4));
  const lastYear = input.endedOn === null ? null : Number(input.endedOn.slice(0, 4));
  input.spending.forEach((row, index) => {
    if (!input.funders.includes(row.funder))
      errors.push({
        path: `spending[${index}].funder`,
        rule: 'listedFunder',
        key: 'pilotAdmin.unlistedFunder',
      });
    if (row.year > Number(today.slice(0, 4)))
      errors.push({ path: `spending[${index}].year`, rule: 'notInFuture', key: 'pilotAdmin.yearInFuture' });
    else if (row.year < firstYear || (lastYear !== null && row.year > lastYear))
      errors.push({
        path: `spending[${index}].year`,
        rule: 'withinProject',
        key: 'pilotAdmin.yearOutsideProject',
        params: { from: firstYear, to: lastYear ?? Number(today.slice(0, 4)) },
      });
    // numeric(14, 2): a fraction of a cent would be rounded away unseen.
    if (Math.abs(Math.round(row.amountEur * 100) - row.amountEur * 100) > 1e-6)
      errors.push({ path: `spending[${index}].amountEur`, rule: 'cents', key: 'pilotAdmin.cents' });
  });
  const totalCents = input.spending.reduce((sum, row) => sum + Math.round(row.amountEur * 100), 0);
  if (input.budgetEur !== null && totalCents > Math.round(input.budgetEur * 100))
    errors.push({
      path: 'spending',
      rule: 'notAboveBudget',
      key: 'pilotAdmin.spendingAboveBudget',
      params: { budget: input.budgetEur },
    });
  return errors;
}

/** The project's fields as an edit compares them (results by figure, lists in their order). */
export function comparable(input: PilotInput): Record<string, unknown> {
  const { results, spending, ...fields } = input;
  return {
    ...fields,
    spending: [...spending].sort(byYearAndFunder),
    results: Object.fromEntries(results.map((r) => [r.figure, r])),
  };
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
 * values): its budget, targets, dates and spending when given. The participants' counts keep their marking.
 */
export function vouchedFigures(input: PilotInput, previous: readonly string[]): string[] {
  const vouched = new Set(previous);
  vouched.add('dates');
  if (input.budgetEur !== null) vouched.add('budget');
  if (input.targetParticipants !== null) vouched.add('targetParticipants');
  if (input.targetPlaced !== null) vouched.add('targetPlaced');
  if (input.spending.length > 0) vouched.add('spending');
  return [...vouched];
}
