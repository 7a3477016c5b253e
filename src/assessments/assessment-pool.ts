import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { BatchResult, BatchTask } from './assess-batch.worker.ts';

/**
 * The worker threads that assess batches. At most `threads` batches run at once and `queue` more
 * wait; anything beyond is refused at once (the caller answers 503 with Retry-After) rather than
 * held in memory. One core is left to the event loop, so health checks and other users stay quick.
 */
export interface AssessmentPool {
  /** Null when the pool is full: the caller should come back later. */
  run(task: BatchTask): Promise<BatchResult> | null;
  close(): Promise<void>;
}

export function createAssessmentPool(options: { threads?: number; queue?: number } = {}): AssessmentPool {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const queue = options.queue ?? threads;
  const pool = new Piscina<BatchTask, BatchResult>({
    filename: new URL('./assess-batch.worker.ts', import.meta.url).href,
    // The worker is TypeScript, loaded the way the server itself is (npm start: node --import tsx).
    execArgv: ['--import', 'tsx'],
    minThreads: 0,
    maxThreads: threads,
    // No thread until the first batch; once started a thread stays, since starting one costs
    // seconds (loading the TypeScript and the rule data) that a caller should pay only once.
    idleTimeout: 24 * 3_600_000,
  });
  let inFlight = 0;
  return {
    run(task) {
      if (inFlight >= threads + queue) return null;
      inFlight += 1;
      return pool.run(task).finally(() => {
        inFlight -= 1;
      });
    },
    close: () => pool.close({ force: true }),
  };
}
