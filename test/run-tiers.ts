import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * `npm test` after Biome: two lanes side by side, because Vitest runs a project whose files go one
 * at a time (the browser tier) only after every other project has finished. One lane typechecks,
 * then runs the unit and database tiers (three files at a time, mostly waiting on PostgreSQL); the
 * other builds the web app, then runs the browser tier (one file at a time: each has its own server,
 * database and Chromium). The run fails when any step fails; each lane stops at its first failure.
 * See docs/testing.md for the measured effect.
 */
interface Lane {
  name: string;
  steps: ReadonlyArray<readonly string[]>;
}

const LANES: Lane[] = [
  {
    name: 'unit+db',
    steps: [
      ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'],
      ['npx', 'vitest', 'run', '--project', 'unit', '--project', 'db'],
    ],
  },
  {
    name: 'browser',
    steps: [
      ['npx', 'vite', 'build', '--config', 'web/vite.config.ts'],
      ['npx', 'vitest', 'run', '--project', 'e2e'],
    ],
  },
];

const running = new Set<ChildProcess>();

function runStep(lane: Lane, command: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const [program, ...args] = command as [string, ...string[]];
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Keep colours when a person watches; CI logs stay plain.
      env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    });
    running.add(child);
    const prefix = `[${lane.name}] `;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
    }
    child.on('error', (error) => {
      process.stdout.write(`${prefix}cannot start ${command.join(' ')}: ${error.message}\n`);
      running.delete(child);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function runLane(lane: Lane): Promise<{ lane: Lane; code: number; seconds: number }> {
  const started = performance.now();
  for (const step of lane.steps) {
    const code = await runStep(lane, step);
    if (code !== 0) {
      process.stdout.write(`[${lane.name}] FAILED: ${step.join(' ')} exited ${code}\n`);
      return { lane, code, seconds: (performance.now() - started) / 1000 };
    }
  }
  return { lane, code: 0, seconds: (performance.now() - started) / 1000 };
}

// Ctrl-C or a CI timeout: stop both lanes with their servers and databases, not only this process.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
    process.exitCode = 130;
  });
}

const results = await Promise.all(LANES.map(runLane));
for (const { lane, code, seconds } of results) {
  process.stdout.write(
    `${lane.name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${Math.round(seconds)} s\n`,
  );
}
if (results.some((result) => result.code !== 0)) process.exitCode = 1;
