import { readParameterBody } from '../data/parse-parameter-file.ts';
import type { RuleData } from '../data/rule-data.ts';
import type { YamlSource } from '../data/yaml-source.ts';
import { addDays } from '../dates/iso-date.ts';
import { RuleDataError } from '../errors.ts';
import type { ParameterName } from './parameter-definitions.ts';
import { type ParameterPeriod, ParameterTable, type ParameterTimeline } from './parameter-table.ts';

/**
 * A "reform" in the OpenFisca sense: a copy of the rule data in which some parameters take other
 * values over some periods. The copy is assessed by the very same engine, so a simulation shows
 * what the rules would decide, not what a second implementation thinks.
 */

/**
 * Reads an override file: a mapping of parameter names to bodies shaped like a parameter file
 * (`values:` keyed by start date, each with `value` and optionally `until`, `source`, `verified`).
 */
export function parseParameterOverrides(source: YamlSource): ParameterTimeline[] {
  const names = source.readMap(source.root, 'overrides', null);
  const timelines: ParameterTimeline[] = [];
  for (const [name, pair] of names ?? []) {
    const timeline = readParameterBody(source, name, pair.value, {
      isOverride: true,
      defaultSource: `simulation override (${source.file})`,
    });
    if (timeline) timelines.push(timeline);
  }
  if (source.problems.length > 0) throw new RuleDataError(source.problems);
  return timelines;
}

/** Explicit last day of each period (null = open-ended), so periods can be cut. */
function withEnds(periods: readonly ParameterPeriod[]): ParameterPeriod[] {
  return periods.map((period, i) => {
    const next = periods[i + 1];
    return { ...period, validUntil: period.validUntil ?? (next ? addDays(next.validFrom, -1) : null) };
  });
}

function endsBefore(period: ParameterPeriod, date: string): boolean {
  return period.validUntil !== null && period.validUntil < date;
}

/**
 * Lays one new period over a timeline: baseline periods it covers disappear, those it partly
 * covers are cut, the rest stay. Without `until`, the new value holds from its date onwards.
 */
export function overlayPeriod(
  periods: readonly ParameterPeriod[],
  update: ParameterPeriod,
): ParameterPeriod[] {
  const result: ParameterPeriod[] = [];
  for (const period of withEnds(periods)) {
    const beforeUpdate = endsBefore(period, update.validFrom);
    const afterUpdate = update.validUntil !== null && period.validFrom > update.validUntil;
    if (beforeUpdate || afterUpdate) {
      result.push(period);
      continue;
    }
    if (period.validFrom < update.validFrom)
      result.push({ ...period, validUntil: addDays(update.validFrom, -1) });
    if (update.validUntil !== null && (period.validUntil === null || period.validUntil > update.validUntil)) {
      result.push({ ...period, validFrom: addDays(update.validUntil, 1) });
    }
  }
  result.push(update);
  return result.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}

/** The rule data with each override laid over its parameter, in date order of the overrides. */
export function applyReform(base: RuleData, overrides: readonly ParameterTimeline[]): RuleData {
  const timelines = new Map<ParameterName, ParameterTimeline>(base.parameters.timelines);
  for (const override of overrides) {
    const current = timelines.get(override.name);
    let periods: readonly ParameterPeriod[] = current?.periods ?? [];
    for (const update of override.periods) periods = overlayPeriod(periods, update);
    timelines.set(override.name, {
      name: override.name,
      unit: current?.unit ?? override.unit,
      description: current?.description ?? override.description,
      periods,
    });
  }
  return { parameters: new ParameterTable(timelines), migrationList: base.migrationList };
}
