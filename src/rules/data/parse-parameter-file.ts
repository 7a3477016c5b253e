import { Compile } from 'typebox/compile';
import type { Pair } from 'yaml';
import { addDays, isIsoDate } from '../dates/iso-date.ts';
import {
  isParameterName,
  PARAMETER_DEFINITIONS,
  type ParameterName,
} from '../parameters/parameter-definitions.ts';
import { findInternalReference, type ParameterStatus, YAML_STATUS } from '../parameters/parameter-status.ts';
import type { ParameterPeriod, ParameterTimeline } from '../parameters/parameter-table.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * Reads one parameter (the body of `rules/parameters/<name>.yaml`, or one entry of a simulation
 * override file) and checks it: known keys only, a source and a verified flag on every value, a
 * value of the declared shape, and periods that neither overlap nor leave gaps. An unverified value
 * is `status: provisional` (the default) or `status: conflicting`. The source is a public citation
 * (legal text, official or professional site), never the project's own files: those go in `note`.
 */

const FILE_KEYS = ['description', 'unit', 'reference', 'note', 'values'] as const;
const PERIOD_KEYS = ['value', 'source', 'verified', 'status', 'until', 'note'] as const;

const validators = new Map(
  Object.entries(PARAMETER_DEFINITIONS).map(([name, definition]) => [name, Compile(definition.schema)]),
);

export interface ParameterBodyOptions {
  /** Overrides may leave out unit and description; the definition supplies them. */
  readonly isOverride?: boolean;
  /** Source recorded when an override value gives none. */
  readonly defaultSource?: string;
}

function readPeriod(
  source: YamlSource,
  name: ParameterName,
  key: Pair,
  options: ParameterBodyOptions,
): ParameterPeriod | null {
  const validFrom = String((key.key as { value?: unknown }).value);
  const what = `${name} from ${validFrom}`;
  if (!isIsoDate(validFrom)) {
    source.report(key.key, `${name}: "${validFrom}" is not a date (YYYY-MM-DD)`);
    return null;
  }
  const required = options.isOverride && options.defaultSource ? ['value'] : ['value', 'source', 'verified'];
  const fields = source.readMap(key.value, what, PERIOD_KEYS, required);
  if (!fields) return null;
  const sourceText = fields.has('source')
    ? source.readText(fields.get('source'), `${what}: source`)
    : (options.defaultSource ?? null);
  // Simulation overrides are a policy maker's own file, never shown to the public: not checked.
  const internal = sourceText === null || options.isOverride ? null : findInternalReference(sourceText);
  if (internal) {
    source.report(
      fields.get('source')?.value,
      `${what}: source cites "${internal}", a project file; cite the public source and move the remark to note`,
    );
  }
  const verifiedPair = fields.get('verified');
  const verified = verifiedPair ? source.toJS(verifiedPair.value) : false;
  if (typeof verified !== 'boolean')
    source.report(verifiedPair?.value, `${what}: verified must be true or false`);
  const status = readStatus(source, fields.get('status'), verified === true, what);
  const valuePair = fields.get('value');
  const value = valuePair ? source.toJS(valuePair.value) : undefined;
  if (valuePair && !validators.get(name)?.Check(value)) {
    source.report(valuePair.value, `${what}: value ${JSON.stringify(value)} is not a valid ${name}`);
    return null;
  }
  let validUntil: string | null = null;
  const untilPair = fields.get('until');
  if (untilPair) {
    const until = String(source.toJS(untilPair.value));
    if (!isIsoDate(until) || until < validFrom) {
      source.report(untilPair.value, `${what}: until must be a date on or after ${validFrom}`);
      return null;
    }
    validUntil = until;
  }
  if (!valuePair || sourceText === null || typeof verified !== 'boolean' || status === null) return null;
  return { validFrom, validUntil, value, source: sourceText, verified, status };
}

/** `status:` agrees with `verified:`; an unverified value without one is provisional. */
function readStatus(
  source: YamlSource,
  pair: Pair | undefined,
  verified: boolean,
  what: string,
): ParameterStatus | null {
  if (!pair) return verified ? 'VERIFIED' : 'PROVISIONAL';
  const written = String(source.toJS(pair.value));
  const status = YAML_STATUS[written];
  if (!status) {
    source.report(
      pair.value,
      `${what}: status must be verified, provisional or conflicting, not "${written}"`,
    );
    return null;
  }
  if (verified !== (status === 'VERIFIED')) {
    source.report(pair.value, `${what}: status ${written} contradicts verified: ${verified}`);
    return null;
  }
  return status;
}

/** Overlaps and gaps between consecutive periods, reported at the line of the later one. */
function checkContinuity(source: YamlSource, name: ParameterName, periods: PeriodWithNode[]): void {
  for (let i = 1; i < periods.length; i++) {
    const previous = periods[i - 1]!;
    const current = periods[i]!;
    const end = previous.period.validUntil;
    if (end === null) continue;
    if (end >= current.period.validFrom) {
      source.report(
        current.node,
        `${name}: period from ${current.period.validFrom} overlaps the period ${previous.period.validFrom} – ${end}`,
      );
    } else if (addDays(end, 1) < current.period.validFrom) {
      source.report(
        current.node,
        `${name}: gap between ${end} and ${current.period.validFrom}: no value would be in force from ${addDays(end, 1)}`,
      );
    }
  }
}

interface PeriodWithNode {
  period: ParameterPeriod;
  node: unknown;
}

export function readParameterBody(
  source: YamlSource,
  name: string,
  node: unknown,
  options: ParameterBodyOptions = {},
): ParameterTimeline | null {
  if (!isParameterName(name)) {
    source.report(node, `"${name}" is not a parameter the engine knows (see parameter-definitions.ts)`);
    return null;
  }
  const definition = PARAMETER_DEFINITIONS[name];
  const required = options.isOverride ? ['values'] : ['description', 'unit', 'values'];
  const fields = source.readMap(node, name, FILE_KEYS, required);
  if (!fields) return null;
  const unitPair = fields.get('unit');
  const unit = unitPair ? source.readText(unitPair, `${name}: unit`) : definition.unit;
  if (unit !== null && unit !== definition.unit) {
    source.report(
      unitPair?.value,
      `${name}: unit "${unit}" does not match the engine's unit "${definition.unit}"`,
    );
  }
  const valuesPair = fields.get('values');
  if (!valuesPair) return null;
  const entries = source.readMap(valuesPair.value, `${name}: values`, null);
  if (!entries || entries.size === 0) {
    if (entries) source.report(valuesPair.value, `${name}: values is empty`);
    return null;
  }
  const periods: PeriodWithNode[] = [];
  for (const pair of entries.values()) {
    const period = readPeriod(source, name, pair, options);
    if (period) periods.push({ period, node: pair.key });
  }
  periods.sort((a, b) => (a.period.validFrom < b.period.validFrom ? -1 : 1));
  checkContinuity(source, name, periods);
  const description = fields.has('description')
    ? (source.readText(fields.get('description'), `${name}: description`) ?? '')
    : definition.description;
  return { name, unit: definition.unit, description, periods: periods.map((p) => p.period) };
}

/** A whole `rules/parameters/<name>.yaml` file; the parameter's name is the file's name. */
export function parseParameterFile(source: YamlSource, name: string): ParameterTimeline | null {
  return readParameterBody(source, name, source.root);
}
