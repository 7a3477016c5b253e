import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { MEASURES, type MeasureId, TOTAL } from './dimensions.ts';
import { generateDossiers } from './generate/generate-dossiers.ts';
import { writeDossiers } from './generate/write-dossiers.ts';
import { basisMeasures, publishReport } from './open-data.ts';
import { findReport, REPORTS } from './reports/index.ts';
import { runReport } from './reports/run-report.ts';
import { yearsWithData } from './stats-years.repo.ts';
import { expectReportsToMatchRecount, loadFacts, recount, reportAsMap } from './test-support/recount.ts';

/**
 * The reports of issue 16 over a history with appeals decided in each of the three ways (the
 * generator writes none): each report equals the brute-force recount from the raw dossiers and
 * their action log (./test-support/recount.ts), and its open data is perturbed like the others.
 * The appeals are written as decide-appeal.ts writes them: the action with `appealOutcome` in its
 * details, and the dossier's status, decision and decision day.
 */
const HISTORY_UNTIL = '2026-11-30';
const YEARS: [number, number] = [2019, 2026];
const APPEAL_DAY = '2026-06-15';

async function decideAppeals(database: TestDatabase): Promise<{ decided: number; overturned: number }> {
  const refused = await database.db
    .selectFrom('dossiers')
    .select(['id', 'version', 'decision'])
    .where('status', '=', 'DECIDED_REFUSED')
    .where('decided_on', '<', '2026-05-01')
    .orderBy('id')
    .limit(12)
    .execute();
  expect(refused).toHaveLength(12);
  let overturned = 0;
  for (const [i, dossier] of refused.entries()) {
    const way = (['DECIDE_APPEAL', 'GRANT_ON_APPEAL', 'REOPEN_ON_APPEAL'] as const)[i % 3]!;
    const appealOutcome = way === 'DECIDE_APPEAL' ? 'UPHELD' : 'OVERTURNED';
    if (appealOutcome === 'OVERTURNED') overturned++;
    const appeal = { outcome: appealOutcome, decidedOn: APPEAL_DAY };
    const refusal = dossier.decision as Record<string, unknown>;
    const patch = {
      DECIDE_APPEAL: { status: 'APPEAL_DECIDED', decision: { ...refusal, appeal } },
      GRANT_ON_APPEAL: {
        status: 'DECIDED_GRANTED',
        decided_on: APPEAL_DAY,
        decision: { outcome: 'GRANTED', decidedOn: APPEAL_DAY, appeal: { ...appeal, refusal } },
      },
      REOPEN_ON_APPEAL: {
        status: 'IN_REVIEW',
        decided_on: null,
        decision: { appeal: { ...appeal, refusal } },
      },
    }[way];
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('dossier_actions')
        .values([
          {
            dossier_id: dossier.id,
            action: 'APPEAL',
            actor: 'EMPLOYER',
            effective_on: '2026-05-20',
            details: {},
          },
          {
            dossier_id: dossier.id,
            action: way,
            actor: 'SUPERVISOR',
            effective_on: APPEAL_DAY,
            details: { appealOutcome, followUp: null, note: 'test' },
          },
        ])
        .execute();
      await trx
        .updateTable('dossiers')
        .set({ ...patch, version: dossier.version + 2 })
        .where('id', '=', dossier.id)
        .execute();
    });
  }
  return { decided: refused.length, overturned };
}

/** Hands ten admissible dossiers over as federal-handover.ts does: the outbox row sent, the dossier marked. */
async function handOver(database: TestDatabase): Promise<number> {
  const admissible = await database.db
    .selectFrom('dossiers')
    .select(['id', 'version', 'admissible_on'])
    .where('admissible_on', '>=', '2025-01-01')
    .where('admissible_on', '<', '2026-11-01')
    .orderBy('id')
    .limit(10)
    .execute();
  expect(admissible).toHaveLength(10);
  for (const [i, dossier] of admissible.entries()) {
    // 10:00 in Brussels, i days after admissibility (23:30 UTC would be the next Brussels day).
    const sentAt = new Date(`${dossier.admissible_on}T09:00:00Z`);
    sentAt.setUTCDate(sentAt.getUTCDate() + i);
    await database.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('federal_outbox')
        .values({ dossier_id: dossier.id, idempotency_key: `handover-test-${i}`, payload: {} })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('federal_outbox')
        .set({ status: 'SENT', sent_at: sentAt, receipt_id: `R-${i}`, attempts: 1 })
        .where('id', '=', id)
        .execute();
      await trx
        .updateTable('dossiers')
        .set({ federal_receipt_id: `R-${i}`, version: dossier.version + 1 })
        .where('id', '=', dossier.id)
        .execute();
    });
  }
  return admissible.length;
}

