import { describe, expect, it } from 'vitest';
import {
  applyOccupation,
  filterChoices,
  ISCO_PATH,
  migrationListChoices,
  VKS_PATH,
} from './function-catalogues.ts';

const NURSE = { iscoCode: '2221', vks: { iscoSkillLevel: 4 as const, min: 6, max: 7, proposed: 6 } };

describe('choosing an occupation', () => {
  const paths = [ISCO_PATH, VKS_PATH];

  it('fills the ISCO code and the proposed level when none is given', () => {
    expect(applyOccupation({ [VKS_PATH]: '' }, paths, NURSE)).toEqual({
      values: { [ISCO_PATH]: '2221', [VKS_PATH]: '6' },
      filledVks: 6,
    });
  });

  it('keeps a level the employer chose within the proposed range, and replaces one outside it', () => {
    expect(applyOccupation({ [VKS_PATH]: '7' }, paths, NURSE).values[VKS_PATH]).toBe('7');
    expect(applyOccupation({ [VKS_PATH]: '3' }, paths, NURSE)).toMatchObject({ filledVks: 6 });
  });

  it('fills no level where the page does not ask for one', () => {
    expect(applyOccupation({}, [ISCO_PATH], NURSE)).toEqual({
      values: { [ISCO_PATH]: '2221' },
      filledVks: null,
    });
  });
});

describe('the migration-list choices', () => {
  const list = {
    version: 'v4',
    validFrom: '2026-01-01',
    entries: [
      { id: 'truck-driver', label: 'Vrachtwagenchauffeur' },
      { id: 'nurse', label: 'Verpleegkundige (algemene zorg)' },
      { id: 'welder', label: 'Lasser' },
    ],
    earlierEntries: [{ id: 'cook', label: 'Kok', lastListedIn: 'v3' }],
  };

  it('offers earlier functions only on a renewal', () => {
    expect(migrationListChoices(list, false).map((choice) => choice.id)).toEqual([
      'truck-driver',
      'nurse',
      'welder',
    ]);
    expect(migrationListChoices(list, true).map((choice) => choice.id)).toContain('cook');
  });

  it('filters by name ignoring accents and case, and lists everything for nothing typed', () => {
    expect(filterChoices(list.entries, 'VERPLÉEG').map((choice) => choice.id)).toEqual(['nurse']);
    expect(filterChoices(list.entries, 'chauffeur').map((choice) => choice.id)).toEqual(['truck-driver']);
    expect(filterChoices(list.entries, '  ')).toHaveLength(3);
  });
});
