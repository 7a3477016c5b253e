import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

// Starts the embedded server in a child process, writes a row, kills the child with SIGKILL
// (no clean-up runs), then starts again on the same folder: the orphan is stopped, the row is there.
describe('embedded PostgreSQL after a crash', () => {
  let parent = '';
  afterAll(async () => {
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  it('recovers the folder left locked by a killed process, without losing committed rows', async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'loket-crash-'));
    await chmod(parent, 0o755);
    const dataDir = path.join(parent, 'data');
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('src/db/embedded-postgres.ts'))};
      import pg from 'pg';
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
      const client = new pg.Client(db.url);
      await client.connect();
      await client.query('create table kept (id int)');
      await client.query('insert into kept values (42)');
      await client.end();
      console.log('READY');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => String(chunk).includes('READY') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const orphanPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(() => process.kill(orphanPid, 0)).not.toThrow(); // the orphan is still running

    const again = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client(again.url);
      await client.connect();
      const { rows } = await client.query('select id from kept');
      await client.end();
      expect(rows).toEqual([{ id: 42 }]);
      expect(() => process.kill(orphanPid, 0)).toThrow();
    } finally {
      await again.stop();
    }
  });
});
