import { describe, expect, it } from 'vitest';
import { deriveStatus } from '../../dossiers/lifecycle/dossier-lifecycle.ts';
import { isValidEnterpriseNumber } from '../../rules/identifiers/enterprise-number.ts';
import { ApplicationSchema } from '../../rules/schema/application-schema.ts';
import { compileValidator } from '../../validation/compile-validator.ts';
import { TOTAL_APPLICATIONS, YEARLY_APPLICATIONS } from './calibration.ts';
import { generateDossiers } from './generate-dossiers.ts';
import { careSpecials, yearCounts } from './volumes.ts';

/** A fixed last day, so that the history (and every figure tested on it) does not move with the calendar. */
const HISTORY_UNTIL = '2026-11-30';

describe('generateDossiers', () => {
  const dossiers = [...generateDossiers({ count: 5000, seed: 3, until: HISTORY_UNTIL })];

  it('is reproducible from its seed and differs with another seed', () => {
    const again = [...generateDossiers({ count: 5000, seed: 3, until: HISTORY_UNTIL })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(dossiers));
    const other = [...generateDossiers({ count: 50, seed: 4, until: HISTORY_UNTIL })];
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
    const counts = yearCounts(1_000_000, '2028-12-31');
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(1_000_000);
    const factor = 1_000_000 / TOTAL_APPLICATIONS;
    expect(counts.get(2023)).toBeCloseTo((YEARLY_APPLICATIONS[2023] ?? 0) * factor, -1);
    expect(counts.get(2023)! / counts.get(2019)!).toBeCloseTo(22_746 / 10_649, 2);
    // Up to a day in the year: the year so far, in proportion to its days.
    const soFar = yearCounts(100_000, '2026-07-01');
    expect(Math.max(...soFar.keys())).toBe(2026);
    expect(soFar.get(2026)! / soFar.get(2025)!).toBeCloseTo((17_000 / 19_500) * (182 / 365), 2);
  });

  it('never runs past its last day: no submission, step or decision after it', () => {
    const until = '2026-03-15';
    for (const dossier of generateDossiers({ count: 3000, seed: 5, until })) {
      expect(dossier.submittedAt.slice(0, 10) <= until).toBe(true);
      for (const action of dossier.actions) expect(action.on <= until, action.action).toBe(true);
      for (const day of [dossier.admissibleOn, dossier.decidedOn, dossier.federalDecidedOn]) {
        if (day) expect(day <= until).toBe(true);
      }
      // The submission date is the day of the SUBMIT action.
      expect(dossier.actions[0]?.on).toBe(dossier.submittedAt.slice(0, 10));
    }
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