describe('the reports of issue 16', () => {
  let database: TestDatabase;
  let appeals: { decided: number; overturned: number };
  let handedOver: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeDossiers(database.pool, generateDossiers({ count: 1500, seed: 31, until: HISTORY_UNTIL }), {
      batchSize: 1500,
    });
    appeals = await decideAppeals(database);
    handedOver = await handOver(database);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('name their sources and definitions in each language, as every report does', () => {
    for (const definition of REPORTS)
      for (const lang of ['nl', 'fr', 'en'] as const)
        expect(definition.definitions?.[lang], `${definition.id} ${lang}`).toMatch(/\S{3,}/);
  });

  it('count appeals and overturned refusals per year and category as the action log does', async () => {
    const definition = findReport('appeals')!;
    const expected = recount(await loadFacts(database), definition, YEARS);
    const actual = await reportAsMap(database, definition, YEARS);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, values] of expected) expect(actual.get(key), key).toEqual(values);
    const total = actual.get(`${TOTAL}|${TOTAL}`)!;
    expect(total.appealsDecided).toBe(appeals.decided);
    expect(total.appealsOverturned).toBe(appeals.overturned);
    expect(actual.get(`2026|${TOTAL}`)?.appealsDecided).toBe(appeals.decided);
  });

  it('count the hand-overs to the Immigration Office and their delay as the outbox does', async () => {
    const definition = findReport('q7Handover')!;
    const expected = recount(await loadFacts(database), definition, YEARS);
    const actual = await reportAsMap(database, definition, YEARS);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, values] of expected) expect(actual.get(key), key).toEqual(values);
    const total = actual.get(`${TOTAL}|${TOTAL}`)!;
    expect(total.handedOver).toBe(handedOver);
    expect(total.handoverMedianDays).toBe(4.5); // 0, 1, …, 9 days
  });

  it('keep every report equal to the recount once refusals are overturned', async () => {
    await expectReportsToMatchRecount(database, YEARS);
  });

  it('give every step of the lead time, and the share by diploma, real figures', async () => {
    const q6 = await runReport(database.db, findReport('q6Total')!, { filters: { years: YEARS } });
    for (const measure of ['admissibilityLeadMedianDays', 'totalLeadMedianDays', 'totalLeadP90Days'])
      expect(q6.totals[measure], measure).toBeGreaterThan(0);
    // The whole is at least each of its parts.
    expect(q6.totals.totalLeadMedianDays).toBeGreaterThanOrEqual(q6.totals.regionalLeadMedianDays as number);
    const q1 = await runReport(database.db, findReport('q1HighlyQualified')!, { filters: { years: YEARS } });
    expect(q1.totals.highlyQualifiedShare).toBeGreaterThan(0);
    expect(q1.totals.highlyQualifiedShare).toBeLessThan(1);
  });

  it('publish every report as open data with every count perturbed and small ones hidden', async () => {
    for (const definition of REPORTS) {
      const shown = definition.measures as MeasureId[];
      const full = await runReport(database.db, definition, {
        filters: { years: YEARS },
        extraMeasures: basisMeasures(shown),
        withCellKeys: true,
      });
      const published = publishReport(full, shown);
      const counts = published.rows.flatMap((row) =>
        shown.filter((m) => MEASURES[m].isAdditive).map((m) => row.values[m] ?? null),
      );
      expect(
        counts.filter((v) => v !== null && v > 0 && v < 5),
        definition.id,
      ).toEqual([]);
      expect(JSON.stringify(published), definition.id).not.toContain(':key');
    }
    const appealsPublished = publishReport(
      await runReport(database.db, findReport('appeals')!, { filters: { years: YEARS }, withCellKeys: true }),
      ['refused', 'appealsDecided', 'appealsOverturned'],
    );
    // Twelve appeals spread over categories: the small cells are hidden, not shown exactly.
    expect(appealsPublished.rows.some((row) => row.suppressed?.includes('appealsDecided'))).toBe(true);
  });

  it('offer in the year pickers only the years that hold figures, never a year after today', async () => {
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
    // A clock years ahead of the last dossier still offers no empty year after it.
    expect(await yearsWithData(database.db, 2030)).toEqual(years);
    // And a clock before the history's end offers nothing after its own year.
    expect(await yearsWithData(database.db, 2024)).toEqual(years.slice(0, 6));
  });
});
