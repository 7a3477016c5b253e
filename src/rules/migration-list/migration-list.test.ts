import { describe, expect, it } from 'vitest';
import { diffMigrationListVersions, listMigrationListVersion } from '../index.ts';

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id).sort();

describe('migration list versions', () => {
  it('finds a version by id in any spelling and by date', () => {
    expect(listMigrationListVersion('v2').validFrom).toBe('2021-04-01');
    expect(listMigrationListVersion('V3').id).toBe('v3');
    expect(listMigrationListVersion(4).id).toBe('v4');
    expect(listMigrationListVersion('2021-03-31').id).toBe('v1');
    expect(listMigrationListVersion('2021-04-01').id).toBe('v2');
    expect(listMigrationListVersion('2025-12-31').id).toBe('v3');
    expect(listMigrationListVersion('2026-01-01').id).toBe('v4');
  });

  it('says which versions exist when asked for one that does not', () => {
    expect(() => listMigrationListVersion('v9')).toThrow(/known: v1 \(from 2019-01-01\), v2/);
    expect(() => listMigrationListVersion('2018-12-31')).toThrow(/No migration list version/);
  });

  it('carries its legal act and labels in nl, fr and en for every entry', () => {
    const v3 = listMigrationListVersion('v3');
    expect(v3.legalAct).toMatch(/1 september 2023/);
    for (const entry of v3.entries) expect(Object.keys(entry.labels).sort()).toEqual(['en', 'fr', 'nl']);
  });
});

describe('diffMigrationListVersions', () => {
  it('V1 → V2 adds four functions and removes none', () => {
    const diff = diffMigrationListVersions('v1', 'v2');
    expect(ids(diff.added)).toEqual([
      'baker-pastry-chef',
      'cnc-operator',
      'electrical-electronic-assembler',
      'rigger-fitter',
    ]);
    expect(diff.removed).toEqual([]);
    expect(diff.kept).toHaveLength(16);
  });

  it('V2 → V3 removes chef, datacom network installer and rigger-fitter', () => {
    const diff = diffMigrationListVersions('v2', 'v3');
    expect(ids(diff.removed)).toEqual(['chef', 'datacom-network-installer', 'rigger-fitter']);
    expect(diff.added.map((e) => e.id)).toContain('bricklayer');
    expect(diff.added).toHaveLength(11);
  });

  it('V3 → V4 adds back the datacom network installer and drops the drivers', () => {
    const diff = diffMigrationListVersions('v3', 'v4');
    expect(ids(diff.added)).toEqual([
      'asbestos-remover',
      'chemical-process-operator',
      'datacom-network-installer',
      'diamond-cutter',
    ]);
    expect(ids(diff.removed)).toEqual(
      expect.arrayContaining(['truck-driver', 'bus-driver', 'coach-driver', 'butcher', 'lift-installer']),
    );
    expect(diff.kept.map((e) => e.id)).toContain('care-worker');
  });

  it('is symmetric: added one way is removed the other, kept is the same set', () => {
    for (const [a, b] of [
      ['v1', 'v4'],
      ['v2', 'v3'],
      ['v1', 'v3'],
    ] as const) {
      const forward = diffMigrationListVersions(a, b);
      const backward = diffMigrationListVersions(b, a);
      expect(ids(forward.added)).toEqual(ids(backward.removed));
      expect(ids(forward.removed)).toEqual(ids(backward.added));
      expect(ids(forward.kept)).toEqual(ids(backward.kept));
    }
  });

  it('accepts dates as well as ids', () => {
    expect(diffMigrationListVersions('2020-06-01', '2026-06-01')).toMatchObject({ from: 'v1', to: 'v4' });
  });
});
