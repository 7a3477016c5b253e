import type { Lang } from '../../i18n/languages.ts';
import { createContext } from '../../rules/engine/assess-application.ts';
import { ParameterReader } from '../../rules/engine/parameter-reader.ts';
import {
  type Application,
  CATEGORIES,
  CATEGORY_DEFINITIONS,
  type Category,
  type ParameterName,
  parameterLabel,
  type RuleData,
} from '../../rules/index.ts';
import { PARAMETER_DEFINITIONS } from '../../rules/parameters/parameter-definitions.ts';

/**
 * The dated measures of the rules (policy note 002 §2.10: "systematische evaluatie van elke
 * maatregel"), derived from the rule data and the rules themselves rather than written by hand:
 * - a *change* is a version of a parameter whose value differs from the version before it, dated
 *   inside the years asked for; yearly indexations of amounts (units `EUR/…`: the average wage,
 *   the athletes' and artists' thresholds) are not measures and are left out;
 * - the categories a change *affects* are those whose procedure names the parameter (deadline,
 *   fast lane, in-force date, maximum validity) or whose conditions read it, found by running each
 *   condition of the category on a probe application with a reader that records every name read
 *   (ctx.rules.get/peek, including the `isInForce` test that switches a refusal ground on);
 * - a *measure* groups the changes of one date that affect the same categories: their effect on
 *   the figures cannot be told apart, so they are evaluated together (one row, all parameters named).
 * A change no category reads (the fee: charged, not a condition) has no measure.
 */

export interface ParameterChange {
  readonly name: ParameterName;
  readonly on: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly source: string;
}

export interface PolicyMeasure {
  /** `<date>:<first parameter>`: stable while the rule data does not change. */
  readonly id: string;
  readonly on: string;
  readonly categories: readonly Category[];
  readonly changes: readonly ParameterChange[];
}

/** Units of amounts indexed every year: a new amount is an indexation, not a policy measure. */
export function isIndexation(unit: string): boolean {
  return unit.startsWith('EUR/');
}

/** Every change of value dated in [from, to] (ISO dates, inclusive), in date then name order. */
export function parameterChanges(data: RuleData, from: string, to: string): ParameterChange[] {
  const changes: ParameterChange[] = [];
  for (const [name, timeline] of data.parameters.timelines) {
    if (isIndexation(PARAMETER_DEFINITIONS[name].unit)) continue;
    timeline.periods.forEach((period, index) => {
      const previous = timeline.periods[index - 1];
      if (!previous || period.validFrom < from || period.validFrom > to) return;
      if (JSON.stringify(previous.value) === JSON.stringify(period.value)) return;
      changes.push({
        name,
        on: period.validFrom,
        before: previous.value,
        after: period.value,
        source: period.source,
      });
    });
  }
  return changes.sort((a, b) => (a.on === b.on ? a.name.localeCompare(b.name) : a.on < b.on ? -1 : 1));
}

/** Records each parameter name read, whatever the reader answers. */
class RecordingReader extends ParameterReader {
  constructor(
    private readonly inner: ParameterReader,
    private readonly names: Set<string>,
  ) {
    super({} as never, inner.date, []);
  }
  override get<N extends ParameterName>(name: N) {
    this.names.add(name);
    return this.inner.get(name);
  }
  override peek<N extends ParameterName>(name: N) {
    this.names.add(name);
    return this.inner.peek(name);
  }
  override validFrom(name: ParameterName) {
    this.names.add(name);
    return this.inner.validFrom(name);
  }
  override isInForce(name: ParameterName) {
    this.names.add(name);
    return this.inner.isInForce(name);
  }
}

/** A complete first application of `category`: every condition gets far enough to read its parameters. */
function probeApplication(category: Category, on: string): Application {
  return {
    applicationDate: on,
    category,
    kind: 'FIRST',
    // A director's sanction, a nurse in a care function below the required level and a contract
    // with an end: the branches that read a parameter only for such facts are taken too.
    employer: {
      enterpriseNumber: '0403.170.701',
      sanctions: [{ via: 'DIRECTOR', imposedOn: on, ground: 'ILLEGAL_EMPLOYMENT' }],
    },
    worker: {
      birthDate: '1985-01-01',
      nationality: 'IN',
      qualificationVks: 6,
      location: 'ABROAD',
      profession: 'NURSE',
    },
    job: {
      grossAnnualSalary: 60000,
      workplacePostalCode: '9000',
      requiredVks: 5,
      isCareFunction: true,
      endDate: '2099-12-31',
    },
  } as unknown as Application;
}

/** The parameters a category's procedure and conditions read on `on` (see the module comment). */
export function parametersReadBy(data: RuleData, category: Category, on: string): Set<string> {
  const definition = CATEGORY_DEFINITIONS[category];
  const app = probeApplication(category, on);
  const names = new Set<string>(
    [
      definition.deadlineParameter,
      (definition as { fastLaneParameter?: string }).fastLaneParameter,
      (definition as { inForceParameter?: string }).inForceParameter,
      definition.maxValidityParameter(app),
    ].filter((name): name is string => typeof name === 'string'),
  );
  const base = createContext(data, app, on, 'en');
  const ctx = {
    ...base,
    rules: new RecordingReader(base.rules, names),
    thresholds: new RecordingReader(base.thresholds, names),
  };
  for (const condition of definition.conditions) {
    try {
      if (condition.isInForce && !condition.isInForce(ctx)) continue;
      condition.evaluate(ctx);
    } catch {
      // A probe lacks some field a condition reads; what it read before is recorded.
    }
  }
  return names;
}

/**
 * The measures dated in [from, to]. A category counts as affected when it reads the parameter on
 * the day the change takes effect (a refusal ground switched on is read by its `isInForce` test).
 */
export function policyMeasures(data: RuleData, from: string, to: string): PolicyMeasure[] {
  const changes = parameterChanges(data, from, to);
  const readCache = new Map<string, Map<Category, Set<string>>>();
  const readOn = (on: string) => {
    let byCategory = readCache.get(on);
    if (!byCategory) {
      byCategory = new Map(CATEGORIES.map((c) => [c, parametersReadBy(data, c, on)] as const));
      readCache.set(on, byCategory);
    }
    return byCategory;
  };
  const measures = new Map<string, { on: string; categories: Category[]; changes: ParameterChange[] }>();
  for (const change of changes) {
    const categories = CATEGORIES.filter((c) => readOn(change.on).get(c)?.has(change.name));
    if (categories.length === 0) continue;
    const key = `${change.on}|${categories.join(',')}`;
    const measure = measures.get(key) ?? { on: change.on, categories, changes: [] };
    measure.changes.push(change);
    measures.set(key, measure);
  }
  return [...measures.values()].map((m) => ({ ...m, id: `${m.on}:${m.changes[0]!.name}` }));
}

/** A measure in words: its parameters' names, joined. */
export function measureLabel(measure: PolicyMeasure, lang: Lang): string {
  return measure.changes.map((change) => parameterLabel(change.name, lang)).join('; ');
}
