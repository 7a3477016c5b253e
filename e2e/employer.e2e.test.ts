import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import employerFr from '../web/src/locales/employer/fr.json' with { type: 'json' };
import employerNl from '../web/src/locales/employer/nl.json' with { type: 'json' };
import fr from '../web/src/locales/fr.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import staffNl from '../web/src/locales/staff/nl.json' with { type: 'json' };
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  findAccessibilityViolations,
  useBrowserTests,
} from './support/harness.ts';

// The employer portal as an employer meets it, in Chromium against the real service: the public
// self-check, then a highly-skilled application from draft to submission, with axe on every page.
const emp = employerNl;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** A date `days` from today as YYYY-MM-DD (the e2e server runs on the real clock). */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('the employer portal', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  useBrowserTests({
    servers: (s, b) => {
      server = s;
      browser = b;
    },
    pages: (c, p) => {
      context = c;
      page = p;
    },
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const label = (text: string) => page.getByLabel(text, { exact: true });
  const optional = (text: string) => `${text} ${emp.form.optional}`;

  async function saveStep(): Promise<void> {
    await page.getByRole('button', { name: emp.form.saveAndContinue }).click();
  }

  it('shows a highly-skilled worker ELIGIBLE in the self-check, with the procedure', async () => {
    await page.goto('/self-check');
    await expectHeading(page, emp.selfCheck.title);
    await expectNoAccessibilityViolations(page);

    await page.getByLabel(nl.categories.HIGHLY_SKILLED).check();
    await label(emp.questions.application.employer.enterpriseNumber).fill('0403.170.701');
    await label(emp.questions.application.worker.birthDate).fill('1990-05-01');
    await label(emp.questions.application.worker.nationality).selectOption('IN');
    await page.getByLabel(emp.options.ABROAD).check();
    await label(emp.questions.application.worker.qualificationVks).selectOption('7');
    await label(emp.questions.application.job.title).fill('Software engineer');
    await label(emp.questions.application.job.workplacePostalCode).fill('900');
    await label(emp.questions.application.job.startDate).fill(daysFromToday(60));
    await label(emp.questions.application.job.requiredVks).selectOption('6');
    await label(emp.questions.application.job.grossAnnualSalary).fill('85 000');
    await label(optional(emp.questions.application.job.employmentFraction)).fill('1');
    await page.getByRole('button', { name: emp.selfCheck.check }).click();

    // The API's schema error shows next to its field and in the summary.
    const postalCode = label(emp.questions.application.job.workplacePostalCode);
    await page
      .getByRole('alert')
      .getByRole('link', { name: /Postcode van de werkplaats/ })
      .waitFor();
    expect(await postalCode.getAttribute('aria-invalid')).toBe('true');
    await expectNoAccessibilityViolations(page);
    await postalCode.fill('9000');
    await page.getByRole('button', { name: emp.selfCheck.check }).click();

    const result = page.getByRole('region', { name: emp.assessment.title });
    await result.getByText(emp.outcomes.ELIGIBLE, { exact: true }).waitFor();
    await result.getByText(emp.assessment.procedure, { exact: true }).waitFor();
    // The fast lane (highly skilled, fee due): the clock runs from the application or the later payment.
    expect(await result.textContent()).toContain(
      emp.assessment.deadlineDaysFromPayment.replace('{{days}}', '15'),
    );
    await expectNoAccessibilityViolations(page);
  });

  it('walks a highly-skilled application from filing through payment, a request for information and a grant to its letter', async () => {
    await page.goto('/login');
    await page.getByLabel(nl.login.username).fill('werkgever');
    await page.getByLabel(nl.login.password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: nl.login.submit }).click();
    await expectHeading(page, nl.workspace.title.EMPLOYER);
    await page.getByRole('link', { name: emp.home.selfCheckLink }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: emp.home.start }).click();
    await expectHeading(page, emp.new.title);
    await expectNoAccessibilityViolations(page);
    await page.getByLabel(nl.categories.HIGHLY_SKILLED).check();
    expect(await page.getByLabel(/0403\.170\.701/).isChecked()).toBe(true); // the only enterprise
    await page.getByRole('button', { name: emp.new.start }).click();

    // Step 1: the employer, prefilled from the draft.
    await expectHeading(page, emp.steps.employer);
    await page.getByText('Stap 1 van 5').waitFor();
    expect(await label(emp.questions.application.employer.enterpriseNumber).inputValue()).toBe(
      '0403.170.701',
    );
    await expectNoAccessibilityViolations(page);
    await saveStep();

    await expectHeading(page, emp.steps.worker);
    const dossierId = new URL(page.url()).pathname.split('/')[3] as string;
    await label(emp.questions.workerIdentity.givenNames).fill('Priya');
    await label(emp.questions.workerIdentity.familyName).fill('Raman');
    await label(emp.questions.application.worker.birthDate).fill('1990-05-01');
    await label(emp.questions.application.worker.nationality).selectOption('IN');
    await page.getByLabel(emp.options.ABROAD).check();
    await label(emp.questions.application.worker.qualificationVks).selectOption('7');
    await expectNoAccessibilityViolations(page);
    await saveStep();

    // Step 3, first with a wrong postal code: the summary and the field both say so.
    await expectHeading(page, emp.steps.job);
    await label(emp.questions.application.job.title).fill('Software engineer');
    await label(emp.questions.application.job.workplacePostalCode).fill('90');
    await label(emp.questions.application.job.startDate).fill(daysFromToday(60));
    await label(emp.questions.application.job.requiredVks).selectOption('6');
    await label(emp.questions.application.job.grossAnnualSalary).fill('85000');
    await label(optional(emp.questions.application.job.employmentFraction)).fill('1');
    await saveStep();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: nl.shell.errorSummaryTitle }).waitFor();
    const postalCode = label(emp.questions.application.job.workplacePostalCode);
    await summary
      .getByRole('link', { name: new RegExp(emp.questions.application.job.workplacePostalCode) })
      .waitFor();
    expect(await postalCode.getAttribute('aria-invalid')).toBe('true');
    // Beside the field, under its label, the message does not repeat the label.
    const describedBy = await postalCode.getAttribute('aria-describedby');
    const beside = (await page.locator(`#${describedBy}`).textContent()) ?? '';
    expect(beside).toContain('Dit antwoord');
    expect(beside).not.toContain(emp.questions.application.job.workplacePostalCode);
    expect(await page.title()).toMatch(new RegExp(`^${nl.shell.errorPrefix}`));
    await expectNoAccessibilityViolations(page);
    await postalCode.fill('9000');
    await saveStep();

    // Documents: one small PDF per required type.
    await expectHeading(page, emp.steps.documents);
    const overview = await (await page.request.get(`/api/v1/dossiers/${dossierId}`)).json();
    const required = overview.requiredDocumentTypes as (keyof typeof emp.documentTypes)[];
    expect(required.length).toBeGreaterThan(0);
    await expectNoAccessibilityViolations(page);
    for (const type of required) {
      await label(emp.documents.type).selectOption(type);
      await page.setInputFiles('#document-file', {
        name: `${type.toLowerCase()}.pdf`,
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await page.getByRole('button', { name: emp.documents.upload }).click();
      await page.getByRole('link', { name: `${type.toLowerCase()}.pdf downloaden` }).waitFor();
    }
    const requiredTable = page.getByRole('table', { name: emp.documents.requiredCaption });
    expect(await requiredTable.getByText(emp.documents.missing).count()).toBe(0);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: emp.form.continue }).click();

    // Check your answers, then submit.
    await expectHeading(page, emp.review.title);
    await page.getByText('Priya', { exact: true }).waitFor();
    await page.getByRole('region', { name: emp.assessment.title }).waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: emp.review.submit }).click();

    await expectHeading(page, /^Dossier VL-\d{4}-\d{6}$/);
    const number = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
      'Dossier ',
      '',
    );
    expect(new URL(page.url()).pathname).toBe(`/employer/dossiers/${dossierId}`);
    // The confirmation: the number to quote, what happens next and within how many days, the answers.
    const confirmation = page.getByRole('region', { name: emp.confirmation.title });
    await confirmation.getByText(number, { exact: true }).waitFor();
    await page.getByRole('heading', { name: emp.nextSteps.title }).waitFor();
    await page.getByText(/binnen \d+ dagen/).waitFor();
    await page.getByText(emp.submittedAnswers.show).click();
    await page
      .getByRole('region', { name: emp.submittedAnswers.title })
      .getByText('Raman', { exact: true })
      .waitFor();
    const reference = page.getByText(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    await reference.waitFor();
    const qr = page.getByRole('img', { name: /QR-code voor de overschrijving/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;utf8,/);
    expect(await qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await page.getByRole('link', { name: emp.fee.pdf }).waitFor();
    await expectNoAccessibilityViolations(page);

    // The same page in French.
    await page.getByLabel(nl.shell.languageLabel).selectOption('fr');
    await page.getByRole('heading', { name: employerFr.fee.title }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('img', { name: /Code QR pour le virement/ }).waitFor();
    await expectNoAccessibilityViolations(page);

    // Home lists the dossier with its number and status in words.
    await page.goto('/employer');
    const table = page.getByRole('table', { name: employerFr.home.tableCaption });
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: number, exact: true }) });
    await row.getByText(fr.dossierStatuses.SUBMITTED, { exact: true }).waitFor();
    await row.getByText('Priya Raman', { exact: true }).waitFor();
    await row.getByText(employerFr.home.needs.PAY_FEE, { exact: true }).waitFor();
    await page.locator('#language').selectOption('nl');
    // The list searched by the worker's name, without accents or capitals: this dossier alone.
    await page.getByLabel(emp.home.search, { exact: true }).fill('priya raman');
    await page.getByRole('button', { name: emp.home.apply }).click();
    await page.waitForURL(/\?q=priya\+raman$/);
    const found = page.getByRole('table', { name: emp.home.tableCaption }).getByRole('rowheader');
    // The old list stays on screen until the search answers: wait for the filtered one.
    await expect.poll(() => found.allTextContents()).toEqual([number]);
    await expectNoAccessibilityViolations(page);

    // The service takes it from here: payment recorded, review, a question that stops the clock.
    const staffContext = await browser.newContext({ baseURL: server.url });
    const staff = await staffContext.newPage();
    try {
      await staff.goto('/login');
      await staff.getByLabel(nl.login.username).fill('behandelaar');
      await staff.getByLabel(nl.login.password).fill(DEMO_PASSWORD);
      await staff.getByRole('button', { name: nl.login.submit }).click();
      await staff.getByRole('heading', { level: 1, name: staffNl.queue.title }).waitFor();
      await staff.goto(`/case-handler/dossiers/${dossierId}`);
      const staffStatus = (status: string) =>
        staff.locator('.staff-summary').getByText(status, { exact: true }).waitFor();
      await staffStatus(nl.dossierStatuses.SUBMITTED);
      await staff.getByRole('button', { name: staffNl.overview.fee.record }).click();
      await staffStatus(nl.dossierStatuses.ADMISSIBLE);
      await staff.getByRole('button', { name: staffNl.panel.startReview }).click();
      await staffStatus(nl.dossierStatuses.IN_REVIEW);
      await staff
        .getByLabel(staffNl.panel.requestInformation.question)
        .fill('Please add the signed contract.');
      await staff.getByRole('button', { name: staffNl.panel.requestInformation.submit }).click();
      await staffStatus(nl.dossierStatuses.INFORMATION_REQUESTED);
      expect(await findAccessibilityViolations(staff)).toEqual([]);

      // The employer sees the question, the stopped clock and the day to answer by (15 days).
      await page.goto(`/employer/dossiers/${dossierId}`);
      await page.getByText('Please add the signed contract.').waitFor();
      await page.getByText(emp.clock.paused).waitFor();
      await page.getByText(/^Antwoord tegen \d+ \w+ \d{4}$/).waitFor();
      await expectNoAccessibilityViolations(page);

      // Weeks pass unanswered: the request is moved back in time in the database, as the clock would.
      await sql`UPDATE information_requests
                SET requested_on = ${daysFromToday(-20)}, answer_due_on = ${daysFromToday(-5)}
                WHERE dossier_id = ${dossierId}`.execute(server.database.owner.db);
      await staff.reload();
      const requests = staff.getByRole('region', { name: staffNl.overview.sections.informationRequests });
      await requests.getByText(staffNl.overview.requests.overdue, { exact: true }).waitFor();
      await page.reload();
      await page.getByText(emp.requests.overdue).waitFor();
      // The employer answers late: accepted, and marked late for both.
      await page.getByLabel(emp.requests.answerLabel).fill('The signed contract is attached.');
      await page.getByRole('button', { name: emp.requests.send }).click();
      await page.getByText(emp.clock.paused).waitFor({ state: 'detached' });
      const dueLong = new Intl.DateTimeFormat('nl', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(new Date(`${daysFromToday(-5)}T12:00:00Z`));
      await page.getByText(emp.requests.answeredLate.replace('{{date}}', dueLong)).waitFor();
      expect(await page.getByText(emp.requests.overdue).count()).toBe(0);

      // The case handler grants; the letter is a PDF.
      await staff.reload();
      await staffStatus(nl.dossierStatuses.IN_REVIEW);
      await requests.getByText(staffNl.overview.requests.answeredLate, { exact: true }).waitFor();
      expect(await requests.getByText(staffNl.overview.requests.overdue, { exact: true }).count()).toBe(0);
      await staff.getByRole('button', { name: staffNl.panel.grant.submit, exact: true }).click();
      await staff.getByRole('button', { name: staffNl.panel.grant.confirm, exact: true }).click();
      await staffStatus(nl.dossierStatuses.DECIDED_GRANTED);
    } finally {
      await staffContext.close();
    }

    // The employer reads the decision and downloads its letter.
    await page.reload();
    await page.getByRole('heading', { name: emp.decision.title }).waitFor();
    await page.getByText(emp.decision.granted, { exact: true }).first().waitFor();
    const letter = page.getByRole('link', { name: /Beslissingsbrief/ });
    const pdf = await context.request.get((await letter.getAttribute('href')) ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoAccessibilityViolations(page);

    // The worker follows the dossier with a one-time code.
    await page.getByRole('button', { name: emp.workerAccess.give }).click();
    const code = ((await page.locator('.emp-fee__reference').last().textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const workerContext = await browser.newContext({ baseURL: server.url });
    try {
      const worker = await workerContext.newPage();
      await worker.goto('/worker');
      await worker.getByLabel(emp.worker.code, { exact: true }).fill(code);
      await worker.getByRole('button', { name: emp.worker.submit }).click();
      await worker.getByRole('heading', { level: 1, name: `Dossier ${number}` }).waitFor();
      await worker.getByText(nl.dossierStatuses.DECIDED_GRANTED, { exact: true }).first().waitFor();
      // The terms the employer declared; confirming needs the box ticked first.
      const terms = worker.getByRole('region', { name: emp.workerTerms.title });
      await terms.getByText('Software engineer', { exact: true }).waitFor();
      await terms.getByText(emp.workerTerms.fullTime, { exact: true }).waitFor();
      await terms.getByRole('button', { name: emp.workerTerms.confirm }).click();
      await terms.getByRole('alert').getByText(emp.workerTerms.tickFirst).waitFor();
      expect(await findAccessibilityViolations(worker)).toEqual([]);
      await terms.getByLabel(emp.workerTerms.statement).check();
      await terms.getByRole('button', { name: emp.workerTerms.confirm }).click();
      await terms
        .getByRole('status')
        .getByText(/^U bevestigde op \d+ \w+ \d{4}/)
        .waitFor();
    } finally {
      await workerContext.close();
    }
    // The employer sees that the worker confirmed.
    await page.reload();
    await page
      .getByTestId('worker-terms-confirmation')
      .getByText(/^De werknemer bevestigde op \d+ \w+ \d{4}/)
      .waitFor();
  });
  it('lets a worker enter a one-time code on /worker, and names an empty code', async () => {
    await page.goto('/worker');
    await expectHeading(page, emp.worker.title);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: emp.worker.submit }).click();
    await page.getByRole('alert').getByRole('link', { name: emp.worker.codeRequired }).waitFor();
    expect(await label(emp.worker.code).getAttribute('aria-invalid')).toBe('true');
    await expectNoAccessibilityViolations(page);
  });
});
