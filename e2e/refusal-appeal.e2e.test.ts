import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEAL_LETTER_TEXTS } from '../src/dossiers/letters/appeal-letter-texts.ts';
import { GROUND_STATEMENTS } from '../src/dossiers/letters/ground-texts.ts';
import { readPdfText, squash } from '../src/dossiers/letters/test-support/read-pdf-text.ts';
import { addDays, formatBelgianDate } from '../src/rules/dates/iso-date.ts';
import emp from '../web/src/locales/employer/nl.json' with { type: 'json' };
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

// The case handler's refusal of a dossier the rules found nothing against (a ground picked from
// the category, a written motivation, a confirmation), then the employer's appeal, allowed by a
// supervisor with a grant: the new decision and its letter reach the employer and the worker. Then
// an appeal dismissed ("ongegrond"), its reasons edited in the letter's draft before signing.

const TODAY = todayInBrussels();
const MOTIVATION = 'Het voorgelegde diploma is vervalst; de universiteit bevestigt dat.';
const DISMISSAL = 'De universiteit bevestigt schriftelijk dat zij het diploma nooit uitreikte.';

/** An eligible highly-skilled application: the assessment finds no reason to refuse it. */
const ELIGIBLE = {
  worker: {
    'workerIdentity.givenNames': 'Amal',
    'workerIdentity.familyName': 'Haddad',
    'application.worker.birthDate': '1991-02-03',
    'application.worker.nationality': 'JO',
    'application.worker.location': 'ABROAD',
    'application.worker.qualificationVks': 7,
  },
  job: {
    'application.job.title': 'Data engineer',
    'application.job.workplacePostalCode': '2000',
    'application.job.startDate': addDays(TODAY, 60),
    'application.job.requiredVks': 6,
    'application.job.grossAnnualSalary': 90000,
    'application.job.employmentFraction': 1,
  },
};

interface Overview extends FiledDossier {
  assessment: { reasons: Array<{ code: string }> };
  letters: Array<{ id: string; kind: string }>;
  decision: Record<string, unknown> | null;
}

