import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import type { Db } from '../db/client.ts';
import { migrateTo, migrateToLatest } from '../db/migrate.ts';
import { type AggregateRequest, aggregate, type StatsFilters, splitByBranch } from './aggregate.ts';
import type { DimensionId, MeasureId } from './dimensions.ts';
import { generateDossiers } from './generate/generate-dossiers.ts';
import { writeDossiers } from './generate/write-dossiers.ts';
import { basisMeasures } from './open-data.ts';
import { findReport } from './reports/index.ts';
import { reportDimensions, reportGroupingSets, runReport } from './reports/run-report.ts';
import { planRollupQuery } from './rollups.ts';
import { expectReportsToMatchRecount } from './test-support/recount.ts';

/**
 * Migration 0037: the last five reports of issue 16 read rollups (decision 023). For varied
 * filters, with the counts and cell keys open data adds, each must give exactly what the scan of
 * `dossier_statistics` gives — after the migration rebuilt the rollups from existing facts, and
 * after new appeals, withdrawals, inadmissible declarations and swapped outcomes are folded,
 * in concurrent transactions with concurrent folds.
 */
const HISTORY_UNTIL = '2026-11-30';
const FIVE = ['q3Refusals', 'q1HighlyQualified', 'q4Combined', 'appeals', 'revocations'];
const ALL_YEARS: [number, number] = [2019, 2028];

const FILTERS: StatsFilters[] = [
  { years: ALL_YEARS },
  { years: [2024, 2024] },
  { years: [2020, 2026], categories: ['HIGHLY_SKILLED', 'EU_BLUE_CARD', 'MEDIUM_SKILLED_SHORTAGE'] },
  { years: ALL_YEARS, provinces: ['ANTWERPEN', 'LIMBURG'] },
  { years: [2021, 2027], only: { questionCategory: ['EU_BLUE_CARD', 'NOT_ASKED'] } },
];

/** Requests beyond the reports' own layouts that the new rollups hold too. */
const PIVOTS: Array<{ dimensions: DimensionId[]; measures: MeasureId[]; only?: Record<string, string[]> }> = [
  { dimensions: ['year', 'vks'], measures: ['highlyQualifiedShare', 'revoked', 'granted'] },
  { dimensions: ['sex', 'kind'], measures: ['revoked', 'qualificationKnownGranted'] },
  {
    dimensions: ['year', 'kind'],
    measures: ['inadmissible', 'applications'],
    only: { category: ['MEDIUM_SKILLED_SHORTAGE', 'SEASONAL_WORKER'] },
  },
  { dimensions: ['careProfession', 'province'], measures: ['appealsDecided', 'appealsOverturned'] },
  { dimensions: ['questionCategory', 'ageBand', 'sex'], measures: ['decided', 'granted', 'refused'] },
  { dimensions: ['year', 'sex'], measures: ['granted'], only: { ageBand: ['UNDER_25', 'FROM_25_TO_29'] } },
];

function reportRequest(id: string, filters: StatsFilters): AggregateRequest {
  const definition = findReport(id)!;
  const dimensions = reportDimensions(definition);
  return {
    measures: [...definition.measures, ...basisMeasures(definition.measures)],
    dimensions,
    filters,
    groupingSets: reportGroupingSets(definition, dimensions.length),
  };
}

function expectPlanned(request: AggregateRequest, label: string): void {
  for (const query of splitByBranch(request.measures, true))
    expect(planRollupQuery(request, query), `${label} ${query.branch}`).not.toBeNull();
}

/** Every report of the five, and the pivots, equal from the rollups and from the scan; the rows compared. */
async function expectRollupsEqualScan(db: Db): Promise<number> {
  let rows = 0;
  for (const filters of FILTERS) {
    for (const id of FIVE) {
      const label = `${id} ${JSON.stringify(filters)}`;
      expectPlanned(reportRequest(id, filters), label);
      const definition = findReport(id)!;
      const options = { filters, extraMeasures: basisMeasures(definition.measures), withCellKeys: true };
      const fromRollups = await runReport(db, definition, options);
      const fromFacts = await runReport(db, definition, { ...options, source: 'facts' });
      expect(fromRollups.rows, label).toEqual(fromFacts.rows);
      expect(fromRollups.totals, label).toEqual(fromFacts.totals);
      rows += fromRollups.rows.length;
    }
  }
  for (const { dimensions, measures, only } of PIVOTS) {
    const request: AggregateRequest = {
      measures,
      dimensions,
      filters: { years: ALL_YEARS, ...(only ? { only } : {}) },
      groupingSets: dimensions.length === 3 ? [[0, 1, 2], [0, 1], [0], []] : [[0, 1], [0], [1], []],
    };
    expectPlanned(request, dimensions.join());
    const fromRollups = await aggregate(db, request, { withCellKeys: true });
    rows += fromRollups.length;
    expect(fromRollups, dimensions.join()).toEqual(
      await aggregate(db, request, { source: 'facts', withCellKeys: true }),
    );
  }
  return rows;
}

