import { describe, expect, it } from 'vitest';
import { deriveStatus } from '../../dossiers/lifecycle/dossier-lifecycle.ts';
import { isValidEnterpriseNumber } from '../../rules/identifiers/enterprise-number.ts';
import { ApplicationSchema } from '../../rules/schema/application-schema.ts';
import { compileValidator } from '../../validation/compile-validator.ts';
import { TOTAL_APPLICATIONS, YEARLY_APPLICATIONS } from './calibration.ts';
import { careSpecials, generateDossiers, yearCounts } from './generate-dossiers.ts';

describe('generateDossiers', () => {
  const dossiers = [...generateDossiers({ count: 5000, seed: 3 })];

  it('is reproducible from its seed and differs with another seed', () => {
    const again = [...generateDossiers({ count: 5000, seed: 3 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(dossiers));
    const other = [...generateDossiers({ count: 50, seed: 4 })];
    expect(other[0]?.id).not.toBe(dossiers[0]?.id);
  });

  it('gives every dossier a status that its action log replays to', () => {
    for (const dossier of dossiers) {
      const log = dossier.actions.map((a) => ({ action: a.action, by: a.actor, on: a.on }));
      expect(deriveStatus(log)).toBe(dossier.status);
      expect(dossier.actions.map((a) => a.on)).toEqual([...dossier.actions.map((a) => a.on)].sort());
    }
  });

  it('writes applications the application schema accepts, with valid enterprise numbers', () => {
    const validate = compileValidator(ApplicationSchema);
    for (const dossier of dossiers.slice(0, 500)) {
      const result = validate(dossier.application);
      expect(result.ok ? [] : result.errors, JSON.stringify(dossier.application)).toEqual([]);
      expect(isValidEnterpriseNumber(dossier.enterpriseNumber)).toBe(true);
    }
  });

  it('keeps the published yearly shape, scaled to the count asked', () => {
    const counts = yearCounts(1_000_000);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(1_000_000);
    const factor = 1_000_000 / TOTAL_APPLICATIONS;
    expect(counts.get(2023)).toBeCloseTo((YEARLY_APPLICATIONS[2023] ?? 0) * factor, -1);
    expect(counts.get(2023)! / counts.get(2019)!).toBeCloseTo(22_746 / 10_649, 2);
  });

  it("reserves seed 004's nurses and care workers, India first", () => {
    const specials = careSpecials(2022, TOTAL_APPLICATIONS);
    expect(specials.filter((s) => s.profession === 'NURSE')).toHaveLength(137);
    expect(specials.filter((s) => s.profession === 'CARE_WORKER')).toHaveLength(220);
    expect(specials.filter((s) => s.profession === 'CARE_WORKER' && s.nationality === 'IN')).toHaveLength(
      186,
    );
  });
});
