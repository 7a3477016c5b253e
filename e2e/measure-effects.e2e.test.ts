import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import analystFr from '../web/src/locales/analyst/fr.json' with { type: 'json' };
import analystNl from '../web/src/locales/analyst/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import {
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';
import { findTextProblems, readPageText } from './support/page-checks.ts';

const evaluation = analystNl.evaluation;

/** The market-conformity section has its answer: the day of the run read, or no run yet. */
async function wageSectionLoaded(page: Page, texts: { readOn: string; noRun: string }) {
  const readOn = texts.readOn.split('{{')[0] as string;
  await page
    .locator('#wage-conformity-title ~ p')
    .filter({ hasText: new RegExp(`^(${readOn}|${texts.noRun})`) })
    .first()
    .waitFor();
}

/**
 * The evaluation of measures (policy note 002 §2.10) as an analyst reads it: from the report list
 * on a phone, each measure with its before/after table, another window length, and in French.
 */
describe('evaluation of measures', () => {
  let page: Page;
  let consoleErrors: string[] = [];
  useBrowserTests({
    pages: (_context, p) => {
      page = p;
      consoleErrors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
    },
  });

  it('shows each measure before and after its date at 390 px, in Dutch and French', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'analist');
    await expectHeading(page, nl.workspace.title.ANALYST);
    await page.getByRole('link', { name: evaluation.link }).click();
    await expectHeading(page, evaluation.title);
    await page.locator('section.stats-evaluation--measure table').first().waitFor();
    expect(await page.locator('section.stats-evaluation--measure').count()).toBeGreaterThanOrEqual(5);
    // Named from the rule data: the fast lane for the highly skilled, from 1 May 2025.
    await page
      .getByRole('heading', { level: 2, name: /2025.*snelle/i })
      .first()
      .waitFor();
    const firstTable = page.locator('section.stats-evaluation--measure table').first();
    expect(await firstTable.getByRole('rowheader').first().textContent()).toBe(evaluation.rows.filed);
    // Market conformity from the latest monitoring run: a table, or a line saying there is no run yet.
    await page.getByRole('heading', { level: 2, name: evaluation.wages.title }).waitFor();
    await wageSectionLoaded(page, evaluation.wages);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(findTextProblems(await readPageText(page), 'nl')).toEqual([]);

    await page.getByLabel(evaluation.months, { exact: true }).selectOption('3');
    await page.getByRole('button', { name: evaluation.show }).click();
    await page.waitForURL(/months=3/);
    await page.locator('section.stats-evaluation--measure table').first().waitFor();

    await page.addInitScript(() => window.localStorage.setItem('loket.lang', 'fr'));
    await page.reload();
    await expectHeading(page, analystFr.evaluation.title);
    await page.locator('section.stats-evaluation--measure table').first().waitFor();
    await wageSectionLoaded(page, analystFr.evaluation.wages);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(findTextProblems(await readPageText(page), 'fr')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
