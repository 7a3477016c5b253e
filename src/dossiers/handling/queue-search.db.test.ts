import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { listQueue, type QueueFilter, queueQuery } from './queue.ts';

// The queue's search on a table large enough that a full scan costs: the planner must take the
// trigram index of migration 0014 (the expression in queue.ts and in the migration must match),
// and the answers must stay those of a plain scan (number, name in either order, enterprise).

const TODAY = '2026-03-02';
const ROWS = 20_000;
const STATUSES = ['SUBMITTED', 'IN_REVIEW', 'DECIDED_GRANTED', 'DECIDED_REFUSED'];

describe('the queue search on a large table', () => {
  let database: TestDatabase;
  // The scope is `all`: whose queue it is plays no part.
  const userId = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    database = await createTestDatabase();
    // Generated dossiers: numbered, names from syllables, enterprise numbers spread out.
    await sql`
      INSERT INTO dossiers (number, enterprise_number, category, status, worker_identity, submitted_at, due_date)
      SELECT 'VL-2026-' || lpad(i::text, 6, '0'),
             '0' || lpad(((i * 7919) % 1000000000)::text, 9, '0'),
             'HIGHLY_SKILLED',
             (${sql.lit(`{${STATUSES.join(',')}}`)}::text[])[1 + i % ${sql.lit(STATUSES.length)}],
             jsonb_build_object(
               'givenNames', (ARRAY['Amal','Priya','Jonas','Mei','Ivan','Sara','Omar','Lena'])[1 + i % 8] || i,
               'familyName', (ARRAY['Haddad','Raman','Peeters','Chen','Petrov','Nguyen','Diallo','Janssens'])[1 + (i / 8) % 8] || 'x' || i
             ),
             now(), DATE '2026-04-01' + (i % 60)
      FROM generate_series(1, ${sql.lit(ROWS)}) AS i`.execute(database.owner.db);
    // One dossier with a name to find, and statistics so the planner knows the table's size.
    await sql`
      INSERT INTO dossiers (number, enterprise_number, category, status, worker_identity, submitted_at)
      VALUES ('VL-2026-900001', '0403170701', 'HIGHLY_SKILLED', 'DECIDED_GRANTED',
              '{"givenNames":"Đorđe","familyName":"Vuković"}', now())`.execute(database.owner.db);
    // VACUUM also moves the bulk insert out of the GIN index's pending list, as autovacuum would.
    await sql`VACUUM ANALYZE dossiers`.execute(database.owner.db);
  }, 60_000);
  afterAll(async () => {
    await database?.dispose();
  });

  const filter = (search: string): QueueFilter => ({ scope: 'all', search, limit: 50, offset: 0 });

  async function plan(search: string): Promise<string> {
    const rows = await queueQuery(database.db, userId, filter(search), TODAY).page.explain();
    return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
  }

  it('uses the trigram index for a name, a number and an enterprise number', async () => {
    for (const search of ['vuković', 'Vuković Đorđe', 'VL-2026-900001', '0403.170.701']) {
      const text = await plan(search);
      expect(text, `${search}:\n${text}`).toContain('dossiers_search_trgm_idx');
      expect(text, search).not.toMatch(/Seq Scan on dossiers/);
    }
  });

  it('finds the dossier by any of its keys, and nothing across two fields', async () => {
    for (const search of ['vuković', 'Đorđe Vuković', 'VUKOVIĆ đorđe', '900001', '0403 170 701']) {
      const found = await listQueue(database.db, userId, filter(search), TODAY);
      expect(
        found.items.map((item) => item.number),
        search,
      ).toEqual(['VL-2026-900001']);
    }
    // The number's end and the given name are different fields: no match spans them.
    expect((await listQueue(database.db, userId, filter('900001 Đorđe'), TODAY)).total).toBe(0);
    // LIKE wildcards typed in the box match literally.
    expect((await listQueue(database.db, userId, filter('%'), TODAY)).total).toBe(0);
  });
});
