import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../web/src/locales/en.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

const pilots = nl.talent.pilots;

/**
 * The recruitment pilots as their users meet them: the partner that runs THAMM records on a phone
 * that a participant's permit was filed (a wrong dossier number first), and an analyst reads in
 * English where PALIM lost its candidates.
 */
describe('recruitment pilots', () => {
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
        // The refusals the walk provokes on purpose (400) are logged by Chromium; nothing else may be.
        if (message.type() === 'error' && !/status of 400/.test(message.text()))
          consoleErrors.push(message.text());
      });
    },
  });

  it('lets the partner move a matched participant to a filed permit, by the dossier number, at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'partner');
    await expectHeading(page, nl.talent.partner.title);
    await page.getByRole('link', { name: pilots.link }).click();
    await expectHeading(page, pilots.title);
    await page.getByRole('link', { name: 'THAMM', exact: true }).click();
    await expectHeading(page, 'THAMM');
    await page.getByRole('heading', { name: pilots.participantsTitle }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);

    const participant = page.getByLabel(pilots.field.participant, { exact: true });
    const matched = await participant
      .locator('option', { hasText: `(${pilots.stage.MATCHED})` })
      .first()
      .textContent();
    const reference = (matched ?? '').split(' ')[0] as string;
    await participant.selectOption({ label: matched ?? '' });
    const filedLabel = pilots.reached.replace('{{stage}}', pilots.stage.PERMIT_FILED);
    await page.getByLabel(pilots.field.change, { exact: true }).selectOption({ label: filedLabel });

    // Without the dossier's number first, then with one that does not exist.
    await page.getByRole('button', { name: pilots.saveProgress }).click();
    const summary = page.locator('.error-summary, [role="alert"]').first();
    await summary.waitFor();
    expect(await summary.textContent()).toContain(pilots.field.dossierNumber);
    await page.getByLabel(pilots.field.dossierNumber, { exact: true }).fill('VL-2026-999999');
    await page.getByLabel(pilots.field.workerFamilyName, { exact: true }).fill('Pereira');
    await page.getByRole('button', { name: pilots.saveProgress }).click();
    await page
      .getByText(/is geen dossier in Loket met deze familienaam/)
      .first()
      .waitFor();

    const { number, familyName } = await server.database.db
      .selectFrom('dossiers')
      .select(['number', sql<string>`worker_identity ->> 'familyName'`.as('familyName')])
      .where('status', '=', 'IN_REVIEW')
      .where('number', 'is not', null)
      .executeTakeFirstOrThrow();
    await page.getByLabel(pilots.field.dossierNumber, { exact: true }).fill(number as string);
    await page.getByLabel(pilots.field.workerFamilyName, { exact: true }).fill(familyName);
    await page.getByRole('button', { name: pilots.saveProgress }).click();
    await page.getByRole('status').filter({ hasText: reference }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(`^${reference}\\b`) });
    await row.getByText(pilots.stage.PERMIT_FILED).waitFor();
    expect(await row.textContent()).toContain(number);
    expect(await row.textContent()).toContain(nl.dossierStatuses.IN_REVIEW);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(consoleErrors).toEqual([]);
  });

  it("shows an analyst in English where PALIM lost its candidates, and no participant's reference", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInOnPage(page, 'analist');
    await expectHeading(page, nl.workspace.title.ANALYST);
    await page.addInitScript(() => window.localStorage.setItem('loket.lang', 'en'));
    await page.goto('/talent/pilots');
    await expectHeading(page, en.talent.pilots.title);
    await page.getByRole('link', { name: 'PALIM', exact: true }).click();
    await expectHeading(page, 'PALIM');
    const bottleneck = en.talent.pilots.bottleneck
      .replace('{{count}}', '116')
      .replace('{{stage}}', en.talent.pilots.stage.PASSED);
    await page.getByText(bottleneck).first().waitFor();
    const passedRow = page.getByRole('row', { name: new RegExp(`^${en.talent.pilots.stage.PASSED}`) });
    expect(await passedRow.textContent()).toContain(`${en.talent.pilots.reason.NO_EMPLOYER}: 116`);
    expect(await page.getByRole('heading', { name: en.talent.pilots.participantsTitle }).count()).toBe(0);
    expect(await page.getByText('PALIM-001').count()).toBe(0);
    await expectNoAccessibilityViolations(page);
    expect(consoleErrors).toEqual([]);
  });
});
