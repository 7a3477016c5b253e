import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../test/dossier-driver.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { sealAuditEvents } from '../audit/audit-sealing.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { prepareDatabase } from '../server/prepare-database.ts';
import { APP_TABLE_PRIVILEGES, appRoleProblems } from './app-grants.ts';
import { managedAppRoleName, roleOfUrl, scramVerifier, urlAsRole } from './app-role.ts';
import { connectDatabase, type Db } from './client.ts';

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(db: Db, statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await db.transaction().execute((trx) => statement.execute(trx));
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  }
}
const DENIED = '42501'; // insufficient_privilege (also "must be owner of table")

/**
 * Loket serves as a role that may read and write rows but owns nothing (decision 006): the
 * dossier flow works through the app, while changing the schema, switching off triggers or
 * rewriting the audit trail is refused by PostgreSQL's privileges, not only by the triggers.
 */
describe('the app role', () => {
  let world: DossierWorld;
  let db: Db;

  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
    db = world.database.db;
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('serves the app: a dossier submitted, paid, reviewed and granted, audited and sealed', async () => {
    const { employer, caseHandler } = world;
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const submitted = await driver.submit(draft.id);
    const paid = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: submitted.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const started = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/actions`, {
      action: 'START_REVIEW',
      version: paid.json().version,
    });
    expect(started.statusCode, started.body).toBe(200);
    const granted = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/actions`, {
      action: 'GRANT',
      version: started.json().version,
      validFrom: '2026-05-01',
      validUntil: '2027-04-30',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().status).toBe('DECIDED_GRANTED');

    // The app's own connection is the app role, not the owner the database was made with.
    const { rows } = await sql<{ me: string; su: boolean }>`
      select current_user as me, (select rolsuper from pg_roles where rolname = current_user) as su`.execute(
      db,
    );
    expect(rows[0]).toEqual({ me: managedAppRoleName(world.database.name), su: false });
    expect(await sealAuditEvents(db)).toBeGreaterThan(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: { count: 0 } });
  });

  it('cannot update, delete or truncate audit events, nor forge or move seals', async () => {
    expect(await outcome(db, sql`update audit_events set action = 'CHANGED'`)).toBe(DENIED);
    expect(await outcome(db, sql`delete from audit_events`)).toBe(DENIED);
    expect(await outcome(db, sql`truncate audit_events cascade`)).toBe(DENIED);
    expect(
      await outcome(db, sql`insert into audit_seals (seq, event_id, hash) values (999999, 1, 'x')`),
    ).toBe(DENIED);
    expect(await outcome(db, sql`update audit_seal_horizon set low_xid = '0'`)).toBe(DENIED);
    expect(await outcome(db, sql`truncate audit_seals`)).toBe(DENIED);
    expect(await outcome(db, sql`update dossier_actions set action = 'GRANT'`)).toBe(DENIED);
    expect(await outcome(db, sql`delete from dossier_actions`)).toBe(DENIED);
  });

  it('cannot disable triggers, alter, drop or create tables, or read the owner’s ledger and secrets', async () => {
    expect(await outcome(db, sql`alter table audit_events disable trigger all`)).toBe(DENIED);
    expect(await outcome(db, sql`alter table audit_events disable trigger audit_events_append_only`)).toBe(
      DENIED,
    );
    expect(await outcome(db, sql`set session_replication_role = replica`)).toBe(DENIED);
    expect(await outcome(db, sql`alter table dossiers add column x int`)).toBe(DENIED);
    expect(await outcome(db, sql`create index on dossiers (status)`)).toBe(DENIED);
    expect(await outcome(db, sql`drop table sessions`)).toBe(DENIED);
    expect(await outcome(db, sql`create table public.mine (id int)`)).toBe(DENIED);
    expect(await outcome(db, sql`create schema mine`)).toBe(DENIED);
    expect(
      await outcome(
        db,
        sql`create or replace function audit_event_hash(text, audit_events) returns text language sql as 'select 1'`,
      ),
    ).toBe(DENIED);
    expect(
      await outcome(
        db,
        sql`create trigger t before insert on users execute function audit_events_are_append_only()`,
      ),
    ).toBe(DENIED);
    expect(await outcome(db, sql`alter table pgboss.job disable trigger all`)).toBe(DENIED);
    expect(await outcome(db, sql`select * from kysely_migration`)).toBe(DENIED);
    expect(await outcome(db, sql`select * from loket_private.app_role_credentials`)).toBe(DENIED);
    // A temporary table is its own business (PostgreSQL's TEMP right), and touches nothing shared.
    expect(await outcome(db, sql`create temp table scratch (id int) on commit drop`)).toBe('ok');
  });

  it('has exactly the rights of APP_TABLE_PRIVILEGES, on every table there is, and no unfit attribute', async () => {
    const owner = world.database.owner.db;
    const role = managedAppRoleName(world.database.name);
    const { rows: tables } = await sql<{ name: string }>`
      select tablename as name from pg_tables
      where schemaname = 'public' and tablename not like 'kysely_migration%' order by 1`.execute(owner);
    expect(tables.map((t) => t.name)).toEqual(Object.keys(APP_TABLE_PRIVILEGES).sort());
    const { rows: grants } = await sql<{ table_name: string; privileges: string }>`
      select table_name, string_agg(privilege_type, ',' order by privilege_type) as privileges
      from information_schema.role_table_grants
      where grantee = ${role} and table_schema = 'public' group by table_name`.execute(owner);
    const expected = Object.entries(APP_TABLE_PRIVILEGES).map(([table, privileges]) => ({
      table_name: table,
      privileges: [...privileges].sort().join(','),
    }));
    expect(grants.sort((a, b) => a.table_name.localeCompare(b.table_name))).toEqual(
      expected.sort((a, b) => a.table_name.localeCompare(b.table_name)),
    );
    expect(await appRoleProblems(owner, role)).toEqual([]);
    const { rows } = await sql<Record<string, boolean>>`
      select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = ${role}`.execute(
      owner,
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
    });
  });
});

