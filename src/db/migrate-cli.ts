import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { connectDatabase } from './client.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.ts';
import { ensureDatabase } from './ensure-database.ts';
import { migrateToLatest } from './migrate.ts';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
const config = loadConfig();
let embedded: EmbeddedDatabase | null = null;
let url = config.databaseUrl;
if (!url) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres') });
  url = await ensureDatabase(embedded.url, 'loket');
}
const handle = connectDatabase(url, { max: 1, applicationName: 'loket-migrate' });
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
  await embedded?.stop();
}
