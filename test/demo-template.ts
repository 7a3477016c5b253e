import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { managedAppRoleName } from '../src/db/app-role.ts';
import { dropDatabase, ensureDatabase } from '../src/db/ensure-database.ts';
import { type Config, loadConfig } from '../src/server/config.ts';
import { startLoket } from '../src/server/start.ts';

/** The service as `npm start` runs it in demo mode, on `databaseUrl`, on a free port of 127.0.0.1. */
export function demoLoketConfig(databaseUrl: string): Config {
  return {
    ...loadConfig({ LOKET_DEMO: '1', LOG_LEVEL: 'warn' }),
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
  };
}

/**
 * A database with the demo loaded by the service itself (migrations, accounts, dossiers, desk
 * reports, their register checks run), then closed so that it can be copied as a template.
 */
export async function createDemoTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `loket_demo_template_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  const loket = await startLoket(demoLoketConfig(url), { log: pino({ level: 'warn' }) });
  try {
    await loket.ready;
    await waitForRegisterChecks(url);
  } finally {
    await loket.stop();
  }
  return {
    name,
    async drop() {
      await dropDatabase(adminUrl, name);
      await runAdmin(adminUrl, (client) =>
        client.query(`drop role if exists ${client.escapeIdentifier(managedAppRoleName(name))}`),
      );
    },
  };
}

/** The demo's register checks run in the background after loading: a copy should not start mid-way. */
async function waitForRegisterChecks(url: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  await runAdmin(url, async (client) => {
    for (;;) {
      const { rows } = await client.query<{ due: string }>(
        `select count(*) as due from register_checks where status <> 'COMPLETE' and next_attempt_at <= now()`,
      );
      if (Number(rows[0]?.due) === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

async function runAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