describe('preparing the app role', () => {
  let database: TestDatabase;
  const extraRoles: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database?.dispose();
    // Roles outlive the database; any database of the server will do to drop them.
    const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await admin.connect();
    for (const role of extraRoles) await admin.query(`drop role if exists ${admin.escapeIdentifier(role)}`);
    await admin.end();
  });

  it('is idempotent and race-safe: instances preparing at once agree on one role and password', async () => {
    const prepared = await Promise.all([1, 2, 3].map(() => prepareDatabase(database.url)));
    const urls = new Set(prepared.map((p) => p.appUrl));
    expect(urls.size).toBe(1);
    expect(prepared.map((p) => p.role)).toEqual(Array(3).fill(managedAppRoleName(database.name)));
    expect((await prepareDatabase(database.url)).appUrl).toEqual(prepared[0]?.appUrl);
    const app = connectDatabase(prepared[0]?.appUrl as string, { max: 1 });
    try {
      const { rows } = await sql<{ me: string }>`select current_user as me`.execute(app.db);
      expect(rows[0]?.me).toBe(managedAppRoleName(database.name));
    } finally {
      await app.close();
    }
  });

  it('grants a role of the operator’s own (LOKET_APP_DATABASE_URL), and refuses an unfit one', async () => {
    const own = `${database.name}_own`;
    const boss = `${database.name}_boss`;
    extraRoles.push(own, boss);
    const owner = database.owner.db;
    await sql`create role ${sql.id(own)} login password ${sql.lit(scramVerifier('own-secret'))}`.execute(
      owner,
    );
    await sql`create role ${sql.id(boss)} login superuser password ${sql.lit(scramVerifier('boss-secret'))}`.execute(
      owner,
    );
    const ownUrl = urlAsRole(database.url, own, 'own-secret');
    const prepared = await prepareDatabase(database.url, { appUrl: ownUrl });
    expect(prepared).toMatchObject({ role: own, appUrl: ownUrl, managed: false });
    const app = connectDatabase(ownUrl, { max: 1 });
    try {
      expect(await outcome(app.db, sql`select count(*) from users`)).toBe('ok');
      expect(await outcome(app.db, sql`delete from audit_events`)).toBe(DENIED);
    } finally {
      await app.close();
    }
    await expect(
      prepareDatabase(database.url, { appUrl: urlAsRole(database.url, boss, 'boss-secret') }),
    ).rejects.toThrow(/is a superuser/);
    await expect(
      prepareDatabase(database.url, { appUrl: urlAsRole(database.url, roleOfUrl(database.url), 'x') }),
    ).rejects.toThrow(/same role as DATABASE_URL/);
  });
});
