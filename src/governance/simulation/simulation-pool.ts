import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { SimulationTask } from './simulate-batch.worker.ts';
import type { SimulationTally } from './simulation-diff.ts';

/**
 * The worker threads of the policy simulation: batches of stored dossiers re-assessed off the event
 * loop. One core is left to the server (as the assessment batch pool does); a simulation's batches
 * queue behind each other, so one analyst's run does not starve the other users.
 */
export interface SimulationPool {
  run(task: SimulationTask): Promise<SimulationTally>;
  close(): Promise<void>;
}

export function createSimulationPool(options: { threads?: number } = {}): SimulationPool {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  let pool: Piscina<SimulationTask, SimulationTally> | null = null;
  return {
    run(task) {
      // Started on first use: a server that never simulates never pays for the threads.
      pool ??= new Piscina<SimulationTask, SimulationTally>({
        filename: new URL('./simulate-batch.worker.ts', import.meta.url).href,
        execArgv: ['--import', 'tsx'],
        minThreads: 0,
        maxThreads: threads,
        idleTimeout: 10 * 60_000,
      });
      return pool.run(task);
    },
    close: async () => {
      await pool?.close({ force: true });
    },
  };
}
