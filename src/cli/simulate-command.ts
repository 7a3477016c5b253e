import { readFileSync } from 'node:fs';
import {
  type AssessOptions,
  applyReform,
  assessValidApplication,
  CATEGORIES,
  type Category,
  getDefaultRuleData,
  type Outcome,
  parseParameterOverrides,
  type RuleData,
  RuleDataError,
  YamlSource,
} from '../rules/index.ts';
import { readOptions } from './assess-command.ts';
import { type CliIo, parseCommandArgs, UsageError } from './cli-support.ts';
import { forEachLine } from './io.ts';
import { type InputError, readApplication, toInputError } from './read-application.ts';

export const SIMULATE_HELP = `Usage:
  loket simulate --parameters OVERRIDES.yaml [--at YYYY-MM-DD] [--json] < dossiers.ndjson

Re-assesses every application (one JSON object per line) under a "reform": a copy of the rule
data in which the parameters of OVERRIDES.yaml take other values, assessed by the same engine.
Prints, per category, how many outcomes change and in which direction.

OVERRIDES.yaml maps parameter names to bodies shaped like rules/parameters/*.yaml:

  salary.averageGrossAnnual:
    values:
      2025-01-01:
        value: 52000
        source: reform proposal (optional; default "simulation override")
        until: 2025-12-31     # optional; without it the value holds from its date onwards

  --json   print the result as JSON instead of text
  --at     apply the rules in force on this date instead of each application date
`;

interface CategoryCount {
  total: number;
  changed: number;
  transitions: Record<string, number>;
}

export interface SimulationResult {
  overrides: string[];
  total: number;
  changed: number;
  categories: Partial<Record<Category, CategoryCount>>;
  skipped: Array<{ line: number; error: InputError }>;
}

function outcomeOrError(
  data: RuleData,
  application: Parameters<typeof assessValidApplication>[1],
  options: AssessOptions,
) {
  try {
    return assessValidApplication(data, application, options).outcome;
  } catch (error) {
    return toInputError(error);
  }
}

/** Compares baseline and reform outcomes for each line; pure apart from reading the lines. */
export async function simulate(
  lines: AsyncIterable<Buffer | string>,
  baseline: RuleData,
  reform: RuleData,
  options: AssessOptions & { lang: 'nl' | 'fr' | 'en' },
  overrideNames: string[],
): Promise<SimulationResult> {
  const result: SimulationResult = {
    overrides: overrideNames,
    total: 0,
    changed: 0,
    categories: {},
    skipped: [],
  };
  await forEachLine(lines, (line, lineNumber) => {
    if (line.trim() === '') return;
    const read = readApplication(line, options.lang);
    if (!read.ok) {
      result.skipped.push({ line: lineNumber, error: read.error });
      return;
    }
    const before = outcomeOrError(baseline, read.application, options);
    const after = outcomeOrError(reform, read.application, options);
    if (typeof before !== 'string') {
      result.skipped.push({ line: lineNumber, error: before });
      return;
    }
    const category = read.application.category;
    const count = result.categories[category] ?? { total: 0, changed: 0, transitions: {} };
    result.categories[category] = count;
    count.total += 1;
    result.total += 1;
    const afterLabel: Outcome | string = typeof after === 'string' ? after : after.code;
    if (afterLabel !== before) {
      const key = `${before}→${afterLabel}`;
      count.changed += 1;
      result.changed += 1;
      count.transitions[key] = (count.transitions[key] ?? 0) + 1;
    }
  });
  return result;
}

export function formatSimulation(result: SimulationResult, overridesFile: string): string {
  const lines = [
    `Reform ${overridesFile} (${result.overrides.join(', ')}): ${result.changed} of ${result.total} outcomes change`,
  ];
  for (const category of CATEGORIES) {
    const count = result.categories[category];
    if (!count) continue;
    const transitions = Object.entries(count.transitions)
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => `${key} ${n}`)
      .join(', ');
    lines.push(
      `${category}: ${count.changed} of ${count.total} change${transitions ? ` (${transitions})` : ''}`,
    );
  }
  if (result.skipped.length > 0) {
    const byCode = new Map<string, number>();
    for (const { error } of result.skipped) byCode.set(error.code, (byCode.get(error.code) ?? 0) + 1);
    const codes = [...byCode].map(([code, n]) => `${code} ${n}`).join(', ');
    const first = result.skipped.slice(0, 5).map((s) => s.line);
    lines.push(
      `Skipped ${result.skipped.length} line(s) that could not be assessed: ${codes} (first lines: ${first.join(', ')})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function loadReform(file: string, baseline: RuleData): { reform: RuleData; names: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read: ${(error as Error).message}`);
  }
  const overrides = parseParameterOverrides(new YamlSource(file, text));
  if (overrides.length === 0) throw new UsageError(`${file}: no parameter overrides found`);
  return { reform: applyReform(baseline, overrides), names: overrides.map((o) => o.name) };
}

export async function runSimulate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    parameters: { type: 'string' },
    json: { type: 'boolean' },
    at: { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SIMULATE_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError('simulate reads dossiers from standard input; give no FILE');
  const file = values.parameters;
  if (typeof file !== 'string') throw new UsageError('--parameters OVERRIDES.yaml is required');
  const options = readOptions(values);
  const baseline = getDefaultRuleData();
  let loaded: { reform: RuleData; names: string[] };
  try {
    loaded = loadReform(file, baseline);
  } catch (error) {
    if (!(error instanceof RuleDataError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  const result = await simulate(io.stdin, baseline, loaded.reform, options, loaded.names);
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatSimulation(result, file));
  return 0;
}
