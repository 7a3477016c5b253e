import { SIMULATOR_DEFAULTS, type SimulatorOptions } from './create-simulator.ts';

/** `npm run simulators` reads its settings from the environment (docs/sources.md). */

export class SimulatorConfigError extends Error {}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new SimulatorConfigError(`${name} must be a number from ${min} to ${max}; got "${raw}".`);
  }
  return value;
}

/** "50-400" → [50, 400]; "0" → [0, 0]. */
export function parseLatencyRange(raw: string): [number, number] {
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(raw);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || max < min) {
    throw new SimulatorConfigError(
      `SIMULATOR_LATENCY_MS must look like 50-400 (min-max in ms); got "${raw}".`,
    );
  }
  return [min, max];
}

export function loadSimulatorConfig(env: NodeJS.ProcessEnv = process.env): SimulatorOptions {
  const port = number(env, 'SIMULATOR_PORT', SIMULATOR_DEFAULTS.port, 0, 65_535);
  const seed = number(env, 'SIMULATOR_SEED', SIMULATOR_DEFAULTS.seed, 0, 2 ** 32 - 1);
  if (!Number.isInteger(port) || !Number.isInteger(seed)) {
    throw new SimulatorConfigError('SIMULATOR_PORT and SIMULATOR_SEED must be whole numbers.');
  }
  return {
    port,
    seed,
    host: env.SIMULATOR_HOST || '127.0.0.1',
    failureRate: number(env, 'SIMULATOR_FAILURE_RATE', SIMULATOR_DEFAULTS.failureRate, 0, 1),
    latencyMs: env.SIMULATOR_LATENCY_MS
      ? parseLatencyRange(env.SIMULATOR_LATENCY_MS)
      : SIMULATOR_DEFAULTS.latencyMs,
    federalDecisionDelayMs: number(
      env,
      'SIMULATOR_FEDERAL_DECISION_DELAY_MS',
      SIMULATOR_DEFAULTS.federalDecisionDelayMs,
      0,
      7 * 24 * 3_600_000,
    ),
  };
}
