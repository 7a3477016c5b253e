import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Plain SQL files (`NNNN_name.sql`) applied in name order, each in its own transaction, with
 * Kysely's migrator keeping the ledger and the lock so two instances never migrate at once.
 */
class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(path.join(this.dir, file), 'utf8');
      migrations[file.replace(/\.sql$/, '')] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return migrations;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before any typed schema exists
type AnyDb = Kysely<any>;

function createMigrator(db: AnyDb, dir = MIGRATIONS_DIR): Migrator {
  return new Migrator({ db, provider: new SqlFileMigrationProvider(dir) });
}

function unwrap(result: MigrationResultSet): string[] {
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied now. */
export async function migrateToLatest(db: AnyDb, dir?: string): Promise<string[]> {
  return unwrap(await createMigrator(db, dir).migrateToLatest());
}

/** Applies pending migrations up to and including `name` (used to test step-by-step upgrades). */
export async function migrateTo(db: AnyDb, name: string, dir?: string): Promise<string[]> {
  return unwrap(await createMigrator(db, dir).migrateTo(name));
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  return Object.keys(await new SqlFileMigrationProvider(dir).getMigrations());
}
