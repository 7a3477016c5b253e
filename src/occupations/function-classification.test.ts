import { describe, expect, it } from 'vitest';
import { loadRuleData } from '../rules/data/load-rule-data.ts';
import { classifyFunction, findIscoGroup, unknownCodes } from './function-classification.ts';

const versions = loadRuleData().migrationList;

describe('the classification of the migration list (every version in rules/migration-list)', () => {
  it('names only ISCO groups and ESCO occupations that exist in the shipped CSVs, and consistently', () => {
    const problems = versions.flatMap((version) =>
      version.entries.flatMap((entry) => unknownCodes(entry).map((p) => `${version.id} ${entry.id}: ${p}`)),
    );
    expect(problems).toEqual([]);
  });

  it('gives every entry a 4-digit ISCO unit group, and an ESCO occupation or an explicit escoFit: none', () => {
    for (const version of versions) {
      for (const entry of version.entries) {
        expect(entry.isco, `${version.id} ${entry.id}`).toMatch(/^[0-9]{4}$/);
        expect(Boolean(entry.esco) !== Boolean(entry.escoFit), `${version.id} ${entry.id}`).toBe(true);
      }
    }
  });

  it('classifies a function the same way in every version that lists it', () => {
    const seen = new Map<string, string>();
    for (const version of versions) {
      for (const entry of version.entries) {
        const codes = `${entry.isco}/${entry.esco ?? entry.escoFit}`;
        expect(seen.get(entry.id) ?? codes, `${version.id} ${entry.id}`).toBe(codes);
        seen.set(entry.id, codes);
      }
    }
  });

  it('catches a code that is not in the CSVs and an occupation outside its ISCO group', () => {
    expect(unknownCodes({ isco: '9999' })).toEqual(['ISCO 9999 is not in isco-groups.csv']);
    expect(unknownCodes({ esco: '00000000-0000-0000-0000-000000000000' })).toHaveLength(1);
    expect(unknownCodes({ isco: '8331', esco: '45037d43-a8f5-4f46-b332-b2935bc305f4' })).toEqual([
      'ESCO 45037d43-a8f5-4f46-b332-b2935bc305f4 belongs to ISCO 8332, not 8331',
    ]);
  });
});

describe('classifyFunction', () => {
  it('names the ISCO group in French, and in English for a Dutch reader (the export has no Dutch)', () => {
    const codes = { isco: '8332', esco: '45037d43-a8f5-4f46-b332-b2935bc305f4' };
    expect(classifyFunction(codes, 'fr')).toMatchObject({
      iscoName: findIscoGroup('8332')?.fr,
      iscoNameLang: 'fr',
      escoLabelLang: 'fr',
    });
    expect(classifyFunction(codes, 'nl')).toMatchObject({
      isco: '8332',
      iscoName: 'Heavy truck and lorry drivers',
      iscoNameLang: 'en',
      escoLabel: 'vrachtwagenchauffeur',
      escoLabelLang: 'nl',
    });
  });

  it('says where no ESCO occupation fits and where nothing is classified', () => {
    expect(classifyFunction({ isco: '7126', escoFit: 'none' }, 'en')).toMatchObject({
      esco: null,
      escoLabel: null,
      escoFit: 'none',
    });
    expect(classifyFunction({}, 'en')).toMatchObject({ isco: null, iscoName: null, escoFit: null });
  });
});
