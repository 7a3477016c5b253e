import { readdir, readFile } from 'node:fs/promises';

/** Linux clock ticks per second (USER_HZ), the unit of utime and stime in /proc/PID/stat. */
const TICKS_PER_SECOND = 100;

async function statOf(pid: number): Promise<string[] | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: split after its closing one.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone, or not Linux
  }
}

/** CPU seconds (user + system) used so far by each of these processes that still runs. */
export async function cpuSecondsEach(pids: readonly number[]): Promise<Map<number, number>> {
  const each = new Map<number, number>();
  for (const pid of pids) {
    const fields = await statOf(pid);
    if (fields) each.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
  }
  return each;
}

/** CPU seconds (user + system) used so far by these processes (not their children). */
export async function cpuSeconds(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const fields = await statOf(pid);
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * The embedded PostgreSQL's processes (the postmaster and its backends and workers), found from
 * its postmaster.pid; none for a server elsewhere. Backends open now: call it again at the end of
 * a run for the connections opened meanwhile.
 */
export async function postgresPids(postmasterPidFile: string | null): Promise<number[]> {
  if (!postmasterPidFile) return [];
  const postmaster = Number((await readFile(postmasterPidFile, 'utf8')).split('\n')[0]);
  const pids = [postmaster];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = await statOf(Number(entry));
    if (fields && Number(fields[1]) === postmaster) pids.push(Number(entry));
  }
  return pids;
}
