import { describe, expect, it } from 'vitest';
import { occupationIndex } from './occupation-catalogue.ts';
import { buildOccupationIndex, searchOccupations } from './occupation-search.ts';
import { foldText, matchRank, queryWords } from './search-text.ts';

describe('folding text for search', () => {
  it('ignores case, accents, ligatures, soft hyphens and punctuation', () => {
    expect(foldText('Infirmière de soins généraux/INFIRMIER')).toBe('infirmiere de soins generaux infirmier');
    expect(foldText('Chef-cœur Ærø')).toBe('chef coeur aero');
    expect(foldText('rand\u00adap\u00adpa\u00adra\u00adtuur')).toBe('randapparatuur');
    expect(queryWords('  ,, ')).toEqual([]);
  });

  it('ranks a whole label over its start, whole words, word starts and text inside words', () => {
    const words = queryWords('nurse');
    expect(matchRank('nurse', words)).toBe(0);
    expect(matchRank('nurse assistant', words)).toBe(1);
    expect(matchRank('specialist nurse', words)).toBe(2);
    expect(matchRank('nursery school head teacher', words)).toBe(3);
    expect(matchRank('dry nurses', queryWords('urse'))).toBe(4);
    expect(matchRank('head teacher', words)).toBeNull();
  });
});

describe('searching the ESCO occupations', () => {
  const index = occupationIndex();
  const labels = (query: string, lang: 'nl' | 'fr' | 'en', limit = 10) =>
    searchOccupations(index, query, lang, limit).map((match) => match.label);

  it('reads every occupation of the export in each language', () => {
    expect(index.nl).toHaveLength(3010);
    expect(index.fr).toHaveLength(3010);
    expect(index.en).toHaveLength(3010);
  });

  it('finds the nurse occupations (ISCO 2221) first for "Verpleegkundige"', () => {
    const results = searchOccupations(index, 'Verpleegkundige', 'nl', 10);
    expect(results.slice(0, 3).map((match) => match.iscoCode)).toEqual(['2221', '2221', '2221']);
    expect(results.map((match) => match.label)).toContain('algemeen verpleegkundige');
    // Compounds and other names follow: the animal nurse, then occupations known by another name.
    expect(results.map((match) => match.label)).toContain('dierenverpleegkundige');
    expect(results.every((match) => match.labelLang === 'nl')).toBe(true);
  });

  it('is accent- and case-insensitive in French', () => {
    const plain = labels('INFIRMIERE de soins generaux', 'fr');
    expect(plain[0]).toBe('infirmier de soins généraux/infirmière de soins généraux');
    expect(labels('infirmière DE SOINS généraux', 'fr')).toEqual(plain);
  });

  it('answers in English with English labels, and names the other name it matched', () => {
    const results = searchOccupations(index, 'nurse', 'en', 20);
    expect(results.map((match) => match.label)).toContain('nurse responsible for general care');
    const viaAltLabel = searchOccupations(index, 'wire drawer', 'en', 5).find(
      (match) => match.label === 'metal drawing machine operator',
    );
    expect(viaAltLabel?.matchedAltLabel).toBe('wire drawer');
  });

  it('searches by ISCO-08 code prefix when only digits are typed', () => {
    const results = searchOccupations(index, '2221', 'nl', 50);
    expect(results.length).toBe(3);
    expect(results.every((match) => match.iscoCode === '2221')).toBe(true);
    expect(searchOccupations(index, '22', 'nl', 50).every((match) => match.iscoCode.startsWith('22'))).toBe(
      true,
    );
  });

  it('proposes the function level with every match', () => {
    const [nurse] = searchOccupations(index, 'algemeen verpleegkundige', 'nl', 1);
    expect(nurse?.vks).toEqual({ iscoSkillLevel: 4, min: 6, max: 7, proposed: 6 });
  });

  it('keeps to the limit and finds nothing for nothing', () => {
    expect(searchOccupations(index, 'a', 'nl', 7)).toHaveLength(7);
    expect(searchOccupations(index, ' - ', 'nl')).toEqual([]);
    expect(searchOccupations(index, 'xqzvwk', 'nl')).toEqual([]);
  });

  it('shows an occupation ESCO has no label for in the asked language in another, marked as such', () => {
    const small = buildOccupationIndex([
      { id: 'x', iscoCode: '9112', labels: { nl: 'schoonmaker' }, altLabels: { nl: [], en: [] } },
    ]);
    expect(searchOccupations(small, 'schoon', 'fr')).toEqual([
      expect.objectContaining({ label: 'schoonmaker', labelLang: 'nl', iscoCode: '9112' }),
    ]);
  });
});
