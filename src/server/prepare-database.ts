import { sql } from 'kysely';
import pg from 'pg';
import { appRoleProblems, grantAppRole } from '../db/app-grants.ts';
import {
  AppRoleError,
  databaseOfUrl,
  ensureManagedAppRole,
  managedAppRoleName,
  roleOfUrl,
  urlAsRole,
} from '../db/app-role.ts';
import { connectDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { prepareJobQueues } from '../jobs/jobs.ts';
import { loadOccupationNames } from '../occupations/occupation-names.repo.ts';

export interface PreparedDatabase {
  /** Migrations applied now. */
  applied: string[];
  /** The role Loket serves requests as, and the URL it connects with. */
  role: string;
  appUrl: string;
  /** Whether Loket created the role itself (no LOKET_APP_DATABASE_URL). */
  managed: boolean;
}

/** 0x4C4F4B4554524F4C, "LOKETROL": one preparation at a time per database. */
const PREPARE_LOCK = '5498696431182171980';

/**
 * Everything the owner does before Loket serves (docs/decisions/006-app-role.md): migrations, pg-boss's
 * schema and queues, the app role (created with a generated password unless `appUrl` names one) and
 * its grants; then checks that the app role is fit (no superuser, no owner rights, owns nothing, no
 * CREATE) and logs in to the same database. Safe to run from several instances at once.
 */
export async function prepareDatabase(
  ownerUrl: string,
  options: {
    appUrl?: string | null;
    /** Load data/esco into the occupation search when it changed (default). Test databases skip it unless asked. */
    occupations?: boolean;
  } = {},
): Promise<PreparedDatabase> {
  // One preparation at a time per database, for all of its steps: pg-boss's queue creation
  // deadlocks when two instances run it at once, and so would two GRANTs on one table. A session
  // lock on a connection of its own, released when that connection ends, whatever happens.
  const lock = new pg.Client({ connectionString: ownerUrl, application_name: 'loket-migrate' });
  // A connection broken meanwhile fails the next step; unheard, its 'error' would end the process.
  lock.on('error', () => {});
  await lock.connect();
  // Without the statement timeout meant for requests: a long migration is not cut off.
  const owner = connectDatabase(ownerUrl, { max: 1, applicationName: 'loket-migrate' });
  try {
    await lock.query('select pg_advisory_lock($1::bigint)', [PREPARE_LOCK]);
    const applied = await migrateToLatest(owner.db);
    // Reference data only the owner writes: the occupation pickers' search (when data/esco changed).
    if (options.occupations !== false) await loadOccupationNames(owner.db);
    await prepareJobQueues(ownerUrl);
    const { role, appUrl, managed, database } = await owner.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ owner: string; database: string }>`
        select current_user as owner, current_database() as database`.execute(trx);
      const me = rows[0] as { owner: string; database: string };
      let role: string;
      let appUrl: string;
      if (options.appUrl) {
        role = roleOfUrl(options.appUrl);
        appUrl = options.appUrl;
        if (!role)
          throw new AppRoleError(
            'LOKET_APP_DATABASE_URL must name the role: postgres://ROLE:PASSWORD@host/db',
          );
      } else {
        role = managedAppRoleName(me.database);
        appUrl = urlAsRole(ownerUrl, role, await ensureManagedAppRole(trx, role));
      }
      if (role === me.owner)
        throw new AppRoleError(
          `LOKET_APP_DATABASE_URL logs in as "${role}", the same role as DATABASE_URL: the app role must be another role, without the owner's rights.`,
        );
      await grantAppRole(trx, role);
      const problems = await appRoleProblems(trx, role);
      if (problems.length)
        throw new AppRoleError(
          `Loket will not serve as the database role "${role}": it ${problems.join('; it ')}. ` +
            'The app role may read and write rows only (docs/operations.md, "Database roles").',
        );
      return { role, appUrl, managed: !options.appUrl, database: me.database };
    });
    await checkAppLogin(appUrl, role, database);
    return { applied, role, appUrl, managed };
  } finally {
    await owner.close();
    await lock.end().catch(() => {});
  }
}

/** The app's URL must reach the database just prepared, as the role just granted. */
async function checkAppLogin(appUrl: string, role: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: appUrl, application_name: 'loket-migrate' });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; database: string }>(
      'select current_user as role, current_database() as database',
    );
    const found = rows[0];
    if (found?.role !== role || found.database !== database)
      throw new AppRoleError(
        `LOKET_APP_DATABASE_URL reaches database "${found?.database}" as "${found?.role}", not "${database}" as "${role}" (${databaseOfUrl(appUrl) || 'no database in the URL'}).`,
      );
  } finally {
    await client.end();
  }
}
