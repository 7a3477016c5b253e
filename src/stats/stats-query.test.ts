import { describe, expect, it } from 'vitest';
import { LoketError } from '../server/errors.ts';
import { MEASURES } from './dimensions.ts';
import { DIMENSION_IDS, dimensionsForMeasure, MEASURE_BRANCHES, MEASURE_IDS } from './stats-ids.ts';
import {
  checkOpenDataFilters,
  checkReportFilters,
  parseAggregateQuery,
  parseFilters,
  parsePivotQuery,
} from './stats-query.ts';

const DEFAULTS = { from: 2019, to: 2026 };

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof LoketError) return error.fields.map((f) => `${f.path}:${f.rule}`);
    throw error;
  }
  return [];
}

describe('statistics parameters', () => {
  it('fills in the default years and keeps known filter values', () => {
    expect(parseFilters({ categories: 'HIGHLY_SKILLED,EU_BLUE_CARD' }, 'nl', DEFAULTS)).toEqual({
      years: [2019, 2026],
      categories: ['HIGHLY_SKILLED', 'EU_BLUE_CARD'],
    });
  });

  it('names each bad parameter, all at once', () => {
    expect(
      fieldsOf(() => parseFilters({ from: '2013', to: '2101', provinces: 'BRABANT' }, 'en', DEFAULTS)),
    ).toEqual(['query.from:yearRange', 'query.to:yearRange', 'query.provinces:unknownValue']);
    expect(fieldsOf(() => parseFilters({ from: '2025', to: '2020' }, 'en', DEFAULTS))).toEqual([
      'query.from:yearOrder',
    ]);
    expect(
      fieldsOf(() => parseAggregateQuery({ dimensions: 'year,category,province,sex' }, 'en', DEFAULTS)),
    ).toEqual(['query.dimensions:tooManyDimensions']);
    expect(fieldsOf(() => parsePivotQuery({ rows: 'year', columns: 'year' }, 'en', DEFAULTS))).toEqual([
      'query.columns:sameDimension',
    ]);
    expect(
      fieldsOf(() => parsePivotQuery({ rows: 'refusalReason', measure: 'granted' }, 'en', DEFAULTS)),
    ).toEqual(['query.measure:reasonNeedsRefused']);
    expect(
      fieldsOf(() =>
        parseAggregateQuery({ dimensions: 'refusalReason', measures: 'granted' }, 'en', DEFAULTS),
      ),
    ).toEqual(['query.measures:reasonNeedsRefused']);
  });

  it('refuses to mix inspections with dossier dimensions, or a category filter on inspections', () => {
    expect(
      fieldsOf(() => parsePivotQuery({ rows: 'category', measure: 'inspections' }, 'en', DEFAULTS)),
    ).toEqual(['query.rows:dimensionNotForMeasure']);
    expect(
      fieldsOf(() =>
        parsePivotQuery({ rows: 'year', columns: 'inspectionOutcome', measure: 'granted' }, 'en', DEFAULTS),
      ),
    ).toEqual(['query.columns:dimensionNotForMeasure']);
    expect(
      fieldsOf(() =>
        parseAggregateQuery(
          { dimensions: 'inspectionOrigin', measures: 'inspections,granted' },
          'en',
          DEFAULTS,
        ),
      ),
    ).toEqual(['query.dimensions:dimensionNotForMeasure']);
    expect(
      fieldsOf(() =>
        parsePivotQuery(
          { rows: 'province', measure: 'inspections', categories: 'SEASONAL_WORKER' },
          'en',
          DEFAULTS,
        ),
      ),
    ).toEqual(['query.categories:filterNotForMeasure']);
    expect(
      fieldsOf(() =>
        checkReportFilters({ years: [2024, 2026], categories: ['SEASONAL_WORKER'] }, ['inspections'], 'nl'),
      ),
    ).toEqual(['query.categories:filterNotForMeasure']);
    // The workers at an inspected employer carry their dossier's dimensions, categories included.
    expect(
      fieldsOf(() =>
        parsePivotQuery(
          {
            rows: 'category',
            columns: 'inspectionOutcome',
            measure: 'inspectedWorkers',
            categories: 'SEASONAL_WORKER',
          },
          'en',
          DEFAULTS,
        ),
      ),
    ).toEqual([]);
  });

  it('lets open data filter on one category and one province at most (decision 026)', () => {
    expect(
      fieldsOf(() => checkOpenDataFilters({ years: [2019, 2026], categories: ['TRAINEE'] }, 'en')),
    ).toEqual([]);
    expect(
      fieldsOf(() =>
        checkOpenDataFilters(
          {
            years: [2019, 2026],
            categories: ['TRAINEE', 'SEASONAL_WORKER'],
            provinces: ['LIMBURG', 'ANTWERPEN'],
          },
          'en',
        ),
      ),
    ).toEqual(['query.categories:openDataOneValue', 'query.provinces:openDataOneValue']);
  });

  it('says what is allowed, in the asked language', () => {
    try {
      parsePivotQuery({ rows: 'colour' }, 'nl', DEFAULTS);
      expect.unreachable();
    } catch (error) {
      expect((error as LoketError).fields[0]?.message).toMatch(
        /^Rijen: “colour” is geen indeling die u kunt kiezen\. Kies uit: Jaar; Categorie; Provincie van tewerkstelling; /,
      );
    }
  });

  it('names the field, the wrong value and the choices in words, never by their codes', () => {
    const messageOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as LoketError).fields.map((f) => f.message).join(' | ');
      }
      return '';
    };
    const province = messageOf(() => parsePivotQuery({ provinces: 'BRABANT' }, 'fr', DEFAULTS));
    expect(province).toMatch(
      /^Province : « BRABANT » n’est pas une valeur proposée\. Choisissez parmi : .*Anvers/,
    );
    expect(province).not.toMatch(/ANTWERP|VAN_|UNKNOWN/);
    const measure = messageOf(() => parsePivotQuery({ measure: 'count' }, 'en', DEFAULTS));
    expect(measure).toMatch(/^Figure: “count” is not a figure you can choose\. Choose from: Applications/);
    expect(measure).not.toMatch(/\b[a-z]+[A-Z]\w*\b/); // no code such as highlyQualifiedShare
    expect(
      messageOf(() => parsePivotQuery({ rows: 'refusalReason', measure: 'granted' }, 'nl', DEFAULTS)),
    ).toMatch(/^Cijfer: Weigeringsgronden tellen alleen weigeringen: kies het cijfer “Geweigerd/);
    expect(messageOf(() => parsePivotQuery({ categories: 'NURSE' }, 'nl', DEFAULTS))).toMatch(
      /^Categorie: “NURSE” is geen waarde die u kunt kiezen\. Kies uit: .*Hooggeschoold/i,
    );
  });

  it('offers in the pivot exactly the measure and dimension pairs the server accepts', () => {
    for (const measure of MEASURE_IDS) {
      expect(MEASURES[measure].branch, measure).toBe(MEASURE_BRANCHES[measure]);
      const offered: readonly string[] = dimensionsForMeasure(measure);
      expect(offered, measure).toContain('year');
      for (const dimension of DIMENSION_IDS) {
        const asRows = fieldsOf(() => parsePivotQuery({ rows: dimension, measure }, 'en', DEFAULTS));
        const asColumns = fieldsOf(() =>
          parsePivotQuery({ rows: 'year', columns: dimension, measure }, 'en', DEFAULTS),
        );
        if (offered.includes(dimension)) {
          expect(asRows, `${measure} × ${dimension}`).toEqual([]);
          if (dimension !== 'year') expect(asColumns, `${measure} × ${dimension}`).toEqual([]);
        } else {
          // Refused with a 400 naming the parameter: never a failed query.
          expect(asRows.length, `${measure} × ${dimension}`).toBeGreaterThan(0);
          expect(asRows.every((f) => f.startsWith('query.measure:') || f.startsWith('query.rows:'))).toBe(
            true,
          );
          expect(asColumns.length, `${measure} × ${dimension}`).toBeGreaterThan(0);
        }
      }
    }
    expect(dimensionsForMeasure('inspections')).toEqual([
      'year',
      'province',
      'inspectionOrigin',
      'inspectionOutcome',
    ]);
    expect(dimensionsForMeasure('granted')).not.toContain('refusalReason');
    expect(dimensionsForMeasure('refused')).toContain('refusalReason');
  });
});
