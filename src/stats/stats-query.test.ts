import { describe, expect, it } from 'vitest';
import { LoketError } from '../server/errors.ts';
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
      fieldsOf(() => parseFilters({ from: '2018', to: '2101', provinces: 'BRABANT' }, 'en', DEFAULTS)),
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
        /^Onbekende dimensie: colour\. Mogelijk: year, /,
      );
    }
  });
});
