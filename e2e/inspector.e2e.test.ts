import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GROUND_STATEMENTS } from '../src/dossiers/letters/ground-texts.ts';
import insp from '../web/src/locales/inspector/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import staff from '../web/src/locales/staff/nl.json' with { type: 'json' };
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
const FRONT_MAN_EMPLOYER = 'Transport Wouters bv';
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
    // The newest inspection comes first (the demo's earlier one of this employer follows it).
    const evidence = page.getByLabel(insp.evidence.label).first();
    await evidence.setInputFiles({
      name: 'loonfiche.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('geen pdf'),
    });
    await page.getByRole('button', { name: insp.evidence.submit }).first().click();
    await page.locator('.inspector-evidence .field-error').waitFor();
    await evidence.setInputFiles({
      name: 'loonfiche-november.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: insp.evidence.submit }).first().click();
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
    // (The demo holds two earlier proposals of other employers: src/demo/demo-inspections.ts.)
    const proposals = await db
      .selectFrom('revocation_proposals')
      .innerJoin('dossiers', 'dossiers.id', 'revocation_proposals.dossier_id')
      .innerJoin('employer_mandates', 'employer_mandates.enterprise_number', 'dossiers.enterprise_number')
      .where('employer_mandates.enterprise_name', '=', UNDERPAID_EMPLOYER)
      .select(['proposed_role'])
      .execute();
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

  it('says how a score is made, keeps request ids folded on a phone, and filters by a sector typed with spaces', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'inspecteur');
    await page.waitForURL('**/inspector');
    await openWorkList();

    // The sector as typed, spaces and all: the transport firm (NACE 49410) and no one else.
    const nace = page.getByLabel(insp.workList.nace);
    await nace.fill(' 49 ');
    await page.getByRole('button', { name: insp.workList.filter }).click();
    await page.waitForURL((url) => url.searchParams.get('nace') === '49');
    await page.getByRole('link', { name: FRONT_MAN_EMPLOYER }).waitFor();
    expect(await page.getByRole('link', { name: UNDERPAID_EMPLOYER }).count()).toBe(0);
    // A wrong sector is said beside the field, and the earlier list is gone: it is not the answer.
    await nace.fill('4x');
    await page.getByRole('button', { name: insp.workList.filter }).click();
    await page.getByText(insp.workList.naceInvalid).first().waitFor();
    await page.getByTestId('work-list-withheld').waitFor();
    expect(await page.getByRole('link', { name: FRONT_MAN_EMPLOYER }).count()).toBe(0);
    expect(await nace.getAttribute('aria-invalid')).toBe('true');
    await expectNoAccessibilityViolations(page);
    await nace.fill('81');
    await page.getByRole('button', { name: insp.workList.filter }).click();
    await page.getByRole('link', { name: UNDERPAID_EMPLOYER }).waitFor();
    expect(await page.getByTestId('work-list-withheld').count()).toBe(0);
    // An address with a wrong sector says so rather than showing every employer.
    await page.goto('/inspector?nace=4x');
    await page.getByTestId('work-list-withheld').waitFor();
    expect(await page.getByRole('link', { name: UNDERPAID_EMPLOYER }).count()).toBe(0);

    // The front man's file: two signals about the employer, how they make the score, in words.
    await page.goto('/inspector?nace=49');
    await page.getByRole('link', { name: FRONT_MAN_EMPLOYER }).click();
    await expectHeading(page, fill(insp.file.title, { employer: FRONT_MAN_EMPLOYER }));
    const method = page.getByTestId('score-method');
    await method.getByRole('heading', { name: insp.method.title }).waitFor();
    await method
      .getByRole('listitem')
      .filter({
        hasText: fill(insp.method.fixed, { signal: insp.signals.SANCTION_ACTIVE.title, points: '60' }),
      })
      .first()
      .waitFor();
    // The sum the page states adds up, and is the score shown above it.
    const sum = (await page.getByTestId('score-method-sum').textContent()) ?? '';
    const [, terms = '', total = ''] = /^Hier: (.+) = ([\d,]+) punten\.$/.exec(sum) ?? [];
    const numbers = terms.split(' + ').map((n) => Number(n.replace(',', '.')));
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers.reduce((a, b) => a + b, 0)).toBeCloseTo(Number(total.replace(',', '.')), 2);
    await page.getByText(fill(insp.score.total, { score: total })).waitFor();
    // Every kind's points, one click away.
    await method.getByText(insp.method.all).click();
    await method
      .locator('details')
      .getByText(fill(insp.method.fixed, { signal: insp.signals.NOT_DECLARED.title, points: '45' }))
      .waitFor();

    // The evidence: source and time of reading in words; the register's request id short and folded.
    const sanction = page.getByRole('article', { name: new RegExp(insp.signals.SANCTION_ACTIVE.title) });
    await sanction.getByRole('columnheader', { name: insp.signal.valueAndSource }).waitFor();
    expect(await sanction.getByRole('row').nth(1).innerText()).toMatch(/Sanctieregister, gelezen op \d/);
    const requestId = sanction.locator('details.inspector-request-id').first();
    expect(await requestId.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    const short = (await requestId.locator('summary').textContent()) ?? '';
    expect(short.length).toBeLessThan(30);
    await requestId.locator('summary').click();
    const full = (await requestId.getAttribute('open')) !== null ? await requestId.innerText() : '';
    expect(full.length).toBeGreaterThan(short.length);
    // Opened or not, nothing goes sideways: neither the page nor a table of evidence in its box.
    await noSidewaysScroll(390);
    const overflowing = await page
      .locator('.inspector-signal .table-scroll')
      .evaluateAll((boxes) => boxes.filter((box) => box.scrollWidth > box.clientWidth + 1).length);
    expect(overflowing).toBe(0);
    await expectNoAccessibilityViolations(page);
  }, 180_000);

  it('proposes a refusal ground for a pending dossier; the case handler finds it ticked, with the facts', async () => {
    const pending = await server.database.db
      .selectFrom('dossiers')
      .select(['id', 'number'])
      .where('enterprise_number', '=', '0403170701')
      .where('status', '=', 'IN_REVIEW')
      .orderBy('number')
      .executeTakeFirstOrThrow();
    await signInOnPage(page, 'inspecteur');
    await page.waitForURL('**/inspector');
    await page.goto('/inspector/employers/0403170701');
    const section = page.getByRole('region', { name: insp.refusal.title });
    await section.waitFor();
    await section.getByLabel(insp.withdrawal.dossier).selectOption(pending.id);
    // Nothing chosen: the form says what is missing.
    await section.getByRole('button', { name: insp.refusal.submit }).click();
    await section.getByText(insp.refusal.groundRequired).first().waitFor();
    await section
      .getByRole('group', { name: insp.refusal.grounds })
      .getByLabel(GROUND_STATEMENTS.nl.FALSE_DOCUMENTS, { exact: true })
      .check();
    const facts = 'Het diploma in dit dossier is hetzelfde bestand als dat van een andere werknemer.';
    await section.getByLabel(insp.refusal.facts).fill(facts);
    await section.getByRole('button', { name: insp.refusal.submit }).click();
    await page.getByText(insp.refusal.proposed).waitFor();
    await expectNoAccessibilityViolations(page);

    const handler = await page.context().browser()!.newContext({ baseURL: server.url });
    const other = await handler.newPage();
    await signInOnPage(other, 'behandelaar');
    await other.waitForURL((url) => url.pathname !== '/login');
    await other.goto(`/case-handler/dossiers/${pending.id}`);
    const grounds = other.getByRole('group', { name: staff.panel.refuse.reasons });
    const falseDocuments = grounds.getByLabel(staff.reasons.FALSE_DOCUMENTS, { exact: true });
    await falseDocuments.waitFor();
    expect(await falseDocuments.isChecked()).toBe(true);
    await grounds.getByText(facts, { exact: false }).waitFor();
    await handler.close();
  }, 180_000);

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
