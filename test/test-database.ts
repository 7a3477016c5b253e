import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../src/db/client.ts';
import { dropDatabase, ensureDatabase } from '../src/db/ensure-database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

export interface TestDatabase extends DatabaseHandle {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  dispose(): Promise<void>;
}

/** A fresh, empty database of its own for one test file; migrated unless asked otherwise. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `loket_t_${randomBytes(5).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  const handle = connectDatabase(url, { max: 5 });
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    name,
    async dispose() {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}
