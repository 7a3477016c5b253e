import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_OCCUPATIONS } from '../src/talent/demo-occupations.ts';
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import { signInApi } from './support/api-session.ts';
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

const talent = nl.talent;
const REFERENCE = 'WW-E2E-REFUGEE';
const isoDay = (daysFromNow: number) =>
  new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 17's first walk: a partner records a recognised refugee's profile on the form, not yet to be
 * shown; an employer's shortage vacancy does not list them until the partner records the consent to
 * be shown; then they come first in its ranking (the local reserve first), with the reasons.
 */
describe('a refugee matched to a shortage vacancy', () => {
  let page: Page;
  let server: E2eServer;
  let consoleErrors: string[] = [];
  useBrowserTests({
    servers: (s) => {
      server = s;
    },
    pages: (_context, p) => {
      page = p;
      consoleErrors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
    },
  });

  it('is recorded by the partner, shown to the employer only with consent, and ranked first with reasons', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInOnPage(page, 'partner');
    await expectHeading(page, talent.partner.title);
    const field = (name: keyof typeof talent.field) => page.getByLabel(talent.field[name], { exact: true });
    await field('reference').fill(REFERENCE);
    await field('pool').selectOption({ label: talent.pool.REFUGEE });
    await page.getByRole('combobox', { name: talent.field.occupationIds }).fill('metselaar');
    await page
      .getByRole('option', { name: /^metselaar/ })
      .first()
      .click();
    await field('educationVks').selectOption({ index: 3 });
    await field('languages').fill('nl B1');
    await field('circle').selectOption({ label: talent.circle.BELGIUM });
    await field('postalCode').fill('9000');
    await field('nationality').selectOption('SY');
    await field('workAccess').selectOption({ label: talent.workAccess.FREE });
    await field('availableFrom').fill(isoDay(0));
    await field('recognition').selectOption({ label: talent.recognition.NOT_APPLICABLE });
    await field('showToEmployers').selectOption({ label: talent.consent.no });
    await field('retentionUntil').fill(isoDay(300));
    await page.getByRole('button', { name: talent.partner.submit }).click();
    await page.getByRole('status').filter({ hasText: REFERENCE }).waitFor();
    await expectNoAccessibilityViolations(page);

    // The employer's shortage vacancy for a bricklayer in Ghent.
    const employerApi = await signInApi(server.url, 'werkgever');
    const { vacancy } = await employerApi.call<{ vacancy: { id: string } }>(
      'POST',
      '/api/v1/talent/vacancies',
      {
        occupationId: DEMO_OCCUPATIONS.bricklayer,
        postalCode: '9000',
        requiredVks: 3,
        languages: [{ lang: 'nl', level: 'A2' }],
        startDate: isoDay(14),
      },
    );
    const shown = async () =>
      JSON.stringify(await employerApi.call('GET', `/api/v1/talent/vacancies/${vacancy.id}/matches`));
    // Not shown while the candidate has not agreed to be shown to employers.
    expect(await shown()).not.toContain(REFERENCE);

    // The partner records the consent to be shown.
    await page.getByRole('link', { name: REFERENCE }).click();
    await page.getByRole('button', { name: talent.consent.give }).click();
    await page.getByRole('button', { name: talent.consent.withdraw }).waitFor();
    expect(await shown()).toContain(REFERENCE);
    await employerApi.dispose();

    await page.context().clearCookies();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'werkgever');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/employer/vacancies/${vacancy.id}`);
    const first = page.locator('.match-list > li').first();
    await first.waitFor();
    // First: the same occupation, in Ghent itself, free to work (the local reserve first).
    expect(await first.textContent()).toContain(REFERENCE);
    const reasons = await first.getByRole('listitem').allTextContents();
    expect(reasons.length).toBeGreaterThan(2);
    expect(reasons.some((reason) => reason.includes(talent.criterion.OCCUPATION))).toBe(true);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(consoleErrors).toEqual([]);
  });
});
