import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import '../validation/compile-validator.ts';
import { TOTAL } from './dimensions.ts';
import { generateDossiers } from './generate/generate-dossiers.ts';
import { writeDossiers } from './generate/write-dossiers.ts';
import { REPORTS } from './reports/index.ts';
import { runReport } from './reports/run-report.ts';
import { percentileOfHistogram } from './rollups.ts';
import { expectReportsToMatchRecount, reportAsMap } from './test-support/recount.ts';

/** The rollups kept equal to a recount while dossiers change, and the histogram percentiles. */

/** A fixed last day for the generated history, so the figures tested do not move with the calendar. */
const HISTORY_UNTIL = '2026-11-30';
const YEARS: [number, number] = [2019, 2028];

describe('statistics rollups under changes', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeDossiers(database.pool, generateDossiers({ count: 2500, seed: 23, until: HISTORY_UNTIL }), {
      batchSize: 500,
    });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const decision = (id: string, on: string) => `
    UPDATE dossiers SET status = 'DECIDED_GRANTED', version = version + 1, decided_on = '${on}',
      decision = '{"outcome": "GRANTED", "decidedOn": "${on}"}', federal_decided_on = '${on}'::date + 12
    WHERE id = '${id}'`;
  const grant = (id: string, on: string) => `
    WITH action AS (
      INSERT INTO dossier_actions (dossier_id, action, actor, effective_on, details)
      VALUES ('${id}', 'GRANT', 'CASE_HANDLER', '${on}', '{}'))
    ${decision(id, on)}`;

  it('stays equal to a recount under concurrent decisions, a rollback, a refusal and a move', async () => {
    const open = await database.db
      .selectFrom('dossiers')
      .select(['id'])
      .where('status', 'in', ['SUBMITTED', 'ADMISSIBLE', 'IN_REVIEW'])
      .orderBy('id')
      .limit(9)
      .execute();
    expect(open.length).toBe(9);
    // Eight decisions of the same day in four parallel transactions, each held open a while so
    // they overlap on the rollup rows they share (year, sex, age band …); a ninth is rolled back.
    const decide = async (batch: typeof open, isCommitted: boolean) => {
      const client = await database.pool.connect();
      try {
        await client.query('BEGIN');
        for (const dossier of batch) await client.query(grant(dossier.id, '2026-11-29'));
        await client.query('SELECT pg_sleep(0.1)');
        await client.query(isCommitted ? 'COMMIT' : 'ROLLBACK');
      } finally {
        client.release();
      }
    };
    const granted = async () =>
      Number(
        (await reportAsMap(database, REPORTS.find((r) => r.id === 'highlySkilledShare')!, [2026, 2026])).get(
          '2026',
        )?.granted,
      );
    const before = await granted();
    await Promise.all([
      decide(open.slice(0, 2), true),
      decide(open.slice(2, 4), true),
      decide(open.slice(4, 6), true),
      decide(open.slice(6, 8), true),
      decide(open.slice(8, 9), false),
    ]);
    expect(await granted()).toBe(before + 8);

    // A refusal on two grounds, a decided dossier moved to another province.
    const [refused, moved] = await database.db
      .selectFrom('dossiers')
      .select(['id', 'version', 'assessment'])
      .where('status', '=', 'DECIDED_GRANTED')
      .orderBy('id')
      .limit(2)
      .execute();
    await database.pool.query(
      `UPDATE dossiers SET status = 'DECIDED_REFUSED', version = version + 1,
         decision = '{"outcome": "REFUSED", "reasonCodes": ["SALARY_BELOW_THRESHOLD", "CONTRACT_TOO_SHORT"]}'
       WHERE id = $1`,
      [refused!.id],
    );
    const province = (moved!.assessment as { procedure: { province: string } }).procedure.province;
    await database.pool.query(
      `UPDATE dossiers SET version = version + 1,
         assessment = jsonb_set(assessment, '{procedure,province}', to_jsonb($2::text)) WHERE id = $1`,
      [moved!.id, province === 'LIMBURG' ? 'ANTWERPEN' : 'LIMBURG'],
    );
    await expectReportsToMatchRecount(database, YEARS);
  });

  it('leaves no empty cell behind when the only dossier of a cell moves away or is deleted', async () => {
    // A copy of an open dossier without history (actions are append-only, so only such a dossier
    // can be deleted), granted as the only decision of 2029.
    const [source] = await database.db
      .selectFrom('dossiers')
      .select(['id'])
      .where('status', '=', 'IN_REVIEW')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    const { rows } = await database.pool.query(
      `INSERT INTO dossiers
       SELECT (jsonb_populate_record(d, jsonb_build_object('id', gen_random_uuid(), 'number', 'TEST-COPY-1',
                 'fee_reference', null, 'idempotency_key', 'test:copy'))).*
       FROM dossiers d WHERE d.id = $1 RETURNING id`,
      [source!.id],
    );
    const only = rows[0] as { id: string };
    await database.pool.query(decision(only.id, '2029-01-02'));
    const q2 = REPORTS.find((r) => r.id === 'q2')!;
    const cells = async () => (await runReport(database.db, q2, { filters: { years: [2029, 2029] } })).rows;
    expect((await cells()).filter((row) => row.key.province !== TOTAL && row.key.category !== TOTAL)).toEqual(
      [expect.objectContaining({ values: { applications: 0, granted: 1 } })],
    );
    await expectReportsToMatchRecount(database, [2029, 2029]);

    await database.pool.query(
      `UPDATE dossiers SET version = version + 1,
         assessment = jsonb_set(assessment, '{procedure,province}', '"WEST_VLAANDEREN"') WHERE id = $1`,
      [only.id],
    );
    const moved = (await cells()).filter((row) => row.key.province !== TOTAL && row.key.category !== TOTAL);
    expect(moved.map((row) => row.key.province)).toEqual(['WEST_VLAANDEREN']);
    await expectReportsToMatchRecount(database, [2029, 2029]);

    await database.pool.query('DELETE FROM dossiers WHERE id = $1', [only.id]);
    expect(await cells()).toEqual([]);
    const report = await runReport(database.db, q2, { filters: { years: [2029, 2029] } });
    expect(report.totals).toEqual({ applications: 0, granted: 0 });
  });
});

describe('percentiles from a histogram', () => {
  it('equal percentile_cont over the values one by one', () => {
    const values = [3, 3, 7, 10, 10, 10, 41, 2, 18];
    const histogram = new Map<number, number>();
    for (const v of values) histogram.set(v, (histogram.get(v) ?? 0) + 1);
    const sorted = [...values].sort((a, b) => a - b);
    for (const fraction of [0, 0.1, 0.5, 0.9, 1]) {
      const position = fraction * (sorted.length - 1);
      const low = Math.floor(position);
      const expected = sorted[low]! + (position - low) * (sorted[Math.ceil(position)]! - sorted[low]!);
      expect(percentileOfHistogram(histogram, fraction)).toBe(expected);
    }
    expect(percentileOfHistogram(new Map([[5, 0]]), 0.5)).toBeNull();
  });
});
