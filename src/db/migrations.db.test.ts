import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { describeSchema } from './introspect.ts';
import { listMigrations, migrateTo, migrateToLatest } from './migrate.ts';

describe('migrations', () => {
  let fresh: TestDatabase;
  let stepwise: TestDatabase;

  beforeAll(async () => {
    fresh = await createTestDatabase({ migrate: false });
    stepwise = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await fresh?.dispose();
    await stepwise?.dispose();
  });

  it('give the same schema whether applied at once or one release at a time', async () => {
    const applied = await migrateToLatest(fresh.db);
    expect(applied).toEqual(await listMigrations());
    for (const name of await listMigrations()) await migrateTo(stepwise.db, name);
    expect(await describeSchema(stepwise.db)).toBe(await describeSchema(fresh.db));
  });

  it('apply nothing the second time', async () => {
    expect(await migrateToLatest(fresh.db)).toEqual([]);
  });

  it('match the committed schema description (update with `npx vitest run --project db -u`)', async () => {
    await expect(`${await describeSchema(fresh.db)}\n`).toMatchFileSnapshot('./schema.snapshot.txt');
  });

  it('keep the audit trail append-only', async () => {
    await fresh.db.insertInto('audit_events').values({ actor_user_id: null, action: 'TEST' }).execute();
    await expect(fresh.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(fresh.db.updateTable('audit_events').set({ action: 'CHANGED' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
