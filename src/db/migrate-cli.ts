import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { prepareDatabase } from '../server/prepare-database.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.ts';
import { ensureDatabase } from './ensure-database.ts';

// `npm run db:migrate`: as the owner of DATABASE_URL (or of the embedded database), applies pending
// migrations, prepares the job queue and grants the app role its rights, as `npm start` does first.
const config = loadConfig();
let embedded: EmbeddedDatabase | null = null;
let url = config.databaseUrl;
if (!url) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres') });
  url = await ensureDatabase(embedded.url, 'loket');
}
try {
  const prepared = await prepareDatabase(url, { appUrl: config.appDatabaseUrl });
  console.log(
    prepared.applied.length ? `Applied: ${prepared.applied.join(', ')}` : 'The database is up to date.',
  );
  console.log(`Loket serves as the role "${prepared.role}"${prepared.managed ? ' (created by Loket)' : ''}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
