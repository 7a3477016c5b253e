import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Loket as `npm start` runs it, in a process of its own: what a test may kill with SIGKILL. */
export interface LoketProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything it wrote, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
}

let webDist: Promise<string> | null = null;

/**
 * A web build of one empty page, so a process that is only asked API routes does not build the
 * real one at start (web-build.ts). Shared with bench/load.bench.ts; removed with the OS temp dir.
 */
export function emptyWebDist(): Promise<string> {
  webDist ??= mkdtemp(path.join(tmpdir(), 'loket-web-')).then(async (dir) => {
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Loket</title>');
    return dir;
  });
  return webDist;
}

/**
 * Starts `node src/server/main.ts` with `env` on top of a minimal environment (port 0, no demo
 * data, an empty web build) and resolves once it printed that it runs, i.e. after it connected,
 * migrated and started its background work.
 */
export async function startLoketProcess(
  name: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<LoketProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOKET_DEMO: '0',
      LOG_LEVEL: 'warn',
      LOKET_WEB_DIST: await emptyWebDist(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${text}`));
    }, timeoutMs);
    const onData = () => {
      const match = /Loket is running at (http:\/\/\S+)/.exec(text);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout?.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${String(how)}) before it ran:\n${text}`));
    });
  });
  return {
    name,
    url,
    child,
    output: () => text,
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
