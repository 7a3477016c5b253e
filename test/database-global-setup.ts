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

/** The PostgreSQL the tests use, and how to stop it (a no-op for DATABASE_URL's). */
export async function startTestPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, async stop() {} };
  // /tmp, not the checkout: as root, PostgreSQL runs as the `postgres` user, who must reach the folder.
  const parent = await mkdtemp(path.join(tmpdir(), 'loket-test-pg-'));
  await chmod(parent, 0o755);
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: path.join(parent, 'data') });
  return {
    url: embedded.url,
    async stop() {
      await embedded.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

/**
 * Database and browser tiers talk to a real PostgreSQL: the one in DATABASE_URL when set (CI also
 * runs against the machine's PostgreSQL 15), else an embedded one in a temporary folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide('adminDatabaseUrl', postgres.url);
  return () => postgres.stop();
}
