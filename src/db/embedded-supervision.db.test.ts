import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { startLoket } from '../server/start.ts';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A folder of its own under /tmp that the `postgres` user can enter (mkdtemp makes it 0700). */
async function reachableFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  folders.push(folder);
  await chmod(folder, 0o755);
  const web = path.join(folder, 'web');
  await mkdir(web);
  await writeFile(path.join(web, 'index.html'), '<!doctype html><title>Loket</title>');
  return folder;
}

async function readiness(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await condition()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

describe('embedded PostgreSQL supervision', () => {
  it('restarts PostgreSQL killed under a running Loket: readiness goes 503, then back to 200 by itself', async () => {
    const folder = await reachableFolder('loket-supervise-');
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOKET_DEMO: '0',
      LOKET_DATA_DIR: path.join(folder, 'data'),
      LOKET_WEB_DIST: path.join(folder, 'web'),
      LOG_LEVEL: 'silent',
    });
    const loket = await startLoket(config, { log: pino({ level: 'silent' }) });
    try {
      await loket.ready;
      expect(await readiness(loket.url)).toBe(200);
      const pidFile = path.join(config.dataDir, 'postgres', 'postmaster.pid');
      const postmaster = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      await waitFor('readiness 503 after the kill', async () => (await readiness(loket.url)) === 503, 10_000);
      await waitFor('readiness 200 again', async () => (await readiness(loket.url)) === 200, 60_000);
      const restarted = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
      expect(restarted).not.toBe(postmaster);
    } finally {
      await loket.stop();
    }
  }, 120_000);

  it.skipIf(process.getuid?.() !== 0)(
    'as root, `npm start` in a folder the postgres user cannot enter says what is wrong and how to fix it',
    async () => {
      const web = await reachableFolder('loket-web-');
      const locked = await mkdtemp(path.join(tmpdir(), 'loket-locked-')); // 0700, owned by root
      folders.push(locked);
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: '',
          LOKET_DATA_DIR: path.join(locked, 'data'),
          LOKET_WEB_DIST: path.join(web, 'web'),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
      });
      child.stderr.on('data', (chunk) => {
        output += String(chunk);
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code, output).toBe(1);
      expect(output).toContain(`cannot enter ${locked}`);
      expect(output).toContain('LOKET_DATA_DIR');
      expect(output).toContain('DATABASE_URL');
      expect(output).not.toMatch(/^\s+at /m); // no stack trace
      expect(output).not.toContain('EACCES');
    },
    60_000,
  );
});
