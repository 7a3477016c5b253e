import { describe, expect, it } from 'vitest';
import {
  cellOf,
  formatNumber,
  layerTables,
  pivotApiPath,
  readStatsQuery,
  reportApiPath,
  reportLayout,
  sortKeys,
  TOTAL,
  writeStatsQuery,
} from './stats-format.ts';
import type { Report, ReportRow } from './stats-types.ts';

function row(
  key: Record<string, string>,
  values: Record<string, number | null>,
  suppressed?: string[],
): ReportRow {
  return { key, values, ...(suppressed ? { suppressed } : {}) };
}

function report(partial: Partial<Report> & Pick<Report, 'dimensions' | 'rows'>): Report {
  return {
    id: 'test',
    title: { nl: 'Test', fr: 'Test', en: 'Test' },
    question: 'vraag',
    description: { nl: 'Vraag?', fr: 'Question ?', en: 'Question?' },
    columns: [],
    totals: {},
    filters: { years: [2019, 2020] },
    ...partial,
  };
}

describe('the statistics query string', () => {
  it('reads comma lists and repeated parameters (a plain GET form) alike', () => {
    const query = readStatsQuery(
      '?from=2019&to=2020&categories=HIGHLY_SKILLED,EXECUTIVE&provinces=LIMBURG&provinces=ANTWERPEN',
    );
    expect(query.from).toBe('2019');
    expect(query.categories).toEqual(['HIGHLY_SKILLED', 'EXECUTIVE']);
    expect(query.provinces).toEqual(['LIMBURG', 'ANTWERPEN']);
    expect(query.by).toBe('');
  });

  it('writes the page query without empty parameters and round-trips', () => {
    const query = readStatsQuery('?from=2019&to=2020&categories=TRAINEE&pivotRows=sex');
    const written = writeStatsQuery(query);
    expect(written).toBe('from=2019&to=2020&categories=TRAINEE&pivotRows=sex');
    expect(readStatsQuery(`?${written}`)).toEqual(query);
  });

  it('builds the API paths with the filters, the format and the pivot axes', () => {
    const query = readStatsQuery(
      '?from=2019&to=2020&provinces=LIMBURG,ANTWERPEN&by=sex&pivotRows=year&pivotMeasure=granted',
    );
    expect(reportApiPath('/api/v1/stats', 'q4', query, 'xlsx')).toBe(
      '/api/v1/stats/reports/q4?from=2019&to=2020&provinces=LIMBURG%2CANTWERPEN&by=sex&format=xlsx',
    );
    expect(pivotApiPath('/api/v1/open-data', query)).toBe(
      '/api/v1/open-data/pivot?from=2019&to=2020&provinces=LIMBURG%2CANTWERPEN&rows=year&measure=granted',
    );
    expect(pivotApiPath('/api/v1/stats', readStatsQuery(''))).toBeNull();
    expect(reportApiPath('/api/v1/stats', 'q2', readStatsQuery(''), 'csv', 'fr')).toBe(
      '/api/v1/stats/reports/q2?format=csv&lang=fr',
    );
  });
});

describe('the layout of a report', () => {
  it('takes three dimensions as layer, rows and columns', () => {
    expect(reportLayout({ dimensions: ['year', 'category', 'province'], rows: [] })).toEqual({
      layer: 'year',
      rows: 'category',
      columns: 'province',
    });
  });

  it('tells layer × rows (no column margins) from rows × columns (column margins) for two dimensions', () => {
    const q6 = [
      row({ year: '2020', category: 'TRAINEE' }, { decided: 3 }),
      row({ year: '2020', category: TOTAL }, { decided: 3 }),
    ];
    expect(reportLayout({ dimensions: ['year', 'category'], rows: q6 })).toEqual({
      layer: 'year',
      rows: 'category',
      columns: null,
    });
    const firstVsRenewal = [
      ...q6.map((r) => ({ ...r, key: { year: r.key.year ?? '', kind: 'FIRST' } })),
      row({ year: TOTAL, kind: 'FIRST' }, { applications: 3 }),
    ];
    expect(reportLayout({ dimensions: ['year', 'kind'], rows: firstVsRenewal })).toEqual({
      layer: null,
      rows: 'year',
      columns: 'kind',
    });
  });
});

