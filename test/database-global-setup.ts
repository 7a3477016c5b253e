import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL with the right to create databases; each test file makes its own. */
    adminDatabaseUrl: string;
  }
}

/**
 * Database and browser tiers talk to a real PostgreSQL: the one in DATABASE_URL when set (CI also
 * runs against the machine's PostgreSQL 15), else an embedded one in a temporary folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | null = null;
  let url = process.env.DATABASE_URL;
  let parent: string | null = null;
  if (!url) {
    // /tmp, not the checkout: as root, PostgreSQL runs as the `postgres` user, who must reach the folder.
    parent = await mkdtemp(path.join(tmpdir(), 'loket-test-pg-'));
    await chmod(parent, 0o755);
    const dataDir = path.join(parent, 'data');
    embedded = await startEmbeddedPostgres({ dataDir });
    url = embedded.url;
  }
  project.provide('adminDatabaseUrl', url);
  return async () => {
    await embedded?.stop();
    if (parent) await rm(parent, { recursive: true, force: true });
  };
}
