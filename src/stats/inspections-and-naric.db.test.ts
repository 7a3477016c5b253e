import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { inspectionStatistics } from '../enforcement/inspection-stats.repo.ts';
import { aggregate } from './aggregate.ts';
import { TOTAL } from './dimensions.ts';
import { generateDossiers } from './generate/generate-dossiers.ts';
import { writeDossiers } from './generate/write-dossiers.ts';
import { basisMeasures, publishReport } from './open-data.ts';
import { runPivot } from './pivot.ts';
import { findReport } from './reports/index.ts';
import { runReport } from './reports/run-report.ts';
import { parseFilters } from './stats-query.ts';
import { yearsWithData } from './stats-years.repo.ts';
import { loadFacts, recount, reportAsMap } from './test-support/recount.ts';

/**
 * 003 q8 and policy note §2.10 d: the inspections report over generated dossiers and inspections
 * recorded as the enforcement capability records them (src/enforcement/enforcement.repo.ts), at
 * employers with valid grants, with expired ones, and at one Loket does not know. The report must
 * equal the brute-force recount (./test-support/inspection-recount.ts), and its open data be
 * perturbed with the same value in the report and in a pivot.
 */
const YEARS: [number, number] = [2019, 2026];
const ORIGINS = ['SIGNAL', 'REPORT', 'OTHER'] as const;
const OUTCOMES = ['NO_INFRINGEMENT', 'WARNING', 'FINE_PROPOSED', 'WITHDRAWAL_PROPOSED'] as const;
const UNKNOWN_EMPLOYER = '0999999995';

