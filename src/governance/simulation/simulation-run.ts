import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { RuleData } from '../../rules/index.ts';
import { ruleDataParts } from './simulate-batch.worker.ts';
import { readSimulationDossiers, type SimulationFilter } from './simulation.repo.ts';
import {
  emptyTally,
  mergeTallies,
  type RuleChange,
  reformFor,
  type SimulationTally,
  simulateDossiers,
} from './simulation-diff.ts';
import type { SimulationPool } from './simulation-pool.ts';

/** Up to this many dossiers the run stays on the event loop (a few ms); beyond, the worker threads. */
export const IN_PROCESS_UP_TO = 2000;
const PAGE_SIZE = 5000;
/** Pages read ahead of the threads: enough to keep them busy, little enough to bound the memory. */
const PAGES_IN_FLIGHT = 3;

/**
 * Reads the stored dossiers page by page and re-assesses them under `baseline` and under the change;
 * small runs in this thread, larger ones on the pool's threads, pages in flight bounded.
 */
export async function runSimulation(
  db: Db,
  options: {
    baseline: RuleData;
    change: RuleChange;
    filter: SimulationFilter;
    dossiers: number;
    pool: SimulationPool;
    inProcessUpTo?: number;
  },
): Promise<SimulationTally> {
  const { baseline, change, filter } = options;
  if (options.dossiers <= (options.inProcessUpTo ?? IN_PROCESS_UP_TO)) {
    const reform = reformFor(baseline, change);
    let tally = emptyTally();
    for await (const page of readSimulationDossiers(db, filter, PAGE_SIZE))
      tally = mergeTallies(tally, simulateDossiers(baseline, reform, page));
    return tally;
  }
  const key = randomUUID();
  const parts = ruleDataParts(baseline);
  const inFlight: Promise<SimulationTally>[] = [];
  let tally = emptyTally();
  for await (const page of readSimulationDossiers(db, filter, PAGE_SIZE)) {
    const batch = options.pool.run({ key, baseline: parts, change, dossiers: page });
    batch.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    inFlight.push(batch);
    if (inFlight.length >= PAGES_IN_FLIGHT)
      tally = mergeTallies(tally, await (inFlight.shift() as Promise<SimulationTally>));
  }
  for (const pending of inFlight) tally = mergeTallies(tally, await pending);
  return tally;
}
