import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { repeatInProcess } from '../../jobs/repeat-in-process.ts';
import { getDefaultRuleData, installRuleData } from '../../rules/index.ts';
import { approvedRevision, loadApprovedRows, seedRuleData } from './rule-versions.repo.ts';
import { type ListRow, type ParameterRow, ruleDataFromRows } from './rule-versions.ts';

/**
 * Keeps this process's rule data equal to the approved versions in the database. The engine itself
 * stays pure and fast: it reads the same in-memory `RuleData` as from YAML; only this module loads
 * it, at start, on an approval here, and when another instance approved (a cheap fingerprint query
 * every `RULE_DATA_REFRESH_MS`).
 */
export const RULE_DATA_REFRESH_MS = 10_000;

/**
 * The approved rows this process installed, with their fingerprint: worker threads (the batch
 * route) receive them and build the same rule data, so a batch never assesses with the YAML seed
 * after a governed change. Null while the process runs on the YAML alone (the CLI, unit tests).
 */
export interface GovernedRuleDataRows {
  readonly revision: string;
  readonly parameters: readonly ParameterRow[];
  readonly lists: readonly ListRow[];
}

let installed: GovernedRuleDataRows | null = null;

export function governedRuleDataRows(): GovernedRuleDataRows | null {
  return installed;
}

/** Loads and installs the approved versions when they changed; returns whether it did. */
export async function refreshRuleData(db: Db): Promise<boolean> {
  const revision = await approvedRevision(db);
  if (revision === installed?.revision) return false;
  const rows = await loadApprovedRows(db);
  installRuleData(ruleDataFromRows(rows.parameters, rows.lists));
  installed = { revision, ...rows };
  return true;
}

/** At start: seed an empty database from rules/*.yaml, then use what the database holds. */
export async function startGovernedRuleData(
  db: Db,
  log: Pick<Logger, 'warn' | 'info'>,
): Promise<{ stop(): Promise<void> }> {
  const seeded = await seedRuleData(db, getDefaultRuleData());
  if (seeded) log.info('rule data seeded into the database from rules/');
  await refreshRuleData(db);
  return repeatInProcess(() => refreshRuleData(db), {
    intervalMs: RULE_DATA_REFRESH_MS,
    log,
    failureMessage: 'rule data refresh failed; assessing with the versions loaded before',
  });
}
