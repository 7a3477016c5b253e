import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import { brusselsDate } from '../src/server/today.ts';
import { MAX_NOISE } from '../src/stats/cell-key.ts';
import { generateDossiers } from '../src/stats/generate/generate-dossiers.ts';
import { writeDossiers } from '../src/stats/generate/write-dossiers.ts';
import type { Report } from '../src/stats/reports/run-report.ts';
import analystNl from '../web/src/locales/analyst/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import { expectHeading, expectNoAccessibilityViolations, useBrowserTests } from './support/harness.ts';

// The statistics pages as an analyst and the public use them: the demo accounts plus a small
// synthetic history (src/stats/generate, 2019 up to today) so that 2019–2020 has figures, and small cells
// to hide in the open data. Driven in Debian's Chromium and checked with axe-core.

const Q2_TITLE = 'Aanvragen en toekenningen per categorie en provincie van tewerkstelling';
const YEARS = '?from=2019&to=2020';
const a = analystNl;

/** The caption of q2's cross table of one measure in one year (analyst.table.crossCaption). */
function crossCaption(measure: keyof typeof a.measures, year: string): string {
  return `${a.measures[measure]}, ${year}: ${a.dimensions.category} × ${a.dimensions.province}`;
}

describe('the statistics pages', () => {
  let page: Page;

  useBrowserTests(
    {
      pages: (_context, p) => {
        page = p;
      },
    },
    async (started) => {
      await writeDossiers(
        started.database.pool,
        generateDossiers({ count: 3000, seed: 7, until: brusselsDate(new Date()) }),
        {
          batchSize: 1500,
        },
      );
    },
  );

  async function getJson<T>(url: string): Promise<T> {
    const response = await page.request.get(url, { headers: { 'accept-language': 'nl' } });
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  }

  /** Chooses 2019–2020 in a report of rows × measures per year and waits for the 2020 table. */
  async function showYears2019To2020OfRows(): Promise<void> {
    await page.getByLabel(a.filters.from, { exact: true }).selectOption('2019');
    await page.getByLabel(a.filters.to, { exact: true }).selectOption('2020');
    await page.getByRole('button', { name: a.filters.apply }).click();
    await page.waitForURL((url) => url.search.includes('from=2019') && url.search.includes('to=2020'));
    await page.getByRole('table', { name: `${a.dimensions.category}, 2020` }).waitFor();
  }

  /** Chooses 2019–2020 in the filter form and waits for the tables of those years. */
  async function showYears2019To2020(): Promise<void> {
    await page.getByLabel(a.filters.from, { exact: true }).selectOption('2019');
    await page.getByLabel(a.filters.to, { exact: true }).selectOption('2020');
    await page.getByRole('button', { name: a.filters.apply }).click();
    await page.waitForURL((url) => url.search.includes('from=2019') && url.search.includes('to=2020'));
    // The selection line is written from the answer, so this waits for the new figures.
    const selection = a.report.selection
      .replace('{{from}}', '2019')
      .replace('{{to}}', '2020')
      .replace('{{categories}}', a.report.allCategories)
      .replace('{{provinces}}', a.report.allProvinces);
    await page.getByText(selection, { exact: true }).waitFor();
    await page.getByRole('table', { name: crossCaption('applications', '2020') }).waitFor();
    expect(await page.getByRole('table', { name: crossCaption('applications', '2021') }).count()).toBe(0);
  }

  it('lets an analyst open q2 for 2019–2020, see the table and chart, download XLSX and pivot', async () => {
    await page.goto('/login');
    await page.getByLabel(nl.login.username).fill('analist');
    await page.getByLabel(nl.login.password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: nl.login.submit }).click();
    await expectHeading(page, nl.workspace.title.ANALYST);
    expect(new URL(page.url()).pathname).toBe('/analyst');
    await page.getByRole('link', { name: Q2_TITLE }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: Q2_TITLE }).click();
    await expectHeading(page, Q2_TITLE);
    await showYears2019To2020();

    // A row per category and a column per province the data has, and the server's totals.
    const report = await getJson<Report>(`/api/v1/stats/reports/q2${YEARS}`);
    const in2019 = report.rows.filter((row) => row.key.year === '2019');
    const table = page.getByRole('table', { name: crossCaption('applications', '2019') });
    const categories = new Set(in2019.map((row) => row.key.category).filter((c) => c && c !== 'TOTAL'));
    const provinces = new Set(in2019.map((row) => row.key.province).filter((p) => p && p !== 'TOTAL'));
    expect(categories.size).toBeGreaterThan(1);
    expect(await table.locator('tbody tr').count()).toBe(categories.size);
    for (const category of categories) {
      const name = nl.categories[category as keyof typeof nl.categories];
      await table.getByRole('rowheader', { name, exact: true }).waitFor();
    }
    for (const province of provinces) {
      const name = province === 'UNKNOWN' ? a.values.unknown : a.places[province as keyof typeof a.places];
      await table.getByRole('columnheader', { name, exact: true }).waitFor();
    }
    const grand = in2019.find((row) => row.key.category === 'TOTAL' && row.key.province === 'TOTAL');
    const grandText = new Intl.NumberFormat('nl').format(Number(grand?.values.applications));
    expect((await table.locator('tfoot td').last().textContent())?.trim()).toBe(grandText);

    const chart = page.locator('.stats-chart[role="img"]');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('2019');
    await chart.locator('canvas').first().waitFor();

    const xlsxLink = page
      .getByRole('navigation', { name: a.downloads.reportTitle })
      .getByRole('link', { name: a.downloads.xlsx });
    const href = await xlsxLink.getAttribute('href');
    expect(href).toContain('format=xlsx');
    expect(href).toContain('from=2019');
    const download = await page.request.get(href ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await download.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await expectNoAccessibilityViolations(page);

    await page.getByLabel(a.pivot.rows, { exact: true }).selectOption('category');
    await page.getByLabel(a.pivot.columns, { exact: true }).selectOption('sex');
    await page.getByLabel(a.pivot.measure, { exact: true }).selectOption('granted');
    await page.getByRole('button', { name: a.pivot.submit }).click();
    const pivotCaption = `${a.measures.granted}: ${a.dimensions.category} × ${a.dimensions.sex}`;
    await page
      .getByRole('table', { name: pivotCaption })
      .getByRole('columnheader', { name: a.sexes.F })
      .waitFor();
    expect(page.url()).toContain('pivotRows=category');
    await expectNoAccessibilityViolations(page);

    // Only the dimensions a measure can be broken down by: inspections have no category or sex,
    // so choosing them drops those choices (rows back to the year) and no failing pivot is offered.
    const rowOptions = () =>
      page
        .getByLabel(a.pivot.rows, { exact: true })
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(await rowOptions()).toContain('category');
    await page.getByLabel(a.pivot.measure, { exact: true }).selectOption('inspections');
    expect(await rowOptions()).toEqual(['year', 'province', 'inspectionOrigin', 'inspectionOutcome']);
    expect(await page.getByLabel(a.pivot.rows, { exact: true }).inputValue()).toBe('year');
    expect(await page.getByLabel(a.pivot.columns, { exact: true }).inputValue()).toBe('');
    await page.getByText(a.pivot.onlyValid).waitFor();
    await page.getByRole('button', { name: a.pivot.submit }).click();
    await page.waitForURL((url) => url.search.includes('pivotMeasure=inspections'));
    // The demo's inspections are of recent years: 2019–2020 may have none, which the page says.
    await page
      .getByRole('table', { name: `${a.measures.inspections} per ${a.dimensions.year}` })
      .or(page.getByText(a.table.empty, { exact: true }))
      .first()
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    // Open data: the same cells, each within the cell-key method's noise of the analyst's true
    // count (decision 016), and a true zero published as zero.
    const open = await getJson<Report>(`/api/v1/open-data/reports/q2${YEARS}`);
    const analystByKey = new Map(report.rows.map((row) => [JSON.stringify(row.key), row]));
    const shown = open.rows.filter((row) => row.values.applications !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) {
      const truth = Number(analystByKey.get(JSON.stringify(row.key))?.values.applications ?? 0);
      const published = Number(row.values.applications);
      expect(Math.abs(published - truth), JSON.stringify(row.key)).toBeLessThanOrEqual(MAX_NOISE);
      if (truth === 0) expect(published).toBe(0);
    }
  });

  it('shows anyone the open data of q2 with small cells hidden and explained', async () => {
    await page.goto('/open-data');
    await expectHeading(page, a.openData.title);
    await page.getByText(a.suppression.legend).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: Q2_TITLE }).click();
    await expectHeading(page, Q2_TITLE);

    // A first year after the last: the server's message in a summary linking to the field.
    await page.getByLabel(a.filters.from, { exact: true }).selectOption('2020');
    await page.getByLabel(a.filters.to, { exact: true }).selectOption('2019');
    await page.getByRole('button', { name: a.filters.apply }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: /2020.*2019/ }).click();
    const from = page.getByLabel(a.filters.from, { exact: true });
    expect(await from.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    await expectNoAccessibilityViolations(page);

    await showYears2019To2020();
    expect(await page.getByRole('alert').count()).toBe(0);

    // Every hidden number of the answer is an "x" in the tables, and nothing else is.
    const open = await getJson<Report>(`/api/v1/open-data/reports/q2${YEARS}`);
    const hidden =
      open.rows.reduce((sum, row) => sum + (row.suppressed?.length ?? 0), 0) +
      (open.suppressedTotals?.length ?? 0);
    expect(hidden).toBeGreaterThan(0);
    const marks = page.locator('table .stats-suppressed');
    expect(await marks.count()).toBe(hidden);
    expect((await marks.first().textContent())?.trim()).toBe(`${a.suppression.mark}${a.suppression.hidden}`);
    await page.getByText(a.suppression.legend).waitFor();
    await page.locator('.stats-chart[role="img"]').waitFor();
    expect(await page.getByRole('link', { name: a.downloads.csv }).first().getAttribute('href')).toMatch(
      /^\/api\/v1\/open-data\/reports\/q2\?.*format=csv/,
    );
    await expectNoAccessibilityViolations(page);

    // One category and one province at most (decision 026): single choices, never checkboxes, and
    // the page says why; choosing one gives a table, not the server's 400.
    expect(await page.locator('.stats-filters input[type="checkbox"]').count()).toBe(0);
    await page.getByText(a.filters.oneValue).waitFor();
    const category = page.getByLabel(a.filters.category, { exact: true });
    expect(await category.inputValue()).toBe('');
    expect(await category.locator('option').first().textContent()).toBe(a.filters.allCategories);
    await category.selectOption('HIGHLY_SKILLED');
    await page.getByLabel(a.filters.province, { exact: true }).selectOption('ANTWERPEN');
    await page.getByRole('button', { name: a.filters.apply }).click();
    await page.waitForURL((url) => url.search.includes('categories=HIGHLY_SKILLED'));
    await page
      .getByText(new RegExp(`${nl.categories.HIGHLY_SKILLED}.*${a.places.ANTWERPEN}`))
      .first()
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectNoAccessibilityViolations(page);
  });

  it('renders a report of issue 16 generically: the total lead time with its sources and definitions', async () => {
    await page.goto('/login');
    await page.getByLabel(nl.login.username).fill('analist');
    await page.getByLabel(nl.login.password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: nl.login.submit }).click();
    await expectHeading(page, nl.workspace.title.ANALYST);
    const title = 'Totale doorlooptijd, van indiening tot verblijf';
    await page.getByRole('link', { name: title }).click();
    await expectHeading(page, title);
    await showYears2019To2020OfRows();
    await page.getByText(a.report.definitions).waitFor();
    const table = page.getByRole('table', { name: `${a.dimensions.category}, 2020` });
    await table.getByRole('columnheader', { name: a.measures.totalLeadMedianDays, exact: true }).waitFor();
    const report = await getJson<Report>('/api/v1/stats/reports/q6Total?from=2019&to=2020');
    expect(report.totals.totalLeadMedianDays).toBeGreaterThan(0);
    await expectNoAccessibilityViolations(page);
  });
});
