import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import insp from '../web/src/locales/inspector/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

// Issue 14's walk of enforcement: the demo's monitoring run has found the planted underpaid worker;
// the inspector finds the employer on the work list, reads the evidence, records an inspection and
// proposes the withdrawal; an employer never reaches the inspector's pages.
const UNDERPAID_EMPLOYER = 'Schoonmaak Janssens bv';
const fill = (text: string, params: Record<string, string>) =>
  Object.entries(params).reduce((out, [key, value]) => out.replace(`{{${key}}}`, value), text);

describe("the inspector's work list and employer file", () => {
  let page: Page;
  let server: E2eServer;
  useBrowserTests({
    servers: (s) => {
      server = s;
    },
    pages: (_context, p) => {
      page = p;
    },
  });

  const noSidewaysScroll = async (width: number) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

  /** The demo's monitoring run is worked just after the start: the list is reloaded until it shows. */
  async function openWorkList(): Promise<void> {
    await page.goto('/inspector');
    await expectHeading(page, insp.workList.title);
    for (let attempt = 0; attempt < 60; attempt++) {
      if ((await page.getByRole('link', { name: UNDERPAID_EMPLOYER }).count()) > 0) return;
      await page.waitForTimeout(1_000);
      await page.reload();
      await expectHeading(page, insp.workList.title);
    }
    throw new Error('the work list never showed the planted employer');
  }

  it('finds the planted underpaid worker with its evidence, records an inspection and proposes the withdrawal', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInOnPage(page, 'inspecteur');
    await page.waitForURL('**/inspector');
    await openWorkList();
    // The score's parts, never a bare number.
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: UNDERPAID_EMPLOYER }) });
    await row.getByText(insp.signals.WAGE_BELOW_PROMISE.title, { exact: false }).waitFor();
    await noSidewaysScroll(1280);
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: UNDERPAID_EMPLOYER }).click();
    await expectHeading(page, fill(insp.file.title, { employer: UNDERPAID_EMPLOYER }));
    const signal = page.getByRole('article', { name: new RegExp(insp.signals.WAGE_BELOW_PROMISE.title) });
    // What was compared, on both sides, with its source and the rule's threshold.
    await signal.getByRole('rowheader', { name: insp.facts.promisedPerHour }).waitFor();
    await signal.getByRole('rowheader', { name: insp.facts.paidPerHour }).waitFor();
    const share = signal
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: insp.facts.paidShare }) });
    expect(await share.innerText()).toMatch(/\d+\s?%[\s\S]*DmfA/);
    await signal.getByText(fill(insp.signals.WAGE_BELOW_PROMISE.rule, { value: '80%' })).waitFor();
    await signal.getByText(insp.signals.WAGE_BELOW_PROMISE.basis).waitFor();
    await expectNoAccessibilityViolations(page);

    // Unhappy first: nothing chosen.
    await page.getByRole('button', { name: insp.inspection.submit }).click();
    await page.getByRole('link', { name: insp.inspection.originRequired }).waitFor();
    await page.getByRole('link', { name: insp.inspection.outcomeRequired }).waitFor();
    await page.getByLabel(insp.origins.SIGNAL).check();
    await page.getByLabel(insp.findingTypes.WAGES, { exact: true }).check();
    await page
      .getByLabel(fill(insp.inspection.findingText, { type: insp.findingTypes.WAGES }))
      .fill('Loonfiches tonen 2 820 euro bruto per maand in plaats van de beloofde 4 700 euro.');
    await page.getByLabel(insp.outcomes.WITHDRAWAL_PROPOSED).check();
    await page.getByRole('button', { name: insp.inspection.submit }).click();
    await page.getByRole('status').filter({ hasText: insp.inspection.recorded }).waitFor();
    // The inspection is listed with its outcome.
    await page
      .getByRole('heading', { name: new RegExp(`: ${insp.outcomes.WITHDRAWAL_PROPOSED}$`) })
      .waitFor();

    // Evidence for the inspection: a text file passed off as a PDF is refused beside the field,
    // then a real PDF is listed under the inspection.
    const evidence = page.getByLabel(insp.evidence.label);
    await evidence.setInputFiles({
      name: 'loonfiche.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('geen pdf'),
    });
    await page.getByRole('button', { name: insp.evidence.submit }).click();
    await page.locator('.inspector-evidence .field-error').waitFor();
    await evidence.setInputFiles({
      name: 'loonfiche-november.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: insp.evidence.submit }).click();
    await page.getByRole('link', { name: 'loonfiche-november.pdf' }).waitFor();
    expect(await page.locator('.inspector-evidence .field-error').count()).toBe(0);

    // The withdrawal, through the dossiers' withdrawal API: a ground, the facts.
    const withdrawal = page.getByRole('region', { name: insp.withdrawal.title });
    await withdrawal.getByRole('checkbox').first().check();
    await withdrawal
      .getByLabel(insp.withdrawal.facts)
      .fill('Bij de inspectie bleek het loon sinds het begin van de tewerkstelling 40 % lager dan beloofd.');
    await withdrawal.getByRole('button', { name: insp.withdrawal.submit }).click();
    await page.getByRole('status').filter({ hasText: insp.withdrawal.proposed }).waitFor();
    await page.getByText(insp.file.withdrawalOpen, { exact: true }).waitFor();
    await expectNoAccessibilityViolations(page);

    // The reads were audited, the proposal is the inspector's.
    const db = server.database.db;
    const actions = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['RISK_WORK_LIST_READ', 'RISK_EMPLOYER_FILE_READ', 'INSPECTION_RECORDED'])
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['RISK_WORK_LIST_READ', 'RISK_EMPLOYER_FILE_READ', 'INSPECTION_RECORDED']),
    );
    const proposals = await db.selectFrom('revocation_proposals').select(['proposed_role']).execute();
    expect(proposals).toEqual([{ proposed_role: 'INSPECTOR' }]);

    // On a phone: the list and the file fit.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/inspector');
    await page.getByRole('link', { name: UNDERPAID_EMPLOYER }).waitFor();
    await noSidewaysScroll(390);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: UNDERPAID_EMPLOYER }).click();
    await expectHeading(page, fill(insp.file.title, { employer: UNDERPAID_EMPLOYER }));
    await noSidewaysScroll(390);
    await expectNoAccessibilityViolations(page);

    // A run asked for now: the list says so.
    await page.goto('/inspector');
    await page.getByRole('button', { name: insp.workList.runNow }).click();
    await page.getByRole('status').filter({ hasText: insp.workList.runAsked }).waitFor();
  }, 300_000);

  it('never shows an employer the work list or an employer file', async () => {
    await signInOnPage(page, 'werkgever');
    await page.waitForURL('**/employer');
    await page.goto('/inspector');
    await expectHeading(page, nl.noAccess.title);
    await page.goto('/inspector/employers/0403170701');
    await expectHeading(page, nl.noAccess.title);
    const answers = await page.evaluate(async () =>
      Promise.all(
        ['/api/v1/enforcement/work-list', '/api/v1/enforcement/employers/0403170701'].map(
          async (url) => (await fetch(url)).status,
        ),
      ),
    );
    expect(answers).toEqual([403, 403]);
  });
});