describe('a report as tables', () => {
  const rows = [
    row({ year: '2020', category: 'TRAINEE', province: 'LIMBURG' }, { applications: null }, ['applications']),
    row({ year: '2020', category: 'HIGHLY_SKILLED', province: 'LIMBURG' }, { applications: 12 }),
    row({ year: '2020', category: 'HIGHLY_SKILLED', province: TOTAL }, { applications: 20 }),
    row({ year: '2020', category: TOTAL, province: 'LIMBURG' }, { applications: 15 }),
    row({ year: '2020', category: TOTAL, province: TOTAL }, { applications: 23 }),
    row({ year: '2019', category: 'EXECUTIVE', province: 'ANTWERPEN' }, { applications: 7 }),
  ];
  const tables = layerTables(
    report({ dimensions: ['year', 'category', 'province'], rows, totals: { applications: 30 } }),
    { layer: 'year', rows: 'category', columns: 'province' },
  );

  it('has a table per layer in order, rows in the legal order of the categories', () => {
    expect(tables.map((t) => t.layer)).toEqual(['2019', '2020']);
    expect(tables[1]?.rowKeys).toEqual(['HIGHLY_SKILLED', 'TRAINEE']);
    expect(tables[1]?.columnKeys).toEqual(['LIMBURG']);
  });

  it('reads cells and margins from the server, hidden ones marked, absent combinations as 0', () => {
    const table = tables[1];
    expect(table?.cell('HIGHLY_SKILLED', 'LIMBURG', 'applications')).toEqual({
      value: 12,
      isSuppressed: false,
    });
    expect(table?.cell('TRAINEE', 'LIMBURG', 'applications')).toEqual({ value: null, isSuppressed: true });
    expect(table?.cell(TOTAL, TOTAL, 'applications')).toEqual({ value: 23, isSuppressed: false });
    expect(table?.cell('TRAINEE', 'ANTWERPEN', 'applications')).toEqual({ value: 0, isSuppressed: false });
    expect(table?.cell('TRAINEE', 'ANTWERPEN', 'regionalLeadMedianDays')).toEqual({
      value: null,
      isSuppressed: false,
    });
  });

  it('takes the grand total of a report without layers from its totals', () => {
    const [table] = layerTables(
      report({
        dimensions: ['year'],
        rows: [row({ year: '2019' }, { granted: 4 })],
        totals: { granted: null },
        suppressedTotals: ['granted'],
      }),
      { layer: null, rows: 'year', columns: null },
    );
    expect(table?.cell(TOTAL, TOTAL, 'granted')).toEqual({ value: null, isSuppressed: true });
  });
});

describe('numbers and order', () => {
  it('formats counts, shares and lead times per language', () => {
    expect(formatNumber(12345, 'applications', 'nl')).toBe('12.345');
    expect(formatNumber(12345, 'applications', 'en')).toBe('12,345');
    expect(formatNumber(0.6912, 'highlySkilledShare', 'en')).toBe('69.1%');
    expect(formatNumber(12.25, 'regionalLeadMedianDays', 'nl')).toBe('12,3');
  });

  it('puts years in number order and leaves out the TOTAL margin', () => {
    expect(sortKeys('year', ['2021', TOTAL, '2019', '2020'])).toEqual(['2019', '2020', '2021']);
    expect(sortKeys('province', ['UNKNOWN', 'WEST_VLAANDEREN', 'ANTWERPEN'])).toEqual([
      'ANTWERPEN',
      'WEST_VLAANDEREN',
      'UNKNOWN',
    ]);
    // 003 q2's categories in the question's order, not by their names.
    expect(
      sortKeys('questionCategory', ['NOT_ASKED', 'AU_PAIR', 'ATHLETE_TRAINER', 'ATHLETE_PLAYER']),
    ).toEqual(['ATHLETE_PLAYER', 'ATHLETE_TRAINER', 'AU_PAIR', 'NOT_ASKED']);
  });

  it('does not call a null value hidden unless the server says so', () => {
    expect(cellOf(row({}, { granted: null }), 'granted')).toEqual({ value: null, isSuppressed: false });
  });
});
