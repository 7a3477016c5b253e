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

  it('names each function by its ISCO group and ESCO occupation, in the reader language where it can', () => {
    const nl = shortageHistory(versions, 'nl', '2026-12-02');
    expect(nl.functions).toHaveLength(34);
    expect(nl.functions.find((f) => f.id === 'truck-driver')?.versions).toEqual(['v1', 'v2', 'v3']);
    const vehicle = nl.functions.find((f) => f.id === 'vehicle-technician');
    expect(vehicle).toMatchObject({
      label: 'Technicus voertuigen',
      isco: '7231',
      iscoName: 'Motor vehicle mechanics and repairers',
      iscoNameLang: 'en',
      esco: '4ad4024e-d1d3-4dea-b6d1-2c7948111dce',
      escoLabel: 'automonteur',
      escoLabelLang: 'nl',
    });
    const fr = shortageHistory(versions, 'fr', '2026-12-02');
    expect(fr.functions.find((f) => f.id === 'vehicle-technician')).toMatchObject({
      iscoNameLang: 'fr',
    });
    expect(fr.functions.find((f) => f.id === 'pipefitter')).toMatchObject({
      isco: '7126',
      esco: null,
      escoFit: 'none',
    });
  });

  it('explains what "changed" means from one list to the next, before → after', () => {
    const history = shortageHistory(versions, 'nl', '2026-12-02');
    const last = history.checkpoints.at(-1);
    // V4 (2026) keeps most V3 functions, reconstructed from secondary sources: no longer checked in the act.
    expect(last?.changed.length).toBeGreaterThan(0);
    for (const f of last?.changed ?? []) {
      expect(f.what).toEqual(['unverified']);
      expect(f.before).toEqual(f.after);
    }
    expect(history.checkpoints.find((c) => c.year === 2022)?.changed).toEqual([]);
  });

  it('shows public texts only: no project files, no English remarks on a Dutch page', () => {
    const nl = shortageHistory(versions, 'nl', '2026-12-02');
    const text = JSON.stringify({ versions: nl.versions, vdab: nl.vdabSizes, source: nl.vdabSource });
    expect(text).not.toMatch(/reference|\.md|§3|not found|research/i);
    expect(nl.versions.at(-1)?.legalAct).toBe(
      'Ministerieel besluit over de migratielijst, in werking op 1 januari 2026',
    );
    expect(nl.vdabSizes.find((s) => s.year === 2025)?.note).toBe('gepubliceerd op 1 februari 2025');
  });

  it('writes the evolution as CSV in the reader language, Loket dialect', () => {
    const csv = shortageHistoryCsv(shortageHistory(versions, 'fr', '2026-12-02'), 'fr');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('année;date;liste de migration;base juridique;fonctions')).toBe(true);
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe('2014;2014-01-01;;;;;;;;;;');
    expect(lines[4]?.startsWith('2020;2020-01-01;v1;')).toBe(true);
    // The functions carry their codes; the changes say what changed.
    expect(lines[4]).toContain('(ISCO 8332; ESCO http://data.europa.eu/esco/occupation/45037d43-');
    expect(lines[7]).toContain('non vérifiée dans l');
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
