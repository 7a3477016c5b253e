import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleDataProblem } from '../errors.ts';
import type { MigrationListVersion } from '../migration-list/migration-list.ts';
import type { ParameterTimeline } from '../parameters/parameter-table.ts';
import { parseMigrationListVersion } from './parse-migration-list.ts';
import { parseParameterFile } from './parse-parameter-file.ts';
import { buildRuleData, type RuleData } from './rule-data.ts';
import { YamlSource } from './yaml-source.ts';

/**
 * The only file of the rules module that does I/O: it reads `rules/parameters/*.yaml` and
 * `rules/migration-list/v*.yaml` from the repository and hands the checked data to the pure engine.
 */

export const DEFAULT_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../rules');

function yamlFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort();
}

/** Reads and validates all rule data under `rulesDir`; throws `RuleDataError` naming every file and line. */
export function loadRuleData(rulesDir: string = DEFAULT_RULES_DIR): RuleData {
  const label = basename(rulesDir);
  const parameterDir = join(rulesDir, 'parameters');
  const migrationListDir = join(rulesDir, 'migration-list');
  const problems: RuleDataProblem[] = [];

  const timelines: ParameterTimeline[] = [];
  for (const file of yamlFiles(parameterDir, /\.ya?ml$/)) {
    const source = new YamlSource(
      `${label}/parameters/${file}`,
      readFileSync(join(parameterDir, file), 'utf8'),
    );
    const timeline = parseParameterFile(source, file.replace(/\.ya?ml$/, ''));
    problems.push(...source.problems);
    if (timeline) timelines.push(timeline);
  }

  const versions: MigrationListVersion[] = [];
  for (const file of yamlFiles(migrationListDir, /^v\d+\.ya?ml$/)) {
    const source = new YamlSource(
      `${label}/migration-list/${file}`,
      readFileSync(join(migrationListDir, file), 'utf8'),
    );
    const version = parseMigrationListVersion(source, file.replace(/\.ya?ml$/, ''));
    problems.push(...source.problems);
    if (version) versions.push(version);
  }

  return buildRuleData(
    {
      timelines,
      migrationList: versions,
      parameterDir: `${label}/parameters`,
      migrationListDir: `${label}/migration-list`,
    },
    problems,
  );
}
