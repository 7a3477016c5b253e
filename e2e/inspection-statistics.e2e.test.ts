import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_INSPECTIONS, type DemoInspection } from '../src/demo/demo-inspections.ts';
import { addDays } from '../src/rules/dates/iso-date.ts';
import { formatMoney } from '../web/src/format.ts';
import analystNl from '../web/src/locales/analyst/nl.json' with { type: 'json' };
import inspectorFr from '../web/src/locales/inspector/fr.json' with { type: 'json' };
import inspectorNl from '../web/src/locales/inspector/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import staffNl from '../web/src/locales/staff/nl.json' with { type: 'json' };
import { todayInBrussels } from '../web/src/pages/staff/staff-format.ts';
import { signInApi } from './support/api-session.ts';
import {
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';
import { findTextProblems, readPageText } from './support/page-checks.ts';

const TODAY = todayInBrussels();
const BAKERY = '0403170701'; // the demo employer: its dossiers place it in a province
const texts = inspectorNl.statistics;

/** The two inspections this file records through the inspector's API, beside the demo's own. */
const RECORDED: ReadonlyArray<
  Pick<DemoInspection, 'origin' | 'daysAgo' | 'findings' | 'fineEuro' | 'outcome'>
> = [
  {
    origin: 'SIGNAL',
    daysAgo: 10,
    findings: [{ type: 'WAGES', description: 'Loon onder de belofte' }],
    fineEuro: 1250.5,
    outcome: 'FINE_PROPOSED',
  },
  {
    origin: 'REPORT',
    daysAgo: 3,
    findings: [{ type: 'HOUSING', description: 'Zes werknemers in één kamer' }],
    fineEuro: null,
    outcome: 'WARNING',
  },
];
const ALL: ReadonlyArray<Pick<DemoInspection, 'origin' | 'findings' | 'fineEuro'>> = [
  ...DEMO_INSPECTIONS,
  ...RECORDED,
];
const FINDING_ORDER = ['WAGES', 'WORKING_TIME', 'HOUSING', 'DOCUMENTS', 'EXPLOITATION'] as const;

/** A breakdown row as the page shows it: inspections, then inspections with each type of finding. */
function expectedOriginRow(origin: DemoInspection['origin']): string[] {
  const of = ALL.filter((i) => i.origin === origin);
  return [
    of.length,
    ...FINDING_ORDER.map((type) => of.filter((i) => i.findings.some((f) => f.type === type)).length),
  ].map(String);
}

/**
 * The inspection statistics (issue 14) as the supervisor and the analyst read them: the demo's
 * earlier inspections (src/demo/demo-inspections.ts) and two more recorded through the inspector's
 * API (one after a register signal with a wage finding and a fine, one after a desk report), found
 * from the supervisor's home on a phone in Dutch and French, and on a laptop by the analyst, who
 * also picks a period without inspections.
 */
describe('inspection statistics', () => {
  let page: Page;
  let consoleErrors: string[] = [];
  useBrowserTests(
    {
      pages: (_context, p) => {
        page = p;
        consoleErrors = [];
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
      },
    },
    async (server) => {
      const inspector = await signInApi(server.url, 'inspecteur');
      try {
        const record = (body: Record<string, unknown>) =>
          inspector.call('POST', `/api/v1/enforcement/employers/${BAKERY}/inspections`, {
            referrals: [],
            ...body,
          });
        for (const inspection of RECORDED)
          await record({
            origin: inspection.origin,
            inspectedOn: addDays(TODAY, -inspection.daysAgo),
            findings: inspection.findings,
            ...(inspection.fineEuro === null ? {} : { fineProposedEuro: inspection.fineEuro }),
            outcome: inspection.outcome,
          });
      } finally {
        await inspector.dispose();
      }
    },
  );

  /** The value beside a summary row's label. */
  const summaryValue = (label: string) =>
    page.locator('.emp-summary-list__row', { has: page.locator('dt', { hasText: label }) }).locator('dd');

  /** A row of a breakdown's first table (inspections and findings by type), as its cells' texts. */
  const findingsRow = async (section: string, label: string) =>
    page
      .getByTestId(`inspection-statistics-${section}`)
      .locator('table')
      .first()
      .getByRole('row', { name: label })
      .locator('td')
      .allTextContents();

  it('the supervisor finds them from the home page at 390 px, in Dutch and in French', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'teamleider');
    await expectHeading(page, staffNl.supervisor.title);
    await page.getByRole('link', { name: texts.link }).click();
    await expectHeading(page, texts.title);
    await page.getByTestId('inspection-statistics-sector').waitFor();
    expect(await summaryValue(texts.measures.inspections).textContent()).toBe(String(ALL.length));
    const fined = ALL.filter((i) => (i.fineEuro ?? 0) > 0);
    expect(await summaryValue(texts.measures.finesProposed).textContent()).toBe(
      `${fined.length} (samen ${formatMoney(
        'nl',
        fined.reduce((sum, i) => sum + (i.fineEuro ?? 0), 0),
      )})`,
    );
    // Per origin, the inspections and those with each type of finding (the recorded signal's found
    // wages, the report's housing, beside the demo's).
    for (const origin of ['SIGNAL', 'REPORT', 'OTHER'] as const)
      expect(await findingsRow('origin', analystNl.inspectionOrigins[origin])).toEqual(
        expectedOriginRow(origin),
      );
    // Every inspected employer has dossiers placing it in a province: none is "unknown".
    const provinces = await page
      .getByTestId('inspection-statistics-province')
      .locator('table')
      .first()
      .locator('tbody th')
      .allTextContents();
    expect(provinces.length).toBeGreaterThanOrEqual(5);
    for (const province of provinces) expect(Object.values(analystNl.places)).toContain(province);
    // Wide tables scroll inside their box, named for the keyboard; the page never does.
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(findTextProblems(await readPageText(page), 'nl')).toEqual([]);

    await page.addInitScript(() => window.localStorage.setItem('loket.lang', 'fr'));
    await page.reload();
    await expectHeading(page, inspectorFr.statistics.title);
    await page.getByTestId('inspection-statistics-sector').waitFor();
    await page.getByRole('heading', { level: 2, name: inspectorFr.statistics.byProvince }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(findTextProblems(await readPageText(page), 'fr')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('the analyst reads them at 1280 px and picks a period without inspections', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInOnPage(page, 'analist');
    await expectHeading(page, nl.workspace.title.ANALYST);
    await page.getByRole('link', { name: texts.link }).click();
    await expectHeading(page, texts.title);
    await page.getByTestId('inspection-statistics-origin').waitFor();
    expect(await summaryValue(texts.measures.inspections).textContent()).toBe(String(ALL.length));
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(findTextProblems(await readPageText(page), 'nl')).toEqual([]);

    await page.getByLabel(texts.from).fill('2020-01-01');
    await page.getByLabel(texts.to).fill('2020-12-31');
    await page.getByRole('button', { name: texts.show }).click();
    await page.getByTestId('inspection-statistics-empty').waitFor();
    expect(await page.getByTestId('inspection-statistics-empty').textContent()).toBe(
      texts.empty.replace('{{from}}', '01/01/2020').replace('{{to}}', '31/12/2020'),
    );
    // A period that ends before it starts is said beside its start, in Dutch, before anything is asked.
    await page.getByLabel(texts.from).fill('2021-01-01');
    await page.getByRole('button', { name: texts.show }).click();
    const from = page.getByLabel(texts.from);
    await expect.poll(() => from.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(nl.period.order).count()).toBeGreaterThan(0);
    await expectNoAccessibilityViolations(page);
    expect(consoleErrors).toEqual([]);
  });

  it('the inspector, whose work they count, finds them from the work list at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'inspecteur');
    await page.waitForURL('**/inspector');
    await page.getByRole('link', { name: texts.link }).click();
    await expectHeading(page, texts.title);
    await page.getByTestId('inspection-statistics-sector').waitFor();
    expect(await summaryValue(texts.measures.inspections).textContent()).toBe(String(ALL.length));
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
  });

  it('is not for a case handler: the "no access" page, before any figure is asked for', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'behandelaar');
    await page.waitForURL(/\/case-handler/);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('inspection-statistics')) asked.push(request.url());
    });
    await page.goto('/inspection-statistics');
    await expectHeading(page, nl.noAccess.title);
    expect(asked.filter((url) => url.includes('/api/'))).toEqual([]);
  });
});
