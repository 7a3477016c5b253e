import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { connectDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { brusselsDate } from '../../server/today.ts';
import { generateDossiers } from './generate-dossiers.ts';
import { writeDossiers } from './write-dossiers.ts';

/**
 * `npm run generate -- --dossiers 1000000 [--seed 2019] [--database-url postgres://…]`
 * Writes a synthetic history (from 2019 up to today, never later) into the database, migrating it first. Generated
 * dossiers have no creator and an idempotency key `generated:<seed>:<n>`, so they can be told apart
 * (and deleted) later. Exit codes: 0 done, 2 bad arguments or no database.
 */
const USAGE = `Usage: npm run generate -- --dossiers N [--seed S] [--database-url URL]
  --dossiers N        how many dossiers (required, 1 … 10,000,000)
  --seed S            the random seed (default 2019); the same N and S give the same dossiers
  --database-url URL  PostgreSQL to write to (default: the DATABASE_URL environment variable)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        dossiers: { type: 'string' },
        seed: { type: 'string' },
        'database-url': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const count = Number(values.dossiers);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000)
    fail('--dossiers must be a whole number from 1 to 10,000,000.');
  const seed = values.seed === undefined ? 2019 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) fail('--seed must be a whole number ≥ 0.');
  const url = (values['database-url'] as string | undefined) ?? process.env.DATABASE_URL;
  if (!url)
    fail(
      'No database: give --database-url or set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/loket).',
    );

  const handle = connectDatabase(url, { max: 3, applicationName: 'loket-generate' });
  const bar = new cliProgress.SingleBar(
    {
      format: 'dossiers [{bar}] {percentage}% | {value}/{total} | {duration_formatted} (eta {eta_formatted})',
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  try {
    await migrateToLatest(handle.db);
    bar.start(count, 0);
    const written = await writeDossiers(
      handle.pool,
      generateDossiers({ count, seed, until: brusselsDate(new Date()) }),
      {
        onProgress: (done) => bar.update(done),
      },
    );
    bar.stop();
    process.stdout.write(
      `Wrote ${written} dossiers (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
    );
  } finally {
    bar.stop();
    await handle.close();
  }
}

await main();
