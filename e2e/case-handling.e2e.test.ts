import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/rules/dates/iso-date.ts';
import loginNl from '../web/src/locales/nl.json' with { type: 'json' };
import nl from '../web/src/locales/staff/nl.json' with { type: 'json' };
import { todayInBrussels } from '../web/src/pages/staff/staff-format.ts';
import {
  type ApiSession,
  type FiledDossier,
  fileAndSubmitDossier,
  signInApi,
} from './support/api-session.ts';
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  launchBrowser,
  signInOnPage,
  startE2eServer,
} from './support/harness.ts';

// The service side as case handlers and supervisors use it: two dossiers filed and paid through
// the API (as src/dossiers/dossiers.db.test.ts does), then handled in Debian's Chromium from the
// queue to the decision letter, with axe-core on every page visited. The server runs on the real
// clock, so dates are computed from today.

const TODAY = todayInBrussels();
const START_DATE = addDays(TODAY, 60);

interface Overview extends FiledDossier {
  documents: Array<{ documentType: string }>;
  assessment: { outcome: string; reasons: Array<{ code: string }> };
}

/** Draft → steps → documents → submit → fee paid (recorded by the case handler): an admissible dossier. */
async function fileDossier(
  employer: ApiSession,
  caseHandler: ApiSession,
  category: string,
  steps: Record<string, Record<string, unknown>>,
): Promise<Overview> {
  const submitted = await fileAndSubmitDossier<Overview>(employer, category, steps);
  await caseHandler.call('POST', `/api/v1/dossiers/${submitted.id}/fee/payment`, {
    paidOn: TODAY,
    version: submitted.version,
  });
  const admissible = await employer.call<Overview>('GET', `/api/v1/dossiers/${submitted.id}`);
  expect(admissible.status).toBe('ADMISSIBLE');
  return admissible;
}

const WORKER = {
  'workerIdentity.givenNames': 'Priya',
  'workerIdentity.familyName': 'Raman',
  'application.worker.birthDate': '1990-05-01',
  'application.worker.nationality': 'IN',
  'application.worker.location': 'ABROAD',
};