/** As decide-appeal.ts writes it: the action with `appealOutcome`, and the dossier's new state. */
async function appeal(client: pg.PoolClient | pg.Pool, id: string, i: number, day: string): Promise<void> {
  const way = (['DECIDE_APPEAL', 'GRANT_ON_APPEAL', 'REOPEN_ON_APPEAL'] as const)[i % 3]!;
  const outcome = way === 'DECIDE_APPEAL' ? 'UPHELD' : 'OVERTURNED';
  await client.query(
    `INSERT INTO dossier_actions (dossier_id, action, actor, effective_on, details)
     VALUES ($1, 'APPEAL', 'EMPLOYER', $2::date - 20, '{}'),
            ($1, $3, 'SUPERVISOR', $2, jsonb_build_object('appealOutcome', $4::text, 'note', 'test'))`,
    [id, day, way, outcome],
  );
  const set = {
    DECIDE_APPEAL: "status = 'APPEAL_DECIDED'",
    GRANT_ON_APPEAL: `status = 'DECIDED_GRANTED', decided_on = '${day}',
      decision = jsonb_build_object('outcome', 'GRANTED', 'decidedOn', '${day}')`,
    REOPEN_ON_APPEAL: "status = 'IN_REVIEW', decided_on = NULL, decision = '{}'",
  }[way];
  await client.query(`UPDATE dossiers SET ${set}, version = version + 1 WHERE id = $1`, [id]);
}

async function idsWhere(pool: pg.Pool, where: string, limit: number): Promise<string[]> {
  const { rows } = await pool.query(`SELECT id FROM dossiers WHERE ${where} ORDER BY id LIMIT ${limit}`);
  return rows.map((row: { id: string }) => row.id);
}

/** Appeals on refusals, withdrawals of grants, inadmissible declarations: the five reports' facts. */
async function addIssue16Facts(pool: pg.Pool, offset: number): Promise<void> {
  const refused = await idsWhere(pool, "status = 'DECIDED_REFUSED' AND decided_on < '2026-05-01'", 30);
  for (const [i, id] of refused.slice(offset, offset + 9).entries()) await appeal(pool, id, i, '2026-06-15');
  const granted = await idsWhere(pool, "status = 'DECIDED_GRANTED'", 60);
  for (const id of granted.slice(offset, offset + 12))
    await pool.query("UPDATE dossiers SET status = 'REVOKED', version = version + 1 WHERE id = $1", [id]);
}

describe('the rollups of migration 0037, rebuilt from existing facts', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateTo(database.db, '0036_inspection_refusal_grounds');
    await writeDossiers(database.pool, generateDossiers({ count: 1500, seed: 37, until: HISTORY_UNTIL }), {
      batchSize: 500,
    });
    await addIssue16Facts(database.pool, 0);
    await database.pool.query('SELECT fold_pending_statistics()');
    expect(await migrateToLatest(database.db)).toContain('0037_statistics_rollups_issue16_rest');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('hold every fact the dossiers had before the migration', async () => {
    const { rows } = await database.pool.query(`
      SELECT (SELECT sum(revoked) FROM statistics_decision_counts WHERE breakdown = '')::int AS revoked,
             (SELECT count(*) FROM dossier_statistics WHERE outcome = 'GRANTED' AND status = 'REVOKED')::int AS revoked_facts,
             (SELECT sum(appeals_decided) FROM statistics_appeal_counts)::int AS appeals,
             (SELECT sum(inadmissible) FROM statistics_cohort_counts)::int AS inadmissible,
             (SELECT count(*) FROM dossier_statistics WHERE status = 'INADMISSIBLE')::int AS inadmissible_facts,
             (SELECT sum(granted) FROM statistics_profile_counts)::int AS profile_granted,
             (SELECT count(*) FROM dossier_statistics WHERE outcome = 'GRANTED')::int AS granted_facts`);
    const row = rows[0];
    expect(row.revoked).toBe(12);
    expect(row.revoked_facts).toBe(12);
    expect(row.appeals).toBe(9);
    expect(row.inadmissible).toBe(row.inadmissible_facts);
    expect(row.inadmissible).toBeGreaterThan(0);
    expect(row.profile_granted).toBe(row.granted_facts);
    expect(await expectRollupsEqualScan(database.db)).toBeGreaterThan(500);
  });
});

