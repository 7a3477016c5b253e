import type { RuleDataProblem } from '../errors.ts';
import { RuleDataError } from '../errors.ts';
import type { MigrationListVersion } from '../migration-list/migration-list.ts';
import { PARAMETER_NAMES, type ParameterName } from '../parameters/parameter-definitions.ts';
import { ParameterTable, type ParameterTimeline } from '../parameters/parameter-table.ts';

/**
 * Everything the engine knows besides its code: dated parameters and migration-list versions.
 * Assessments receive it as an argument, so a policy simulation is just another `RuleData`.
 */
export interface RuleData {
  readonly parameters: ParameterTable;
  /** Sorted by `validFrom`. */
  readonly migrationList: readonly MigrationListVersion[];
}

export interface RuleDataParts {
  readonly timelines: readonly ParameterTimeline[];
  readonly migrationList: readonly MigrationListVersion[];
  /** Where each part came from, to name files in problems (`rules/parameters`, …). */
  readonly parameterDir: string;
  readonly migrationListDir: string;
}

/** Checks completeness across files and assembles the rule data; throws one error listing all problems. */
export function buildRuleData(parts: RuleDataParts, problems: RuleDataProblem[] = []): RuleData {
  const timelines = new Map<ParameterName, ParameterTimeline>();
  for (const timeline of parts.timelines) timelines.set(timeline.name, timeline);
  for (const name of PARAMETER_NAMES) {
    if (!timelines.has(name)) {
      problems.push({
        file: `${parts.parameterDir}/${name}.yaml`,
        line: null,
        message: `missing or unreadable: the engine needs parameter ${name}`,
      });
    }
  }
  const versions = [...parts.migrationList].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  if (versions.length === 0) {
    problems.push({ file: parts.migrationListDir, line: null, message: 'no migration list version found' });
  }
  versions.forEach((version, index) => {
    if (version.id !== `v${index + 1}`) {
      problems.push({
        file: `${parts.migrationListDir}/${version.id}.yaml`,
        line: null,
        message: `versions must be numbered v1, v2, … in date order; expected v${index + 1} here`,
      });
    }
  });
  if (problems.length > 0) throw new RuleDataError(problems);
  return { parameters: new ParameterTable(timelines), migrationList: versions };
}