describe('case handling in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let employer: ApiSession;
  let caseHandler: ApiSession;
  let highlySkilled: Overview;
  let labourMarketTest: Overview;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    employer = await signInApi(server.url, 'werkgever');
    caseHandler = await signInApi(server.url, 'behandelaar');
    highlySkilled = await fileDossier(employer, caseHandler, 'HIGHLY_SKILLED', {
      worker: { ...WORKER, 'application.worker.qualificationVks': 7 },
      job: {
        'application.job.title': 'Software engineer',
        'application.job.workplacePostalCode': '9000',
        'application.job.startDate': START_DATE,
        'application.job.requiredVks': 6,
        'application.job.grossAnnualSalary': 85000,
        'application.job.employmentFraction': 1,
      },
    });
    // Published for nine days only: far short of the weeks the labour-market test asks per channel.
    const publication = { from: addDays(TODAY, -10), to: addDays(TODAY, -1) };
    labourMarketTest = await fileDossier(employer, caseHandler, 'OTHER_LABOUR_MARKET_TEST', {
      worker: { ...WORKER, 'workerIdentity.givenNames': 'Tomas' },
      job: {
        'application.job.title': 'Welder',
        'application.job.workplacePostalCode': '9000',
        'application.job.startDate': START_DATE,
        'application.job.requiredVks': 4,
        'application.job.grossAnnualSalary': 36000,
        'application.job.employmentFraction': 1,
        'application.job.onVdabShortageList': true,
      },
      specific: {
        'application.labourMarketTest.publications': [
          { channel: 'VDAB', ...publication },
          { channel: 'EURES', ...publication },
        ],
      },
    });
    expect(labourMarketTest.assessment.reasons.map((r) => r.code)).toContain(
      'VACANCY_PUBLICATION_INSUFFICIENT',
    );
  });

  afterAll(async () => {
    await employer?.dispose();
    await caseHandler?.dispose();
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, username: string): Promise<void> {
    await signInOnPage(page, username);
  }

  async function expectStatus(page: Page, status: string): Promise<void> {
    await page.locator('.staff-summary').getByText(status, { exact: true }).waitFor();
  }

  const title = (number: string) => nl.overview.title.replace('{{number}}', number);

  /** Grant, then confirm: a grant is final, the page asks once more before it is sent. */
  async function grant(page: Page): Promise<void> {
    await page.getByRole('button', { name: nl.panel.grant.submit, exact: true }).click();
    await page.getByRole('heading', { name: nl.panel.grant.confirmTitle }).waitFor();
    await page.getByRole('button', { name: nl.panel.grant.confirm, exact: true }).click();
  }

  it('takes a case handler from the queue to a grant and a refusal, each with its letter', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, 'behandelaar');
    await expectHeading(page, nl.queue.title);
    // "Mine" first: the demo data's dossiers of this case handler, with their flags in words.
    const mine = page.getByRole('table', { name: /^Open dossiers \(\d+\)$/ });
    await mine.getByText(nl.flags.overdue).first().waitFor();
    await expectNoAccessibilityViolations(page);

    // The two new dossiers are nobody's yet.
    await page.getByLabel(nl.queue.scope.unassigned).check();
    await page.getByRole('button', { name: nl.queue.apply }).click();
    await page.waitForURL(/scope=unassigned/);
    expect(await page.getByLabel(nl.queue.scope.unassigned).isChecked()).toBe(true);
    const queue = page.getByRole('table', { name: /^Open dossiers \(\d+\)$/ });
    await queue.getByRole('link', { name: highlySkilled.number }).waitFor();
    await queue.getByRole('link', { name: labourMarketTest.number }).waitFor();
    await expectNoAccessibilityViolations(page);

    // The highly-skilled dossier: review, a question that stops the clock, the answer, a grant.
    await queue.getByRole('link', { name: highlySkilled.number }).click();
    await expectHeading(page, title(highlySkilled.number));
    await expectStatus(page, loginNl.dossierStatuses.ADMISSIBLE);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: nl.panel.startReview }).click();
    await expectStatus(page, loginNl.dossierStatuses.IN_REVIEW);
    await page.locator('.staff-summary').getByText('Jonas Claes').waitFor();

    await page.getByLabel(nl.panel.requestInformation.question).fill('Please add the signed contract.');
    await page.getByRole('button', { name: nl.panel.requestInformation.submit }).click();
    await expectStatus(page, loginNl.dossierStatuses.INFORMATION_REQUESTED);
    await page.getByTestId('clock-state').getByText(nl.overview.clock.stopped).waitFor();
    await expectNoAccessibilityViolations(page);

    const asked = await employer.call<Overview>('GET', `/api/v1/dossiers/${highlySkilled.id}`);
    await employer.call('POST', `/api/v1/dossiers/${highlySkilled.id}/actions`, {
      action: 'ANSWER_INFORMATION',
      version: asked.version,
      answer: 'The signed contract is attached.',
    });
    await page.reload();
    await expectStatus(page, loginNl.dossierStatuses.IN_REVIEW);
    await page.getByTestId('clock-state').getByText(nl.overview.clock.running).waitFor();
    await page.getByText('The signed contract is attached.').waitFor();

    const validUntil = page.getByLabel(nl.panel.grant.validUntil);
    expect(await page.getByLabel(nl.panel.grant.validFrom).inputValue()).toBe(START_DATE);
    const proposedUntil = await validUntil.inputValue();
    expect(proposedUntil > START_DATE).toBe(true);

    // Meanwhile someone else changes the dossier (the case handler takes it through the API).
    const current = await caseHandler.call<Overview & { assignee: { id: string } }>(
      'GET',
      `/api/v1/dossiers/${highlySkilled.id}`,
    );
    await caseHandler.call('POST', `/api/v1/dossiers/${highlySkilled.id}/assignment`, {
      assigneeId: current.assignee.id,
      version: current.version,
    });
    // A validity beyond the maximum: said next to the field before any confirmation opens.
    await validUntil.fill(addDays(START_DATE, 365 * 10));
    await page.getByRole('button', { name: nl.panel.grant.submit, exact: true }).click();
    await page.getByText(nl.panel.grant.untilTooLate.split('{{')[0] as string).waitFor();
    expect(await validUntil.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('heading', { name: nl.panel.grant.confirmTitle }).count()).toBe(0);
    await expectNoAccessibilityViolations(page);
    // Corrected, the grant meets the other change: the page says so and offers to reload.
    await validUntil.fill(proposedUntil);
    await grant(page);
    await page.getByText(nl.panel.conflict).waitFor();
    await page.getByRole('button', { name: nl.panel.reload }).click();
    await page.getByText(nl.panel.conflict).waitFor({ state: 'detached' });
    await grant(page);
    await expectStatus(page, loginNl.dossierStatuses.DECIDED_GRANTED);
    const grantLetter = page.getByRole('region', { name: nl.overview.sections.letters }).getByRole('link');
    const grantPdf = await context.request.get((await grantLetter.getAttribute('href')) ?? '');
    expect(grantPdf.status()).toBe(200);
    expect(grantPdf.headers()['content-type']).toBe('application/pdf');
    await expectNoAccessibilityViolations(page);

    // The labour-market-test dossier: its refusal reason comes ticked from the assessment.
    await page.getByRole('link', { name: nl.common.backToQueue }).click();
    await expectHeading(page, nl.queue.title);
    await page.goto('/case-handler?scope=unassigned');
    await page.getByRole('link', { name: labourMarketTest.number }).click();
    await expectHeading(page, title(labourMarketTest.number));
    await page.getByRole('button', { name: nl.panel.startReview }).click();
    await expectStatus(page, loginNl.dossierStatuses.IN_REVIEW);
    const reason = page.getByLabel(nl.reasons.VACANCY_PUBLICATION_INSUFFICIENT, { exact: false });
    expect(await reason.isChecked()).toBe(true);
    await page.getByLabel(nl.panel.refuse.note).fill('The vacancy was published for nine days only.');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: nl.panel.refuse.submit, exact: true }).click();
    // A refusal is final: the page asks once more, with the grounds chosen, before it is sent.
    const confirmation = page.getByRole('heading', { name: nl.panel.refuse.confirmTitle });
    await confirmation.waitFor();
    expect(await confirmation.evaluate((heading) => heading === document.activeElement)).toBe(true);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: nl.panel.refuse.confirm, exact: true }).click();
    await expectStatus(page, loginNl.dossierStatuses.DECIDED_REFUSED);
    const refusalLetter = page.getByRole('region', { name: nl.overview.sections.letters }).getByRole('link');
    const refusalPdf = await context.request.get((await refusalLetter.getAttribute('href')) ?? '');
    expect(refusalPdf.headers()['content-type']).toBe('application/pdf');
    await page
      .getByRole('region', { name: nl.overview.sections.decision })
      .getByText(nl.reasons.VACANCY_PUBLICATION_INSUFFICIENT)
      .waitFor();
    await expectNoAccessibilityViolations(page);
    await context.close();
  });

  it('shows a supervisor the workload and the lead times of the decided dossiers', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, 'teamleider');
    await expectHeading(page, nl.supervisor.title);
    // The figures the page shows are the server's, including the two decisions of today.
    const figures = (await (await context.request.get('/api/v1/supervision/workload')).json()) as {
      caseHandlers: Array<{ displayName: string; open: number; atRisk: number; overdue: number }>;
      unassigned: number;
    };
    const jonasFigures = figures.caseHandlers.find((row) => row.displayName === 'Jonas Claes');
    const workload = page.getByRole('table', { name: nl.supervisor.workload.caption });
    const jonas = workload.getByRole('row', { name: /Jonas Claes/ });
    await jonas.locator('td').first().waitFor(); // the table renders after its data arrives
    expect((await jonas.locator('td').allInnerTexts()).slice(1)).toEqual(
      [jonasFigures?.open, jonasFigures?.atRisk, jonasFigures?.overdue].map(String),
    );
    await page
      .getByText(nl.supervisor.workload.unassigned.replace('{{count}}', String(figures.unassigned)))
      .waitFor();
    const lead = (await (await context.request.get('/api/v1/supervision/lead-times')).json()) as {
      categories: Array<{ category: string; decided: number }>;
    };
    const leadTimes = page.getByRole('table', { name: /^Doorlooptijden van/ });
    for (const category of ['HIGHLY_SKILLED', 'OTHER_LABOUR_MARKET_TEST'] as const) {
      const decided = lead.categories.find((row) => row.category === category)?.decided ?? 0;
      expect(decided).toBeGreaterThanOrEqual(1);
      const row = leadTimes.getByRole('row', { name: new RegExp(`^${loginNl.categories[category]} `) });
      expect(await row.locator('td').first().innerText()).toBe(String(decided));
    }
    // The highly skilled are rated against no 30-day target; one line says whether it was met overall.
    const highlySkilled = leadTimes.getByRole('row', {
      name: new RegExp(`^${loginNl.categories.HIGHLY_SKILLED} `),
    });
    expect(await highlySkilled.innerText()).toContain(nl.supervisor.leadTimes.noTarget);
    expect(await page.getByTestId('lead-times-overall').innerText()).toMatch(
      /^Over alle categorieën met het streefdoel: /,
    );
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: nl.supervisor.queueLink }).click();
    await expectHeading(page, nl.queue.supervisorTitle);
    await expectNoAccessibilityViolations(page);

    // Reassign the first dossier of the team's queue to the supervisor herself.
    const firstRow = page
      .getByRole('table', { name: /^Open dossiers \(\d+\)$/ })
      .getByRole('row')
      .nth(1);
    const number = await firstRow.getByRole('rowheader').innerText();
    const dossierId = ((await firstRow.getByRole('link').getAttribute('href')) ?? '').split('/').pop();
    await page
      .getByLabel(nl.queue.reassignLabel.replace('{{number}}', number))
      .selectOption({ label: 'Sofie Maes' });
    await firstRow
      .getByRole('button', { name: nl.queue.reassignButtonFor.replace('{{number}}', number) })
      .click();
    await page.getByRole('status').getByText(nl.queue.reassigned.replace('{{number}}', number)).waitFor();
    const reassigned = (await (await context.request.get(`/api/v1/dossiers/${dossierId}`)).json()) as {
      assignee: { displayName: string };
    };
    expect(reassigned.assignee.displayName).toBe('Sofie Maes');
    await context.close();
  });

  it('lets a supervisor sort the queue, assign several dossiers at once and leave an internal note', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, 'teamleider');
    await expectHeading(page, nl.supervisor.title);
    await page.goto('/supervisor/queue?scope=unassigned');
    await expectHeading(page, nl.queue.supervisorTitle);
    // A column header sorts on the server and says so (aria-sort); a second click turns it around.
    const table = page.getByRole('table', { name: /^Open dossiers \(\d+\)$/ });
    const numberHeader = table.getByRole('columnheader', { name: new RegExp(`^${nl.queue.columns.number}`) });
    // The rows the server gives in that order (page of 25, as the page asks).
    const serverOrder = async (direction: string) =>
      (
        await caseHandler.call<{ items: Array<{ number: string }> }>(
          'GET',
          `/api/v1/queue?scope=unassigned&sort=number&direction=${direction}&limit=25`,
        )
      ).items.map((item) => item.number);
    const ascending = await serverOrder('asc');
    expect(ascending).toEqual([...ascending].sort());
    await numberHeader.getByRole('link').click();
    await page.waitForURL(/sort=number&direction=asc/);
    await expect.poll(() => table.getByRole('rowheader').allInnerTexts()).toEqual(ascending);
    expect(await numberHeader.getAttribute('aria-sort')).toBe('ascending');
    await numberHeader.getByRole('link').click();
    await page.waitForURL(/direction=desc/);
    await expect.poll(() => table.getByRole('rowheader').allInnerTexts()).toEqual(await serverOrder('desc'));
    expect(await numberHeader.getAttribute('aria-sort')).toBe('descending');
    await expectNoAccessibilityViolations(page);

    // Two dossiers ticked go to one case handler in one action.
    const [first, second] = ascending.slice(-2);
    for (const number of [first, second]) {
      await page.getByLabel(nl.bulk.selectRow.replace('{{number}}', number ?? '')).check();
    }
    await page.getByLabel(nl.bulk.assignee).selectOption({ label: 'Jonas Claes' });
    await page.getByRole('button', { name: nl.bulk.submit.replace('{{count}}', '2') }).click();
    await page
      .getByRole('status')
      .getByText(/Jonas Claes/)
      .waitFor();
    const assigned = await caseHandler.call<{
      items: Array<{ number: string; assignee: { displayName: string } }>;
    }>('GET', `/api/v1/queue?scope=all&q=${encodeURIComponent(first ?? '')}`);
    expect(assigned.items[0]?.assignee.displayName).toBe('Jonas Claes');

    // An internal note, in the staff history; the employer never sees it.
    await page.goto(`/supervisor/queue?q=${encodeURIComponent(second ?? '')}`);
    await page.getByRole('link', { name: second }).click();
    await expectHeading(page, title(second ?? ''));
    await page.getByLabel(nl.notes.text).fill('Werkgever belde: diploma volgt.');
    await page.getByRole('button', { name: nl.notes.add }).click();
    await page
      .getByRole('region', { name: nl.notes.title })
      .getByText('Werkgever belde: diploma volgt.')
      .waitFor();
    const history = page.getByRole('region', { name: nl.overview.sections.history });
    await history.getByRole('rowheader', { name: new RegExp(`^${nl.actions.NOTE}`) }).waitFor();
    await history.getByRole('rowheader', { name: new RegExp(`^${nl.actions.ASSIGNED}`) }).waitFor();
    await expectNoAccessibilityViolations(page);
    const dossierId = page.url().split('/').pop() ?? '';
    const employerView = JSON.stringify(await employer.call('GET', `/api/v1/dossiers/${dossierId}`));
    expect(employerView).not.toContain('diploma volgt');
    await context.close();
  });

  it('marks a fee paid from an imported bank statement and explains the other lines', async () => {
    const awaiting = await caseHandler.call<{ items: Array<{ id: string; isAwaitingFee: boolean }> }>(
      'GET',
      '/api/v1/queue?scope=all&status=SUBMITTED&limit=50',
    );
    const unpaid = awaiting.items.find((item) => item.isAwaitingFee);
    expect(unpaid).toBeDefined();
    const dossier = await caseHandler.call<Overview & { fee: { reference: string } }>(
      'GET',
      `/api/v1/dossiers/${unpaid?.id}`,
    );
    const csv = [
      'booking_date;amount;currency;communication',
      `${new Date().toISOString().slice(0, 10)};200,00;EUR;${dossier.fee.reference}`,
      `${new Date().toISOString().slice(0, 10)};12,50;EUR;invoice 7`,
    ].join('\n');
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, 'behandelaar');
    await expectHeading(page, nl.queue.title);
    await page.getByRole('link', { name: nl.payments.title }).click();
    await expectHeading(page, nl.payments.title);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: nl.payments.submit }).click();
    await page.getByRole('alert').getByRole('link', { name: nl.payments.fileRequired }).waitFor();
    await page.setInputFiles('#bank-statement', {
      name: 'statement.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: nl.payments.submit }).click();
    const matched = page.getByRole('table', { name: nl.payments.matchedCaption });
    await matched.getByRole('link', { name: dossier.number }).waitFor();
    await page
      .getByRole('table', { name: nl.payments.unmatchedCaption })
      .getByText(nl.payments.reasons.NO_REFERENCE)
      .waitFor();
    await expectNoAccessibilityViolations(page);
    const after = await caseHandler.call<Overview & { fee: { paidOn: string | null } }>(
      'GET',
      `/api/v1/dossiers/${dossier.id}`,
    );
    expect(after.fee.paidOn).not.toBeNull();
    await context.close();
  });
});