describe('the rollups of migration 0037 under new facts', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeDossiers(database.pool, generateDossiers({ count: 2000, seed: 41, until: HISTORY_UNTIL }), {
      batchSize: 500,
    });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('equal the scan for varied filters, before and after new facts are folded', async () => {
    expect(await expectRollupsEqualScan(database.db)).toBeGreaterThan(500);
    await addIssue16Facts(database.pool, 0);
    expect(await expectRollupsEqualScan(database.db)).toBeGreaterThan(500);
    const appeals = await runReport(database.db, findReport('appeals')!, { filters: { years: ALL_YEARS } });
    expect(appeals.totals).toEqual(expect.objectContaining({ appealsDecided: 9, appealsOverturned: 6 }));
    const revocations = await runReport(database.db, findReport('revocations')!, {
      filters: { years: ALL_YEARS },
    });
    expect(revocations.totals.revoked).toBe(12);
  });

  it('stay equal under concurrent transactions and concurrent folds', async () => {
    // Four writers, each in its own transaction: appeals, withdrawals, inadmissible declarations
    // and withdrawals undone (a withdrawal overturned), each folding right after its commit while
    // the others are still writing; a fifth is rolled back.
    const submitted = await idsWhere(database.pool, "status IN ('SUBMITTED', 'IN_REVIEW')", 8);
    const refused = await idsWhere(
      database.pool,
      "status = 'DECIDED_REFUSED' AND decided_on < '2026-05-01'",
      40,
    );
    const granted = await idsWhere(database.pool, "status = 'DECIDED_GRANTED'", 80);
    const revoked = await idsWhere(database.pool, "status = 'REVOKED'", 4);
    expect(revoked).toHaveLength(4);
    const writer = async (write: (client: pg.PoolClient) => Promise<void>, isCommitted = true) => {
      const client = await database.pool.connect();
      try {
        await client.query('BEGIN');
        await write(client);
        await client.query('SELECT pg_sleep(0.1)');
        await client.query(isCommitted ? 'COMMIT' : 'ROLLBACK');
        await client.query('SELECT fold_pending_statistics()');
      } finally {
        client.release();
      }
    };
    const update = (client: pg.PoolClient, set: string, ids: string[]) =>
      client.query(`UPDATE dossiers SET ${set}, version = version + 1 WHERE id = ANY($1::uuid[])`, [ids]);
    await Promise.all([
      writer(async (client) => {
        for (const [i, id] of refused.slice(20, 26).entries()) await appeal(client, id, i, '2026-07-01');
      }),
      writer((client) => update(client, "status = 'REVOKED'", granted.slice(40, 50)).then(() => undefined)),
      writer((client) =>
        update(client, "status = 'INADMISSIBLE'", submitted.slice(0, 4)).then(() => undefined),
      ),
      writer((client) =>
        update(client, "status = 'DECIDED_GRANTED'", revoked.slice(0, 2)).then(() => undefined),
      ),
      writer(
        (client) => update(client, "status = 'REVOKED'", granted.slice(60, 70)).then(() => undefined),
        false,
      ),
      aggregate(database.db, reportRequest('revocations', { years: ALL_YEARS })),
    ]);
    await expectRollupsEqualScan(database.db);
    const revocations = await runReport(database.db, findReport('revocations')!, {
      filters: { years: ALL_YEARS },
    });
    expect(revocations.totals.revoked).toBe(12 + 10 - 2);
    await expectReportsToMatchRecount(database, ALL_YEARS);
  });

  it('move the key sums when two outcomes swap within one cell in one fold', async () => {
    // One grant becomes a refusal and one refusal a grant, in the same decision cell and VKS level,
    // folded by one statement: the counts cancel out, the key sums do not.
    const { rows } = await database.pool.query(`
      SELECT g.dossier_id AS granted, r.dossier_id AS refused
      FROM dossier_statistics g JOIN dossier_statistics r USING
        (decided_year, category, province, kind, is_nurse, is_care_worker, vks)
      WHERE g.outcome = 'GRANTED' AND g.status = 'DECIDED_GRANTED' AND r.outcome = 'REFUSED'
        AND r.status = 'DECIDED_REFUSED' AND g.federal_outcome IS NULL AND r.federal_outcome IS NULL
        AND g.athlete_role IS NULL AND r.athlete_role IS NULL
      ORDER BY g.dossier_id, r.dossier_id LIMIT 1`);
    expect(rows).toHaveLength(1);
    const { granted, refused } = rows[0] as { granted: string; refused: string };
    await database.pool.query(
      `UPDATE dossiers SET version = version + 1,
         status = CASE WHEN id = $1 THEN 'DECIDED_REFUSED' ELSE 'DECIDED_GRANTED' END,
         decision = CASE WHEN id = $1
           THEN jsonb_build_object('outcome', 'REFUSED', 'reasonCodes', jsonb_build_array('SALARY_BELOW_THRESHOLD'))
           ELSE jsonb_build_object('outcome', 'GRANTED') END
       WHERE id IN ($1, $2)`,
      [granted, refused],
    );
    await expectRollupsEqualScan(database.db);
  });
});
