import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import {
  expectHeading,
  expectNoAccessibilityViolations,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

// E-mail in the demo: no SMTP server is configured, so every mail waits in the outbox, which an
// administrator reads on a page (issue 11, "Notifications").
describe('the mail outbox', () => {
  let page: Page;
  useBrowserTests({
    pages: (_context, p) => {
      page = p;
    },
  });

  async function signIn(username: string): Promise<void> {
    await signInOnPage(page, username);
  }

  it('shows an administrator on a phone the mails the demo employer would have received', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn('beheerder');
    await page.getByRole('link', { name: nl.outbox.link }).click();
    await expectHeading(page, nl.outbox.title);
    await page.getByText(nl.outbox.introNoSmtp).waitFor();
    const items = page.locator('.outbox-list__item');
    expect(await items.count()).toBeGreaterThan(5);
    // The demo queue has decisions: one mail about a decision, opened, reads as the employer would.
    const decision = items.filter({ hasText: 'beslissing in dossier' }).first();
    await decision.locator('summary').click();
    const text = await decision.locator('pre').innerText();
    expect(text).toContain('Beste,');
    expect(text).toMatch(/http:\/\/localhost:\d+\/employer/);
    expect(text).not.toMatch(/\{\{|mail\.body/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAccessibilityViolations(page);
  });

  it('tells an employer who opens the outbox that it is not theirs', async () => {
    await signIn('werkgever');
    await page.waitForURL('**/employer');
    await page.goto('/admin/outbox');
    await expectHeading(page, nl.noAccess.title);
  });
});
