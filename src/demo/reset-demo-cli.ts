import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config.ts';

/**
 * `npm run demo:reset`: throws away the embedded database (and documents kept on disk) so the next
 * `npm start` creates the demo accounts and the demo queue afresh. Only the embedded default: a
 * database given by DATABASE_URL is never dropped by a convenience command.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (config.databaseUrl) {
    console.error(
      'DATABASE_URL is set: demo:reset only resets the embedded database. Drop and re-create your own database instead, then start with LOKET_DEMO=1.',
    );
    return 2;
  }
  const pidFile = path.join(config.dataDir, 'postgres', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      console.error(
        `Loket's embedded database is running (pid ${pid}). Stop Loket first (Ctrl-C), then run this again.`,
      );
      return 1;
    }
  }
  if (!existsSync(config.dataDir)) {
    console.log(`Nothing to reset: ${config.dataDir} does not exist. npm start creates the demo data.`);
    return 0;
  }
  await rm(config.dataDir, { recursive: true, force: true });
  console.log(
    `Removed ${config.dataDir}. The next npm start creates the demo accounts and the demo queue afresh.`,
  );
  return 0;
}

process.exitCode = await main();