describe('the inspections (003 q8) and NARIC (004) reports', () => {
  let database: TestDatabase;
  let recorded = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeDossiers(database.pool, generateDossiers({ count: 1200, seed: 8, until: '2026-11-30' }), {
      batchSize: 1200,
    });
    // Employers with grants: each is inspected on a day inside one of its grants, and again after.
    const granted = await database.db
      .selectFrom('dossiers')
      .select(['enterprise_number', 'decision'])
      .where('status', '=', 'DECIDED_GRANTED')
      .orderBy('id')
      .limit(40)
      .execute();
    const rows = granted.flatMap((dossier, i) => {
      const { validFrom } = dossier.decision as { validFrom: string };
      const base = {
        enterprise_number: dossier.enterprise_number,
        origin: ORIGINS[i % 3]!,
        outcome: OUTCOMES[i % 4]!,
        fine_proposed_cents: i % 4 === 2 ? 100_000 : null,
        findings: '[]',
      };
      return [
        { ...base, inspected_on: validFrom },
        { ...base, outcome: OUTCOMES[(i + 1) % 4]!, inspected_on: '2026-11-20' },
      ];
    });
    rows.push({
      enterprise_number: UNKNOWN_EMPLOYER,
      origin: 'REPORT',
      outcome: 'NO_INFRINGEMENT',
      fine_proposed_cents: null,
      findings: '[]',
      inspected_on: '2025-03-03',
    });
    await database.db.insertInto('inspections').values(rows).execute();
    recorded = rows.length;
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('counts inspections and the workers with a valid grant at the employer as a recount does', async () => {
    const definition = findReport('q8Inspections')!;
    const expected = recount(await loadFacts(database), definition, YEARS);
    const actual = await reportAsMap(database, definition, YEARS);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, values] of expected) expect(actual.get(key), key).toEqual(values);
    const total = actual.get(`${TOTAL}|${TOTAL}|${TOTAL}`)!;
    expect(total.inspections).toBe(recorded);
    // Every first inspection falls on a grant's first day: at least one worker each.
    expect(total.inspectedWorkers).toBeGreaterThanOrEqual(40);
  });

  it('counts the NARIC files the register check read, per care profession and status (seed 004)', async () => {
    const dossiers = await database.db
      .selectFrom('dossiers')
      .select(['id'])
      .where('submitted_at', 'is not', null)
      .orderBy('id')
      .limit(30)
      .execute();
    const statuses = [
      { is_found: true, value: { status: 'RECEIVED', decision: null } },
      { is_found: true, value: { status: 'IN_TREATMENT', decision: null } },
      { is_found: true, value: { status: 'DECIDED', decision: 'EQUIVALENT' } },
      { is_found: true, value: { status: 'DECIDED', decision: 'REFUSED' } },
      { is_found: false, value: null },
    ];
    await database.db
      .insertInto('register_facts')
      .values(
        dossiers.map((dossier, i) => ({
          dossier_id: dossier.id,
          source: 'naric',
          subject: `recognition:N-${i}`,
          is_found: statuses[i % 5]!.is_found,
          value: JSON.stringify(statuses[i % 5]!.value),
          fetched_at: new Date('2026-01-05T10:00:00Z'),
          request_id: `test-${i}`,
        })),
      )
      .execute();
    const definition = findReport('naricRecognitions')!;
    const expected = recount(await loadFacts(database), definition, YEARS);
    const actual = await reportAsMap(database, definition, YEARS);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, values] of expected) expect(actual.get(key), key).toEqual(values);
    expect(actual.get(`${TOTAL}|${TOTAL}|${TOTAL}`)?.recognitions).toBe(30);
    const notFound = [...actual]
      .filter(([key]) => key.endsWith(`|${TOTAL}|NOT_FOUND`) && !key.startsWith(TOTAL))
      .reduce((n, [, values]) => n + Number(values.recognitions), 0);
    expect(notFound).toBe(6);
  });

  it('places an employer Loket has no dossier of in no province, and follows the province filter', async () => {
    const report = await runReport(database.db, findReport('q8Inspections')!, {
      filters: { years: YEARS, provinces: ['UNKNOWN'] },
    });
    expect(report.totals.inspections).toBeGreaterThanOrEqual(1);
    expect(report.totals.inspections).toBeLessThan(recorded);
  });

  it('publishes perturbed counts, the same in the report as in a pivot, small ones hidden', async () => {
    const definition = findReport('q8Inspections')!;
    const shown = [...definition.measures];
    const filters = { years: [2026, 2026] as [number, number] };
    const published = publishReport(
      await runReport(database.db, definition, {
        filters,
        extraMeasures: basisMeasures(shown),
        withCellKeys: true,
      }),
      shown,
    );
    for (const row of published.rows)
      for (const m of shown) {
        const value = row.values[m] ?? null;
        expect(value === null || value === 0 || value >= 5, `${JSON.stringify(row.key)} ${m}`).toBe(true);
      }
    expect(JSON.stringify(published)).not.toContain(':key');
    const pivot = await runPivot(
      database.db,
      { filters, rows: 'inspectionOrigin', columns: 'inspectionOutcome', measure: 'inspections' },
      { isOpenData: true },
    );
    for (const [r, origin] of pivot.rowKeys.entries())
      for (const [c, outcome] of pivot.columnKeys.entries()) {
        const row = published.rows.find(
          (x) =>
            x.key.year === '2026' && x.key.inspectionOrigin === origin && x.key.inspectionOutcome === outcome,
        );
        expect(pivot.cells[r]?.[c] ?? null, `${origin} ${outcome}`).toBe(row?.values.inspections ?? null);
      }
  });

  it('gives the same inspections per province on the enforcement page as in the statistics (q8)', async () => {
    for (const year of [2024, 2025, 2026]) {
      const page = await inspectionStatistics(database.db, { from: `${year}-01-01`, to: `${year}-12-31` });
      const fromPage = new Map<string, number>();
      for (const row of page) fromPage.set(row.province, (fromPage.get(row.province) ?? 0) + row.inspections);
      const stats = await aggregate(database.db, {
        measures: ['inspections'],
        dimensions: ['province'],
        filters: { years: [year, year] },
      });
      const fromStats = new Map(
        stats.filter((r) => r.key.province !== TOTAL).map((r) => [r.key.province, r.values.inspections]),
      );
      expect(Object.fromEntries(fromPage), String(year)).toEqual(Object.fromEntries(fromStats));
    }
    // The employer Loket holds no dossier of is in no province on both.
    const page = await inspectionStatistics(database.db, { from: '2025-03-03', to: '2025-03-03' });
    expect(page.map((row) => row.province)).toContain('UNKNOWN');
  });

  it('offers every year from the oldest inspection to the last figures, and accepts each of them', async () => {
    await database.db
      .insertInto('inspections')
      .values({
        enterprise_number: UNKNOWN_EMPLOYER,
        origin: 'OTHER',
        outcome: 'WARNING',
        fine_proposed_cents: null,
        findings: '[]',
        inspected_on: '2014-06-02',
      })
      .execute();
    const years = await yearsWithData(database.db, 2026);
    expect(years).toEqual(Array.from({ length: 13 }, (_, i) => 2014 + i));
    for (const year of years)
      expect(
        parseFilters({ from: String(year), to: String(year) }, 'en', { from: 2014, to: 2026 }).years,
      ).toEqual([year, year]);
    const report = await runReport(database.db, findReport('q8Inspections')!, {
      filters: { years: [2014, 2014] },
    });
    expect(report.totals.inspections).toBe(1);
  });
});
