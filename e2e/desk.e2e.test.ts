import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import tr from '../web/src/locales/desk/tr.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import staffNl from '../web/src/locales/staff/nl.json' with { type: 'json' };
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

// Issue 14's walk of the public desk: a worker reads their rights and files a report anonymously in
// Turkish on a phone, an inspector triages it and asks a question, the worker answers with the
// follow-up code; an employer never reaches the reports.
describe('the public desk', () => {
  let page: Page;
  let server: E2eServer;
  let browser: Browser;
  useBrowserTests({
    servers: (s, b) => {
      server = s;
      browser = b;
    },
    pages: (_context, p) => {
      page = p;
    },
  });

  async function otherPage(width: number): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 900 } });
    return context.newPage();
  }

  const noSidewaysScroll = async (on: Page, width: number) =>
    expect(await on.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

  it('takes a Turkish report anonymously, lets the inspector triage and ask, and the reporter answer with the code', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/desk?lang=tr');
    await expectHeading(page, tr.title);
    await page.getByRole('link', { name: 'Ücret', exact: true }).click();
    await expectHeading(page, 'Ücret');
    await page.getByText(tr.translationNotice).waitFor();
    await noSidewaysScroll(page, 390);
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: 'Buradan bildirin' }).first().click();
    await expectHeading(page, tr.form.title);
    // Unhappy first: nothing chosen, then an enterprise number with wrong check digits.
    await page.getByRole('button', { name: tr.form.submit }).click();
    await page.getByRole('link', { name: tr.form.errors.role }).waitFor();
    await page.getByRole('link', { name: tr.form.errors.categories }).waitFor();
    await page.getByLabel(tr.form.roles.WORKER).check();
    await page.getByLabel(tr.form.categories.UNPAID_WAGES).check();
    await page.getByLabel(tr.form.categories.HOUSING).check();
    await page
      .getByLabel(tr.form.descriptionLabel)
      .fill('Haftada 60 saat çalışıyoruz, ayda 900 euro alıyoruz.');
    await page.getByLabel(tr.form.employerName).fill('Bakkerij Peeters');
    await page.getByLabel(tr.form.enterpriseNumber, { exact: false }).fill('0403.170.702');
    await page.getByLabel(tr.form.place).fill('Gent');
    await page.getByRole('button', { name: tr.form.submit }).click();
    await page.locator('#report-enterpriseNumber-error').waitFor({ timeout: 30_000 });
    await page.getByLabel(tr.form.enterpriseNumber, { exact: false }).fill('0403.170.701');
    await page.getByRole('button', { name: tr.form.submit }).click();
    await expectHeading(page, tr.receipt.title);
    const reference = (await page.getByTestId('desk-reference').innerText()).trim();
    const code = (await page.getByTestId('desk-code').innerText()).trim();
    expect(reference).toMatch(/^M-[A-Z2-9]{8}$/);
    expect(code).toMatch(/^([A-Z2-9]{4}-){3}[A-Z2-9]{4}$/);
    await noSidewaysScroll(page, 390);
    await expectNoAccessibilityViolations(page);

    // The inspector, on a desktop, finds it at the top of the queue.
    const inspector = await otherPage(1280);
    await signInOnPage(inspector, 'inspecteur');
    await inspector.waitForURL('**/inspector');
    await inspector.getByRole('link', { name: staffNl.triage.link }).click();
    await expectHeading(inspector, staffNl.triage.title);
    await inspector.getByRole('link', { name: reference }).click();
    await expectHeading(inspector, staffNl.triage.detailTitle.replace('{{reference}}', reference));
    await inspector.getByText('Haftada 60 saat').waitFor();
    await inspector
      .getByText(/0403\.170\.701/)
      .first()
      .waitFor();
    await expectNoAccessibilityViolations(inspector);
    await inspector.getByLabel(staffNl.triage.askLabel).fill('Hangi adreste çalışıyorsunuz?');
    await inspector.getByRole('button', { name: staffNl.triage.askSubmit }).click();
    await inspector.getByText(staffNl.triage.asked).waitFor();
    // Forwarding needs its addressee.
    await inspector.getByLabel(staffNl.triage.outcomes.ADMISSIBLE).check();
    await inspector.getByLabel(staffNl.triage.reason).fill('Concrete feiten over loon.');
    await inspector.getByRole('button', { name: staffNl.triage.triageSubmit }).click();
    await inspector.getByText(staffNl.triage.triaged).waitFor();

    // The reporter, without an account, opens the report with the reference and the code.
    await page.goto('/desk/follow-up?lang=tr');
    await expectHeading(page, tr.followUp.title);
    await page.getByLabel(tr.followUp.reference, { exact: false }).fill(reference);
    await page.getByLabel(tr.followUp.code).fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: tr.followUp.submit }).click();
    await page.locator('#follow-up-code-error').waitFor();
    await page.getByLabel(tr.followUp.code).fill(code.toLowerCase());
    await page.getByRole('button', { name: tr.followUp.submit }).click();
    await page.getByText(tr.followUp.status.ADMISSIBLE).waitFor();
    await page.getByText('Hangi adreste çalışıyorsunuz?').waitFor();
    await page.getByLabel(tr.followUp.answerLabel).fill('Industrieweg 12, Gent');
    await page.getByRole('button', { name: tr.followUp.answerSubmit }).click();
    await page.getByText(tr.followUp.answerSent).waitFor();
    await noSidewaysScroll(page, 390);
    await expectNoAccessibilityViolations(page);

    await inspector.reload();
    await inspector.getByText('Industrieweg 12, Gent').waitFor();
    await inspector.context().close();
  }, 300_000);

  it('never shows an employer the reports', async () => {
    await signInOnPage(page, 'werkgever');
    await page.waitForURL('**/employer');
    await page.goto('/inspector/reports');
    await expectHeading(page, nl.noAccess.title);
    const answer = await page.evaluate(async () => (await fetch('/api/v1/inspector/reports')).status);
    expect(answer).toBe(403);
  });
});
