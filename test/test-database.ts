import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { managedAppRoleName } from '../src/db/app-role.ts';
import { connectDatabase, type DatabaseHandle } from '../src/db/client.ts';
import { dropDatabase, ensureDatabase } from '../src/db/ensure-database.ts';
import { prepareDatabase } from '../src/server/prepare-database.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The URL `db` connects with: the app role's once migrated, else the owner's. */
  url: string;
  name: string;
  /** The owner of the database (the server's admin role): migrations, DDL, tampering in tests. */
  owner: DatabaseHandle & { url: string };
  /** Closes the pools, drops the database and its app role. */
  dispose(): Promise<void>;
}

/**
 * A fresh database of its own for one test file. Migrated (the default), it is prepared as
 * `npm start` prepares one (migrations, job queue, the app role Loket creates, its grants) and `db`
 * is the app role's, so every db test also proves the grants; `owner` is there for what only the
 * owner may do. Unmigrated, `db` and `url` are the owner's (a test migrates step by step, or starts
 * Loket on it with this URL as DATABASE_URL). With `template`, the database is a copy of that one
 * (the browser tier's demo, test/demo-template.ts), left unmigrated by this function.
 */
export async function createTestDatabase(
  options: { migrate?: boolean; template?: string; occupations?: boolean } = {},
): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `loket_t_${randomBytes(5).toString('hex')}`;
  const ownerUrl = options.template
    ? await copyDatabase(adminUrl, options.template, name)
    : await ensureDatabase(adminUrl, name);
  const owner = { ...connectDatabase(ownerUrl, { max: 2 }), url: ownerUrl };
  // The ESCO catalogue of the occupation search takes seconds to load: only for the files that ask
  // (`occupations: true`); elsewhere GET /api/v1/occupations searches in memory, as without a database.
  const url =
    options.migrate === false
      ? ownerUrl
      : (await prepareDatabase(ownerUrl, { occupations: options.occupations ?? false })).appUrl;
  const handle = options.migrate === false ? owner : connectDatabase(url, { max: 5 });
  return {
    ...handle,
    url,
    name,
    owner,
    async dispose() {
      await handle.close();
      if (handle !== owner) await owner.close();
      await dropDatabase(adminUrl, name);
      await dropRole(adminUrl, managedAppRoleName(name));
    },
  };
}

/** A copy of `template` named `name`; the template must have no open connection. */
async function copyDatabase(adminUrl: string, template: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(template)}`,
    );
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Roles outlive their database; the one Loket made for this database goes with it. */
async function dropRole(adminUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop role if exists ${client.escapeIdentifier(role)}`);
  } finally {
    await client.end();
  }
}
