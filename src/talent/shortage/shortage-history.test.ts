import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import { shortageHistory, shortageHistoryCsv } from './shortage-history.ts';

/** Seed 000 q3: the shortage lists since 2014 and their evolution per two years, as data and as CSV. */
describe('shortage lists over time', () => {
  const versions = getDefaultRuleData().migrationList;

  it('gives every version its legal act, dates and size, and a checkpoint every two years from 2014', () => {
    const history = shortageHistory(versions, 'nl', '2026-12-02');
    expect(history.versions.map((v) => [v.version, v.validFrom, v.validUntil])).toEqual([
      ['v1', '2019-01-01', '2021-03-31'],
      ['v2', '2021-04-01', '2023-08-31'],
      ['v3', '2023-09-01', '2025-12-31'],
      ['v4', '2026-01-01', null],
    ]);
    expect(history.versions[0]?.legalAct).toContain('19 december 2018');
    expect(history.checkpoints.map((c) => [c.year, c.version, c.functions, c.vdabFunctions])).toEqual([
      [2014, null, null, null],
      [2016, null, null, null],
      [2018, null, null, 158],
      [2020, 'v1', 16, 188],
      [2022, 'v2', 20, 207],
      [2024, 'v3', 28, 241],
      [2026, 'v4', 22, 227],
    ]);
    const [, , , first, second, third] = history.checkpoints;
    // The first list: every function is new. V2 added four and removed none; V3 removed three (MB 1 Sep 2023).
    expect(first?.added).toHaveLength(16);
    expect(second?.added.map((f) => f.id).sort()).toEqual(
      ['baker-pastry-chef', 'cnc-operator', 'electrical-electronic-assembler', 'rigger-fitter'].sort(),
    );
    expect(second?.removed).toEqual([]);
    expect(third?.removed.map((f) => f.id).sort()).toEqual(
      ['chef', 'datacom-network-installer', 'rigger-fitter'].sort(),
    );
  });

  it('writes the evolution as CSV in the reader language, Loket dialect', () => {
    const csv = shortageHistoryCsv(shortageHistory(versions, 'fr', '2026-12-02'), 'fr');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('année;date;liste de migration;base juridique;fonctions')).toBe(true);
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe('2014;2014-01-01;;;;;;;;');
    expect(lines[4]?.startsWith('2020;2020-01-01;v1;')).toBe(true);
  });

  describe('the route', () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    beforeAll(async () => {
      ({ app } = await createTestApp(null, {}, { now: () => new Date('2026-12-02T09:00:00Z') }));
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers anyone, as JSON or as a CSV download', async () => {
      const json = await app.inject({ method: 'GET', url: '/api/v1/talent/shortage-history?lang=en' });
      expect(json.statusCode).toBe(200);
      expect(json.json().checkpoints).toHaveLength(7);
      const csv = await app.inject({
        method: 'GET',
        url: '/api/v1/talent/shortage-history?format=csv&lang=en',
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toContain('shortage-lists-2026-12-02-en.csv');
      expect(csv.body.startsWith('\uFEFFyear,date,migration list')).toBe(true);
    });

    it('names the field and rule of a bad query', async () => {
      const bad = await app.inject({ method: 'GET', url: '/api/v1/talent/shortage-history?format=xml' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('format');
    });
  });
});
