import { describe, expect, it } from 'vitest';
import { DISTANCE_POINTS, distanceFit } from './matching.ts';
import { distanceRuns, languageTerms } from './ranking-terms.ts';

describe('ranking terms for PostgreSQL', () => {
  it('gives every Belgian postal code the distance points the scorer gives it', () => {
    for (const vacancy of ['9000', '1000', '4700', '3500', '8500', '1500']) {
      const runs = distanceRuns(vacancy);
      expect(runs[0]?.from).toBe(1000);
      expect(runs.at(-1)?.to).toBe(9999);
      for (let code = 1000; code <= 9999; code++) {
        const run = runs.find((r) => code >= r.from && code <= r.to);
        expect(run?.points).toBe(
          DISTANCE_POINTS[distanceFit(vacancy, { circle: 'BELGIUM', postalCode: String(code) })],
        );
      }
      // Few runs: the SQL CASE stays short.
      expect(runs.length).toBeLessThan(20);
    }
  });

  it('credits a language in full from the level asked, by half one level below', () => {
    expect(languageTerms([{ lang: 'nl', level: 'B1' }])).toEqual([
      { lang: 'nl', fullCredit: ['B1', 'B2', 'C1', 'C2'], halfCredit: 'A2' },
    ]);
    expect(languageTerms([{ lang: 'fr', level: 'A1' }])[0]?.halfCredit).toBeNull();
  });
});
