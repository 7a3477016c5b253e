import { describe, expect, it } from 'vitest';
import { getDefaultRuleData } from '../rules/index.ts';
import { migrationListOptions } from './migration-list-options.ts';

describe('the migration list as the form offers it', () => {
  const versions = getDefaultRuleData().migrationList;

  it('offers the version in force on the application date, in the asked language, by name', () => {
    const options = migrationListOptions(versions, '2026-04-15', 'fr');
    const v4 = versions.find((version) => version.id === 'v4');
    expect(options.version).toBe('v4');
    expect(options.entries.map((entry) => entry.id).sort()).toEqual(v4?.entries.map((e) => e.id).sort());
    const labels = options.entries.map((entry) => entry.label);
    expect(labels).toContain("Conducteur d'engins de chantier (y compris grutier)");
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })));
  });

  it('follows the application date across versions and names what only earlier lists held', () => {
    const v3 = migrationListOptions(versions, '2025-12-31', 'nl');
    const v4 = migrationListOptions(versions, '2026-01-01', 'nl');
    expect(v3.version).toBe('v3');
    expect(v4.version).toBe('v4');
    const dropped = v3.entries.filter((entry) => !v4.entries.some((kept) => kept.id === entry.id));
    expect(dropped.length).toBeGreaterThan(0);
    for (const entry of dropped) {
      expect(v4.earlierEntries).toContainEqual({ ...entry, lastListedIn: 'v3' });
    }
  });

  it('offers nothing before the first list', () => {
    expect(migrationListOptions(versions, '2018-06-01', 'en')).toEqual({
      version: null,
      validFrom: null,
      entries: [],
      earlierEntries: [],
    });
  });
});
