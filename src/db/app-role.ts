import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: the credentials table lives outside the typed schema
type AnyDb = Kysely<any>;

const MAX_IDENTIFIER_BYTES = 63;

/**
 * The role Loket creates for `database` when no LOKET_APP_DATABASE_URL names one. Roles are shared by
 * every database of a server, so the name is the database's: two Loket databases on one server (a
 * staging and a production one, or the test suite's many) never share a role or its password.
 */
export function managedAppRoleName(database: string): string {
  const name = `${database}_app`;
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  return `loket_app_${createHash('sha256').update(database).digest('hex').slice(0, 24)}`;
}

/**
 * PostgreSQL's SCRAM-SHA-256 verifier of `password` (RFC 7677, as `password_encryption` would store
 * it). CREATE ROLE cannot take a bind parameter; sending the verifier instead of the password keeps
 * the password out of the server's statement log and its pg_stat_statements.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export class AppRoleError extends Error {
  override name = 'AppRoleError';
}

const DUPLICATE = new Set(['42710', '23505']); // duplicate_object; unique_violation of a concurrent CREATE ROLE
const NOT_ALLOWED = new Set(['42501']); // insufficient_privilege

/**
 * Makes sure the managed app role exists, can log in and has the password kept in
 * loket_private.app_role_credentials; returns that password. Run it as the owner inside a
 * transaction that holds the preparation lock (prepare-database.ts), so instances starting together
 * agree on one password. A role of that name without a kept password (left by a dropped database
 * of the same name) gets a new password.
 */
export async function ensureManagedAppRole(trx: AnyDb, role: string): Promise<string> {
  const kept = await sql<{ password: string }>`
    select password from loket_private.app_role_credentials where role_name = ${role}`.execute(trx);
  const exists = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_roles where rolname = ${role}`.execute(trx);
  const stored = kept.rows[0]?.password;
  if (stored && exists.rows[0]?.n) return stored;

  const password = randomBytes(32).toString('base64url');
  const verifier = sql.lit(scramVerifier(password));
  const who = sql.id(role);
  try {
    if (!exists.rows[0]?.n) {
      // A savepoint: a role created meanwhile by a transaction we cannot see (another database's
      // preparation under the same name) must not abort ours; then its password is replaced.
      await sql`savepoint create_app_role`.execute(trx);
      try {
        await sql`create role ${who} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${verifier}`.execute(
          trx,
        );
        await sql`release savepoint create_app_role`.execute(trx);
      } catch (error) {
        if (!DUPLICATE.has((error as { code?: string }).code ?? '')) throw error;
        await sql`rollback to savepoint create_app_role`.execute(trx);
        await sql`alter role ${who} with login password ${verifier}`.execute(trx);
      }
    } else {
      await sql`alter role ${who} with login password ${verifier}`.execute(trx);
    }
  } catch (error) {
    if (!NOT_ALLOWED.has((error as { code?: string }).code ?? '')) throw error;
    throw new AppRoleError(
      `The DATABASE_URL role may not create or alter the role "${role}" that Loket runs as (${(error as Error).message}). ` +
        'Give it CREATEROLE, or create an app role yourself and set LOKET_APP_DATABASE_URL (docs/operations.md, "Database roles").',
    );
  }
  await sql`
    insert into loket_private.app_role_credentials (role_name, password) values (${role}, ${password})
    on conflict (role_name) do update set password = excluded.password, created_at = now()`.execute(trx);
  return password;
}

/** The owner's URL with the app role's name and password: same server, database and options. */
export function urlAsRole(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** The role a connection URL logs in as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The database a connection URL names (the path), or '' when it names none. */
export function databaseOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}
