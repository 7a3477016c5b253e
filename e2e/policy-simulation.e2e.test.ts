import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data.ts';
import { CATALOGUES } from '../web/src/i18n.ts';
import { signInApi } from './support/api-session.ts';
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';
import { findHorizontalScroll, findTextProblems, readPageText } from './support/page-checks.ts';

const sim = CATALOGUES.nl.governance.simulation;
const outcomes = CATALOGUES.nl.staff.outcomes;

// Issue 15, policy simulation: an administrator proposes a far higher salary base; the analyst
// runs it on the demo's filed dossiers in the browser and reads which outcomes change.
describe('policy simulation', () => {
  let server: E2eServer;
  let page: Page;
  let proposalId = '';
  useBrowserTests(
    {
      servers: (s) => {
        server = s;
      },
      pages: (_c, p) => {
        page = p;
      },
    },
    async (s) => {
      const admin = await signInApi(s.url, 'beheerder');
      const { earliestEffectiveDate } = await admin.call<{ earliestEffectiveDate: string }>(
        'GET',
        '/api/v1/rule-data/proposals',
      );
      const proposed = await admin.call<{ id: string }>('POST', '/api/v1/rule-data/proposals/parameter', {
        name: 'salary.averageGrossAnnual',
        validFrom: earliestEffectiveDate,
        value: 250000,
        source: 'Voorstel voor de simulatie',
        verified: false,
        note: null,
      });
      proposalId = proposed.id;
    },
  );

  it('the analyst runs a proposal on the filed dossiers and sees refusals appear', {
    timeout: 180_000,
  }, async () => {
    expect(server.url).toBeTruthy();
    await signInOnPage(page, 'analist');
    await page.waitForURL('**/analyst');
    await page.getByRole('link', { name: sim.title }).click();
    await expectHeading(page, sim.title);
    await page.getByLabel(sim.form.proposal, { exact: true }).selectOption(`parameter-${proposalId}`);
    await page.getByLabel(sim.form.from).fill('2019-01-01');
    await page.getByLabel(sim.form.to).fill(`${new Date().getFullYear()}-12-31`);
    await page.getByLabel(CATALOGUES.nl.categories.HIGHLY_SKILLED).check();
    await page.getByRole('button', { name: sim.form.submit }).click();
    const result = page.locator('[data-simulation-result]');
    await result.waitFor();
    const transitions = page.locator('#simulation-transitions tbody tr').first();
    await expect
      .poll(() => transitions.innerText())
      .toMatch(new RegExp(`${outcomes.ELIGIBLE}\\s+${outcomes.INELIGIBLE}\\s+\\d+`));
    expect(await page.locator('#simulation-examples li').count()).toBeGreaterThan(0);

    const names = DEMO_ACCOUNTS.map((u) => u.displayName);
    expect(findTextProblems(await readPageText(page), 'nl', names)).toEqual([]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await findHorizontalScroll(page), `width ${width}`).toBeNull();
      await expectNoAccessibilityViolations(page);
    }
  });

  it('links from the proposal to the simulation for the approving administrator, in French', {
    timeout: 180_000,
  }, async () => {
    const fr = CATALOGUES.fr.governance.simulation;
    await signInOnPage(page, 'beheerder2');
    await page.waitForURL('**/admin');
    // The reader's language from here on (the sign-in page above is read in Dutch).
    await page.addInitScript(() => window.localStorage.setItem('loket.lang', 'fr'));
    await page.goto('/admin/proposals');
    const card = page.locator(`[data-proposal="parameter-${proposalId}"]`);
    await card.getByRole('link', { name: fr.simulate }).click();
    await expectHeading(page, fr.title);
    const picker = page.getByLabel(fr.form.proposal, { exact: true });
    // The open proposals load after the page: the linked one is chosen once they are there.
    await expect.poll(() => picker.inputValue()).toBe(`parameter-${proposalId}`);
    await page.getByLabel(fr.form.from).fill('2019-01-01');
    await page.getByRole('button', { name: fr.form.submit }).click();
    await page.locator('#simulation-by-year').waitFor();
    const names = DEMO_ACCOUNTS.map((u) => u.displayName);
    expect(findTextProblems(await readPageText(page), 'fr', names)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await findHorizontalScroll(page)).toBeNull();
  });
});
