import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * `npm test` after Biome, in three phases: typecheck and the web build side by side (short, and
 * independent), then the unit and database tiers (three files at a time, mostly waiting on
 * PostgreSQL), then the browser tier (two files at a time, each with its own server, database and
 * Chromium). The tiers run one after the other, not side by side: on a 2-core machine two tiers at
 * once made each about three to five times slower than alone (measured, docs/testing.md), and the
 * timing-sensitive tests failed under that load. A failing phase does not stop the next (except a
 * failed build, which the browser tier needs), so one run reports every failure.
 */
interface Step {
  name: string;
  command: readonly string[];
  /** Steps that must have passed for this one to be worth running. */
  needs?: readonly string[];
}

const PHASES: ReadonlyArray<readonly Step[]> = [
  [
    { name: 'typecheck', command: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
    { name: 'build', command: ['npx', 'vite', 'build', '--config', 'web/vite.config.ts'] },
  ],
  [{ name: 'unit+db', command: ['npx', 'vitest', 'run', '--project', 'unit', '--project', 'db'] }],
  [{ name: 'browser', command: ['npx', 'vitest', 'run', '--project', 'e2e'], needs: ['build'] }],
];

const running = new Set<ChildProcess>();

function runStep(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const [program, ...args] = step.command as [string, ...string[]];
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Keep colours when a person watches; CI logs stay plain.
      env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    });
    running.add(child);
    const prefix = `[${step.name}] `;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
    }
    child.on('error', (error) => {
      process.stdout.write(`${prefix}cannot start ${step.command.join(' ')}: ${error.message}\n`);
      running.delete(child);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

interface Result {
  step: Step;
  /** null: not run, because a step it needs failed. */
  code: number | null;
  seconds: number;
}

async function runTimed(step: Step, failed: ReadonlySet<string>): Promise<Result> {
  if (step.needs?.some((name) => failed.has(name))) return { step, code: null, seconds: 0 };
  const started = performance.now();
  const code = await runStep(step);
  return { step, code, seconds: (performance.now() - started) / 1000 };
}

// Ctrl-C or a CI timeout: stop the running steps with their servers and databases, and start no other.
let stopped = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopped = true;
    for (const child of running) child.kill(signal);
    process.exitCode = 130;
  });
}

const results: Result[] = [];
const failed = new Set<string>();
for (const phase of PHASES) {
  if (stopped) break;
  for (const result of await Promise.all(phase.map((step) => runTimed(step, failed)))) {
    results.push(result);
    if (result.code !== 0) failed.add(result.step.name);
  }
}
for (const { step, code, seconds } of results) {
  const outcome =
    code === null
      ? `not run (needs ${step.needs?.join(', ')})`
      : `${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${Math.round(seconds)} s`;
  process.stdout.write(`${step.name}: ${outcome}\n`);
}
if (failed.size > 0 && !stopped) process.exitCode = 1;