describe('refusal and appeal in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let employer: ApiSession;
  let dossier: Overview;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    employer = await signInApi(server.url, 'werkgever');
    const caseHandler = await signInApi(server.url, 'behandelaar');
    const submitted = await fileAndSubmitDossier<Overview>(employer, 'HIGHLY_SKILLED', ELIGIBLE);
    await caseHandler.call('POST', `/api/v1/dossiers/${submitted.id}/fee/payment`, {
      paidOn: TODAY,
      version: submitted.version,
    });
    await caseHandler.dispose();
    dossier = await employer.call<Overview>('GET', `/api/v1/dossiers/${submitted.id}`);
    expect(dossier.status).toBe('ADMISSIBLE');
    expect(dossier.assessment.reasons).toEqual([]);
  });

  afterAll(async () => {
    await employer?.dispose();
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, username: string): Promise<void> {
    await signInOnPage(page, username);
    await page.waitForURL((url) => url.pathname !== '/login');
  }
  const expectStatus = (page: Page, status: string) =>
    page.locator('.staff-summary').getByText(status, { exact: true }).waitFor();

  async function pdfText(page: Page, href: string | null): Promise<string> {
    const response = await page.context().request.get(href ?? '');
    expect(response.headers()['content-type']).toBe('application/pdf');
    return squash(readPdfText(await response.body()));
  }

  it('refuses a dossier whose assessment found no reason, on a ground the case handler picks', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, 'behandelaar');
    await expectHeading(page, nl.queue.title);
    await page.goto(`/case-handler/dossiers/${dossier.id}`);
    await expectHeading(page, nl.overview.title.replace('{{number}}', dossier.number));
    await page.getByRole('button', { name: nl.panel.startReview }).click();
    await expectStatus(page, loginNl.dossierStatuses.IN_REVIEW);

    // Every ground of the category is offered with its legal basis; none is ticked.
    const grounds = page.getByRole('group', { name: nl.panel.refuse.reasons });
    const falseDocuments = grounds.getByLabel(nl.reasons.FALSE_DOCUMENTS, { exact: true });
    expect(await falseDocuments.isChecked()).toBe(false);
    expect(await grounds.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await grounds
      .getByText(/^Rechtsgrond: Besluit van de Vlaamse Regering van 7 december 2018, art\. 12–14/)
      .first()
      .waitFor();
    const refuse = page.getByRole('button', { name: nl.panel.refuse.submit, exact: true });
    expect(await refuse.getAttribute('class')).toContain('button--danger');
    expect(
      await page.getByRole('button', { name: nl.panel.grant.submit, exact: true }).getAttribute('class'),
    ).not.toContain('button--danger');
    await expectNoAccessibilityViolations(page);

    // Nothing chosen, nothing written: the server says both, next to the fields.
    await refuse.click();
    const summary = page.getByRole('alert').filter({ hasText: loginNl.shell.errorSummaryTitle });
    await summary.getByRole('link', { name: new RegExp(`^${nl.panel.refuse.reasons}`) }).waitFor();
    await summary.getByRole('link', { name: new RegExp(`^${literally(nl.panel.refuse.note)}`) }).waitFor();
    await expectNoAccessibilityViolations(page);

    await falseDocuments.check();
    await page.getByLabel(nl.panel.refuse.note).fill(MOTIVATION);
    await refuse.click();
    await page.getByRole('heading', { name: nl.panel.refuse.confirmTitle }).waitFor();
    // The grounds with their long legal bases and the confirmation fit a phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    const widest = await page
      .locator('.staff-overview__side *')
      .evaluateAll((elements) => Math.max(...elements.map((el) => el.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
    if (process.env.LOKET_E2E_SCREENSHOTS) {
      await page.locator('.staff-ground').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.env.LOKET_E2E_SCREENSHOTS}/refuse-390.png` });
      await page.locator('.staff-confirm').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.env.LOKET_E2E_SCREENSHOTS}/confirm-390.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('.staff-confirm').getByText(nl.reasons.FALSE_DOCUMENTS, { exact: false }).waitFor();
    // Cancelling changes nothing; confirming refuses.
    await page.getByRole('button', { name: nl.panel.cancel }).click();
    await expectStatus(page, loginNl.dossierStatuses.IN_REVIEW);
    await refuse.click();
    await page.getByRole('button', { name: nl.panel.refuse.confirm, exact: true }).click();
    await expectStatus(page, loginNl.dossierStatuses.DECIDED_REFUSED);
    const letter = page.getByRole('region', { name: nl.overview.sections.letters }).getByRole('link');
    const text = await pdfText(page, await letter.getAttribute('href'));
    expect(text).toContain(squash(`1. ${GROUND_STATEMENTS.nl.FALSE_DOCUMENTS}`));
    expect(text).toContain(squash(MOTIVATION));
    await expectNoAccessibilityViolations(page);
    await context.close();
  });

  it('lets a supervisor allow the appeal with a grant, and shows the employer and worker the new letter', async () => {
    const refused = await employer.call<Overview>('GET', `/api/v1/dossiers/${dossier.id}`);
    expect(refused.status).toBe('DECIDED_REFUSED');
    const grounds = 'Het diploma is echt: de universiteit bevestigt het schriftelijk.';
    await employer.call('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'APPEAL',
      version: refused.version,
      grounds,
    });

    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, 'teamleider');
    await expectHeading(page, nl.supervisor.title);
    await page.goto(`/supervisor/dossiers/${dossier.id}`);
    await expectHeading(page, nl.overview.title.replace('{{number}}', dossier.number));
    await expectStatus(page, loginNl.dossierStatuses.APPEALED);
    await page.getByTestId('appeal-grounds').getByText(grounds).waitFor();
    await page.getByLabel(nl.appealOutcomes.OVERTURNED).check();
    await page.getByLabel(nl.appealFollowUps.GRANT).check();
    const validFrom = await page.getByLabel(nl.panel.grant.validFrom).inputValue();
    const validUntil = await page.getByLabel(nl.panel.grant.validUntil).inputValue();
    await page.getByLabel(nl.panel.decideAppeal.note).fill('De universiteit bevestigt het diploma.');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: nl.panel.decideAppeal.submit }).click();
    await page.getByRole('heading', { name: nl.panel.decideAppeal.confirmTitle }).waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: nl.panel.decideAppeal.confirm, exact: true }).click();
    await expectStatus(page, loginNl.dossierStatuses.DECIDED_GRANTED);
    await page.getByTestId('appeal-outcome').getByText(nl.appealFollowUps.GRANT, { exact: false }).waitFor();
    await context.close();

    // The employer sees the appeal's outcome, the validity and the letter on the appeal.
    const employerContext = await browser.newContext({ baseURL: server.url });
    const employerPage = await employerContext.newPage();
    await signIn(employerPage, 'werkgever');
    await employerPage.goto(`/employer/dossiers/${dossier.id}`);
    await expectHeading(employerPage, emp.dossier.title.replace('{{number}}', dossier.number));
    const decision = employerPage.getByRole('region', { name: emp.decision.title });
    const date = longDate;
    await decision.getByText(emp.decision.appealGranted.replace('{{date}}', date(TODAY))).waitFor();
    await decision
      .getByText(
        emp.decision.validity.replace('{{from}}', date(validFrom)).replace('{{until}}', date(validUntil)),
      )
      .waitFor();
    const appealLetter = decision.getByRole('link', {
      name: emp.decision.appealLetter.replace('{{date}}', date(TODAY)),
    });
    const text = await pdfText(employerPage, await appealLetter.getAttribute('href'));
    expect(text).toContain(squash(formatBelgianDate(validFrom)));
    expect(text).toContain(squash('De universiteit bevestigt het diploma.'));
    await expectNoAccessibilityViolations(employerPage);

    // The worker, with a code from the employer, sees the same outcome and can open the letter.
    const { code } = await employer.call<{ code: string }>(
      'POST',
      `/api/v1/dossiers/${dossier.id}/worker-access`,
    );
    await employerContext.close();
    const workerContext = await browser.newContext({ baseURL: server.url });
    const worker = await workerContext.newPage();
    await worker.goto('/worker');
    await worker.getByLabel(emp.worker.code, { exact: true }).fill(code);
    await worker.getByRole('button', { name: emp.worker.submit }).click();
    await worker.getByRole('heading', { level: 1, name: `Dossier ${dossier.number}` }).waitFor();
    const seen = worker.getByRole('region', { name: emp.decision.title });
    await seen.getByText(emp.decision.appealGranted.replace('{{date}}', date(TODAY))).waitFor();
    const workerLetter = seen.getByRole('link', {
      name: emp.decision.appealLetter.replace('{{date}}', date(TODAY)),
    });
    expect(await pdfText(worker, await workerLetter.getAttribute('href'))).toContain(
      squash('De universiteit bevestigt het diploma.'),
    );
    await expectNoAccessibilityViolations(worker);
    await workerContext.close();
  });

  it('lets a supervisor dismiss an appeal, the reasons edited in the letter draft; employer and worker see its letter', {
    timeout: 120_000,
  }, async () => {
    // A second dossier, refused and appealed through the API: the browser part is the decision.
    const filed = await fileAndSubmitDossier<Overview>(employer, 'HIGHLY_SKILLED', ELIGIBLE);
    const caseHandler = await signInApi(server.url, 'behandelaar');
    const act = (body: Record<string, unknown>) =>
      caseHandler.call<Overview>('POST', `/api/v1/dossiers/${filed.id}/actions`, body);
    const paid = await caseHandler.call<Overview>('POST', `/api/v1/dossiers/${filed.id}/fee/payment`, {
      paidOn: TODAY,
      version: filed.version,
    });
    const started = await act({ action: 'START_REVIEW', version: paid.version });
    const refused = await act({
      action: 'REFUSE',
      version: started.version,
      reasonCodes: ['FALSE_DOCUMENTS'],
      note: MOTIVATION,
    });
    await caseHandler.dispose();
    await employer.call('POST', `/api/v1/dossiers/${filed.id}/actions`, {
      action: 'APPEAL',
      version: refused.version,
      grounds: 'Het diploma werd door de universiteit uitgereikt.',
    });

    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, 'teamleider');
    await page.goto(`/supervisor/dossiers/${filed.id}`);
    await expectStatus(page, loginNl.dossierStatuses.APPEALED);
    await page.getByLabel(nl.appealOutcomes.UPHELD).check();
    // A dismissal has no follow-up to choose.
    expect(await page.getByLabel(nl.appealFollowUps.GRANT).count()).toBe(0);
    await page.getByLabel(nl.panel.decideAppeal.note).fill('Eerste versie van de motivering.');
    await page.getByRole('button', { name: nl.panel.decideAppeal.submit }).click();
    // The letter's draft: the dismissal and the Council of State fixed, the reasons editable.
    const draft = page.locator('.staff-letter-draft');
    await draft.getByRole('heading', { name: nl.letterDraft.title }).waitFor();
    await draft.getByText(APPEAL_LETTER_TEXTS.nl.furtherAppeal).waitFor();
    await draft.getByText(/werd beslist dat uw beroep ongegrond is/).waitFor();
    const reasons = draft.getByLabel(
      nl.letterDraft.motivation.replace('{{heading}}', APPEAL_LETTER_TEXTS.nl.motivationHeading),
    );
    expect(await reasons.inputValue()).toBe('Eerste versie van de motivering.');
    await reasons.fill(DISMISSAL);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: nl.panel.decideAppeal.confirm, exact: true }).click();
    await expectStatus(page, loginNl.dossierStatuses.APPEAL_DECIDED);
    // The staff history says the letter's text was edited before signing.
    await page.getByText(nl.actions.LETTER_EDITED).first().waitFor();
    await context.close();

    // The employer reads the dismissal and its letter, with the edited reasons.
    const employerContext = await browser.newContext({ baseURL: server.url });
    const employerPage = await employerContext.newPage();
    await signIn(employerPage, 'werkgever');
    await employerPage.goto(`/employer/dossiers/${filed.id}`);
    const decision = employerPage.getByRole('region', { name: emp.decision.title });
    await decision.getByText(emp.decision.appealDismissed.replace('{{date}}', longDate(TODAY))).waitFor();
    const letterName = emp.decision.appealLetter.replace('{{date}}', longDate(TODAY));
    const text = await pdfText(
      employerPage,
      await decision.getByRole('link', { name: letterName }).getAttribute('href'),
    );
    expect(text).toContain(squash(DISMISSAL));
    expect(text).not.toContain('Eerste versie');
    expect(text).toContain(squash(APPEAL_LETTER_TEXTS.nl.furtherAppeal));
    await expectNoAccessibilityViolations(employerPage);
    await employerContext.close();

    // The worker, with their code, sees the same outcome and letter.
    const { code } = await employer.call<{ code: string }>(
      'POST',
      `/api/v1/dossiers/${filed.id}/worker-access`,
    );
    const workerContext = await browser.newContext({ baseURL: server.url });
    const worker = await workerContext.newPage();
    await worker.goto('/worker');
    await worker.getByLabel(emp.worker.code, { exact: true }).fill(code);
    await worker.getByRole('button', { name: emp.worker.submit }).click();
    const seen = worker.getByRole('region', { name: emp.decision.title });
    await seen.getByText(emp.decision.appealDismissed.replace('{{date}}', longDate(TODAY))).waitFor();
    expect(
      await pdfText(worker, await seen.getByRole('link', { name: letterName }).getAttribute('href')),
    ).toContain(squash(DISMISSAL));
    await workerContext.close();
  });
});

/** A date as the employer's page writes it ("1 december 2026"). */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('nl', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

/** A label as a literal in a regular expression ("Motivering (verplicht)" has parentheses). */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
