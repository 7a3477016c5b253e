import type { Logger } from 'pino';

/**
 * Runs `task` every `intervalMs` in this process, never two runs at once, until stopped; a failure
 * is logged (its message only: other fields may quote row values) and the next run tries again.
 * For short, frequent upkeep that a once-a-minute pg-boss schedule would leave too far behind
 * (sealing the audit trail, folding statistics). The task must be safe to run in several instances.
 */
export function repeatInProcess(
  task: () => Promise<unknown>,
  options: { intervalMs: number; log: Pick<Logger, 'warn'>; failureMessage: string },
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = task()
      .catch((error: Error) => options.log.warn({ err: { message: error.message } }, options.failureMessage))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
