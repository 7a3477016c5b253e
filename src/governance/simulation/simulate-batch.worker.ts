import {
  buildRuleData,
  type MigrationListVersion,
  type ParameterTimeline,
  type RuleData,
} from '../../rules/index.ts';
import {
  type RuleChange,
  reformFor,
  type SimulationDossier,
  type SimulationTally,
  simulateDossiers,
} from './simulation-diff.ts';

/**
 * Runs in a worker thread (simulation-pool.ts): re-assesses one batch of stored dossiers under the
 * rules in force and under the change. The rules in force travel with the task (the approved
 * versions of the database, not the YAML this thread would load) and are built once per `key`.
 */
export interface RuleDataParts {
  timelines: ParameterTimeline[];
  migrationList: MigrationListVersion[];
}

export interface SimulationTask {
  /** Same key, same baseline and change: the thread reuses what it built for the previous batch. */
  key: string;
  baseline: RuleDataParts;
  change: RuleChange;
  dossiers: SimulationDossier[];
}

export function ruleDataParts(data: RuleData): RuleDataParts {
  return { timelines: [...data.parameters.timelines.values()], migrationList: [...data.migrationList] };
}

export function ruleDataFromParts(parts: RuleDataParts): RuleData {
  return buildRuleData({
    ...parts,
    parameterDir: 'simulation: rules in force',
    migrationListDir: 'simulation: rules in force',
  });
}

let built: { key: string; baseline: RuleData; reform: RuleData } | null = null;

export default function simulateBatch(task: SimulationTask): SimulationTally {
  if (built?.key !== task.key) {
    const baseline = ruleDataFromParts(task.baseline);
    built = { key: task.key, baseline, reform: reformFor(baseline, task.change) };
  }
  return simulateDossiers(built.baseline, built.reform, task.dossiers);
}
