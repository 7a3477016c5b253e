/**
 * A draft is what the employer has answered so far: a partial application of the assessment
 * contract plus the worker's name (which the rules do not need but the dossier, the letter and the
 * register check do). Paths are dotted (`application.job.title`), as in the step table.
 */
export interface WorkerIdentity {
  givenNames?: string;
  familyName?: string;
}

export interface Draft {
  application: Record<string, unknown>;
  workerIdentity: WorkerIdentity;
}

export function readPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of `root` with `path` set; `undefined` removes the leaf. Intermediate objects are created. */
export function writePath<T extends object>(root: T, path: string, value: unknown): T {
  const keys = path.split('.');
  const copy = structuredClone(root) as Record<string, unknown>;
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node[key] = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  const leaf = keys.at(-1) as string;
  if (value === undefined) delete node[leaf];
  else node[leaf] = value;
  return copy as T;
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
