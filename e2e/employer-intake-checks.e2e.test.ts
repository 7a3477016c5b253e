import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../src/i18n/number-format.ts';
import empFr from '../web/src/locales/employer/fr.json' with { type: 'json' };
import employerNl from '../web/src/locales/employer/nl.json' with { type: 'json' };
import frShell from '../web/src/locales/fr.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import { type ApiSession, signInApi } from './support/api-session.ts';
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

// What the employer is told before filing, in Chromium against the real service: a worker who needs
// no work authorisation (self-check and form, at once), a required document still missing (review
// blocks), and an inadmissible dossier (its grounds, no fee, no QR code).
const emp = employerNl;

const WORKER = {
  'workerIdentity.givenNames': 'Priya',
  'workerIdentity.familyName': 'Raman',
  'application.worker.birthDate': '1990-05-01',
  'application.worker.nationality': 'IN',
  'application.worker.location': 'ABROAD',
  'application.worker.qualificationVks': 7,
};

function job(workplacePostalCode: string) {
  const start = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  return {
    'application.job.title': 'Software engineer',
    'application.job.workplacePostalCode': workplacePostalCode,
    'application.job.startDate': start,
    'application.job.requiredVks': 6,
    'application.job.grossAnnualSalary': 85000,
    'application.job.employmentFraction': 1,
  };
}

describe('the employer is told before filing', () => {
  let server: E2eServer;
  let page: Page;
  let employer: ApiSession;

  useBrowserTests(
    {
      servers: (s) => {
        server = s;
      },
      pages: (_context, p) => {
        page = p;
      },
    },
    async (s) => {
      employer = await signInApi(s.url, 'werkgever');
    },
  );
  afterAll(async () => {
    await employer?.dispose();
  });

  const label = (text: string) => page.getByLabel(text, { exact: true });

  async function signIn(): Promise<void> {
    await signInOnPage(page, 'werkgever');
    await expectHeading(page, nl.workspace.title.EMPLOYER);
  }

  /** A highly-skilled draft answered through the API, with every required document but `leaveOut`. */
  async function draftWithDocuments(
    workplacePostalCode: string,
    leaveOut: string[] = [],
    jobAnswers: Record<string, unknown> = {},
  ) {
    const draft = await employer.call<{ id: string; version: number }>('POST', '/api/v1/dossiers', {
      category: 'HIGHLY_SKILLED',
      enterpriseNumber: '0403.170.701',
    });
    let version = draft.version;
    const steps = { worker: WORKER, job: { ...job(workplacePostalCode), ...jobAnswers } };
    for (const [step, answers] of Object.entries(steps)) {
      version = (
        await employer.call<{ version: number }>('PUT', `/api/v1/dossiers/${draft.id}/steps/${step}`, {
          version,
          answers,
        })
      ).version;
    }
    const view = await employer.call<{ requiredDocumentTypes: string[] }>(
      'GET',
      `/api/v1/dossiers/${draft.id}`,
    );
    for (const type of view.requiredDocumentTypes.filter((type) => !leaveOut.includes(type)))
      await employer.upload(`/api/v1/dossiers/${draft.id}/documents`, type);
    return draft.id;
  }

  it('asks the nationality first in the self-check and says at once that an EU national needs no work authorisation', async () => {
    await page.goto('/self-check');
    // The nationality comes before the category and the enterprise.
    const nationality = label(emp.questions.application.worker.nationality);
    await nationality.waitFor();
    const order = await page.evaluate(() => {
      const fields = [...document.querySelectorAll('main select, main input')];
      return fields.map((field) => field.getAttribute('name'));
    });
    expect(order[0]).toBe('application.worker.nationality');
    await nationality.selectOption('PL');
    const notice = page.getByTestId('no-authorisation-notice');
    await notice.getByText(emp.nationalityNotice.title, { exact: true }).waitFor();
    expect(await notice.textContent()).toContain(
      'Een onderdaan van Polen heeft geen toelating tot arbeid nodig',
    );
    // Nothing more is asked: no category, no enterprise, no button.
    expect(await page.getByLabel(nl.categories.HIGHLY_SKILLED).count()).toBe(0);
    expect(await page.getByRole('button', { name: emp.selfCheck.check }).count()).toBe(0);
    await expectNoAccessibilityViolations(page);

    // A Belgian is told the same, as a national.
    await nationality.selectOption('BE');
    await notice.getByText(emp.nationalityNotice.BELGIAN).waitFor();

    // A worker who needs an authorisation: the category and its questions follow.
    await nationality.selectOption('IN');
    await page.getByLabel(nl.categories.HIGHLY_SKILLED).check();
    await label(emp.questions.application.employer.enterpriseNumber).waitFor();
    expect(await notice.count()).toBe(0);
  });

  it('says at once in the application form that a Swiss worker needs none, and refuses to go further', async () => {
    await signIn();
    await page.getByRole('link', { name: emp.home.start }).click();
    await page.getByLabel(nl.categories.HIGHLY_SKILLED).check();
    await page.getByRole('button', { name: emp.new.start }).click();
    await expectHeading(page, emp.steps.employer);
    await page.getByRole('button', { name: emp.form.saveAndContinue }).click();
    await expectHeading(page, emp.steps.worker);

    await label(emp.questions.application.worker.nationality).selectOption('CH');
    const notice = page.getByTestId('no-authorisation-notice');
    await notice.getByText(emp.nationalityNotice.inApplication).waitFor();
    expect(await notice.textContent()).toContain('Zwitserland');
    await expectNoAccessibilityViolations(page);

    await label(emp.questions.workerIdentity.givenNames).fill('Lena');
    await label(emp.questions.workerIdentity.familyName).fill('Meier');
    await label(emp.questions.application.worker.birthDate).fill('1990-05-01');
    await page.getByLabel(emp.options.ABROAD).check();
    await label(emp.questions.application.worker.qualificationVks).selectOption('7');
    await page.getByRole('button', { name: emp.form.saveAndContinue }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: /Nationaliteit is die van Zwitserland/ }).waitFor();
    await expectHeading(page, emp.steps.worker);
    expect(await label(emp.questions.application.worker.nationality).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectNoAccessibilityViolations(page);
  });

  it('blocks the submission at review while a required document is missing, naming it', async () => {
    const id = await draftWithDocuments('9000', ['DIPLOMA']);
    await signIn();
    await page.goto(`/employer/dossiers/${id}/steps/review`);
    await expectHeading(page, emp.review.title);
    const blocked = page.getByRole('region', { name: emp.reviewBlock.title });
    await blocked.getByText('Deze verplichte documenten ontbreken nog: Diploma.').waitFor();
    await blocked.getByRole('link', { name: emp.reviewBlock.addDocuments }).waitFor();
    expect(await page.getByRole('button', { name: emp.review.submit }).count()).toBe(0);
    await expectNoAccessibilityViolations(page);

    // With the diploma added the submission is offered again.
    await employer.upload(`/api/v1/dossiers/${id}/documents`, 'DIPLOMA');
    await page.reload();
    await page.getByRole('button', { name: emp.review.submit }).waitFor();
    expect(await page.getByRole('region', { name: emp.reviewBlock.title }).count()).toBe(0);
    expect(await page.getByRole('region', { name: emp.reviewBlock.ineligibleTitle }).count()).toBe(0);
  });

  it('warns at review that the check finds the application ineligible, and that the fee is still due', async () => {
    const id = await draftWithDocuments('9000', [], { 'application.job.grossAnnualSalary': 20000 });
    await signIn();
    await page.goto(`/employer/dossiers/${id}/steps/review`);
    const warning = page.getByRole('region', { name: emp.reviewBlock.ineligibleTitle });
    await warning.getByText(emp.reviewBlock.ineligible).waitFor();
    // Applying stays the employer's right: the service decides.
    await page.getByRole('button', { name: emp.review.submit }).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it('explains an inadmissible dossier by its grounds, with no fee and no QR code', async () => {
    const id = await draftWithDocuments('1000');
    await signIn();
    await page.goto(`/employer/dossiers/${id}/steps/review`);
    await page.getByRole('region', { name: emp.reviewBlock.warningTitle }).waitFor();
    await page.getByRole('button', { name: emp.review.submit }).click();

    await expectHeading(page, /^Dossier VL-\d{4}-\d{6}$/);
    const notice = page.getByRole('region', { name: emp.inadmissible.title });
    await notice.getByText(/De arbeidsplaats ligt in het Brussels Hoofdstedelijk Gewest/).waitFor();
    await notice.getByText(emp.inadmissible.noFee).waitFor();
    await notice.getByText(/Rechtsgrond: Besluit van de Vlaamse Regering van 7 december 2018/).waitFor();
    expect(await page.getByRole('heading', { name: emp.fee.title }).count()).toBe(0);
    expect(await page.getByRole('img', { name: /QR-code/ }).count()).toBe(0);
    await expectNoAccessibilityViolations(page);
    expect((await page.request.get(`${server.url}/api/v1/dossiers/${id}/fee`)).status()).toBe(404);
  });

  it('flags a wrong INSZ, a workplace outside Flanders and a past start date on their own step, in French, without repeating the label', async () => {
    await signIn();
    await page.locator('#language').selectOption('fr');
    await page.getByRole('link', { name: empFr.home.start }).click();
    await page.getByLabel(frShell.categories.HIGHLY_SKILLED).check();
    await page.getByRole('button', { name: empFr.new.start }).click();
    await expectHeading(page, empFr.steps.employer);
    await page.getByRole('button', { name: empFr.form.saveAndContinue }).click();
    await expectHeading(page, empFr.steps.worker);

    // An empty required field: the message beside it does not repeat its label; the summary names it once.
    await page.getByRole('button', { name: empFr.form.saveAndContinue }).click();
    await page.getByRole('alert').waitFor();
    const givenNames = page.locator('#q-workerIdentity-givenNames');
    const besideGiven = page.locator(`#${await givenNames.getAttribute('aria-describedby')}`);
    await besideGiven.getByText(frShell.fieldError.required).waitFor();
    expect(await besideGiven.innerText()).not.toContain(empFr.questions.workerIdentity.givenNames);
    await page
      .getByRole('alert')
      .getByRole('link', { name: `${empFr.questions.workerIdentity.givenNames} : ce champ est obligatoire.` })
      .waitFor();

    // A wrong INSZ is said as the field is left, by the same check as the server's.
    const insz = page.locator('#q-application-worker-insz');
    await insz.fill('93.05.18-223.62');
    await insz.blur();
    expect(await insz.getAttribute('aria-invalid')).toBe('true');
    await page.getByText(empFr.answerChecks.insz.checkDigits).waitFor();
    await insz.fill('93.05.18-223.61');
    expect(await page.getByText(empFr.answerChecks.insz.checkDigits).count()).toBe(0);
    await expectNoAccessibilityViolations(page);

    await page.locator('#q-workerIdentity-givenNames').fill('Priya');
    await page.locator('#q-workerIdentity-familyName').fill('Raman');
    await page.locator('#q-application-worker-birthDate').fill('1990-05-01');
    await page.locator('#q-application-worker-nationality').selectOption('IN');
    await page.getByLabel(empFr.options.ABROAD).check();
    await page.locator('#q-application-worker-qualificationVks').selectOption('7');
    await page.getByRole('button', { name: empFr.form.saveAndContinue }).click();
    await expectHeading(page, empFr.steps.job);

    // Brussels and yesterday: warned at once, beside each field, as the fields are left.
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const postalCode = page.locator('#q-application-job-workplacePostalCode');
    await postalCode.fill('1000');
    await postalCode.blur();
    const warnings = page.locator('.emp-answer-warning');
    await warnings.getByText(/Ce code postal se trouve en Région de Bruxelles-Capitale/).waitFor();
    const startDate = page.locator('#q-application-job-startDate');
    await startDate.fill(yesterday);
    await startDate.blur();
    await warnings.getByText(empFr.answerChecks.startDate.past).waitFor();
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
    // Corrected, the postal code's warning goes; the start date's stays.
    await postalCode.fill('9000');
    expect(await warnings.count()).toBe(1);
    // A warning seen is not an error: the step is saved and left; the review says it again.
    await page.locator('#q-application-job-title').fill('Software engineer');
    await page.locator('#q-application-job-requiredVks').selectOption('6');
    await page.locator('#q-application-job-grossAnnualSalary').fill('85000');
    await page.getByRole('button', { name: empFr.form.saveAndContinue }).click();
    await expectHeading(page, empFr.steps.documents);
    await page.goto(page.url().replace(/steps\/documents$/, 'steps/review'));
    await page
      .getByRole('region', { name: empFr.answerChecks.warningTitle })
      .getByText(empFr.answerChecks.startDate.past)
      .waitFor();
  });
  it('clears a field’s error as soon as it is changed, and says a salary below the threshold on the job step, at 390 px in Dutch', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn();
    await page.getByRole('link', { name: emp.home.start }).click();
    await page.getByLabel(nl.categories.HIGHLY_SKILLED).check();
    await page.getByRole('button', { name: emp.new.start }).click();
    await expectHeading(page, emp.steps.employer);
    const dossierId = new URL(page.url()).pathname.split('/')[3] as string;
    const save = () => page.getByRole('button', { name: emp.form.saveAndContinue }).click();
    await save();
    await expectHeading(page, emp.steps.worker);

    // Sent empty: "required" beside each field and in the summary.
    await save();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: /^Voornamen van de werknemer/ }).waitFor();
    const givenNames = page.locator('#q-workerIdentity-givenNames');
    const familyName = page.locator('#q-workerIdentity-familyName');
    expect(await givenNames.getAttribute('aria-invalid')).toBe('true');
    // Typing in one field takes its message away at once, there and in the summary; the focus stays.
    await givenNames.pressSequentially('Priya');
    expect(await givenNames.getAttribute('aria-invalid')).not.toBe('true');
    expect(await page.locator('#q-workerIdentity-givenNames-error').count()).toBe(0);
    expect(await summary.getByRole('link', { name: /^Voornamen van de werknemer/ }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-workerIdentity-givenNames');
    // The fields not yet changed keep theirs.
    expect(await familyName.getAttribute('aria-invalid')).toBe('true');
    await summary.getByRole('link', { name: /^Familienaam van de werknemer/ }).waitFor();
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);

    await familyName.fill('Raman');
    await page.locator('#q-application-worker-birthDate').fill('1990-05-01');
    await page.locator('#q-application-worker-nationality').selectOption('IN');
    await page.getByLabel(emp.options.ABROAD).check();
    await page.locator('#q-application-worker-qualificationVks').selectOption('7');
    await save();
    await expectHeading(page, emp.steps.job);

    // A salary below the threshold: said under the salary field when the step is saved, not at review.
    await page.locator('#q-application-job-title').fill('Software engineer');
    await page.locator('#q-application-job-workplacePostalCode').fill('9000');
    await page.locator('#q-application-job-startDate').fill(job('9000')['application.job.startDate']);
    await page.locator('#q-application-job-requiredVks').selectOption('6');
    const salary = page.locator('#q-application-job-grossAnnualSalary');
    await salary.fill('24000');
    await save();
    const warning = page.locator('.emp-answer-warning');
    await warning.waitFor();
    await expectHeading(page, emp.steps.job);
    // The threshold is the rules engine's on the saved draft, in euro as Dutch pages write it.
    const saved = await (await page.request.get(`/api/v1/dossiers/${dossierId}`)).json();
    const found = saved.assessment.reasons.find(
      (reason: { code: string }) => reason.code === 'SALARY_BELOW_THRESHOLD',
    );
    const text = await warning.innerText();
    expect(text).toContain(formatMoney('nl', found.facts.threshold));
    expect(text).toContain(formatMoney('nl', found.facts.thresholdMonthly));
    expect(text).toContain(nl.categories.HIGHLY_SKILLED);
    expect(text).toMatch(/bruto per jaar[\s\S]*Per maand is dat €\s[\d.,]+ bruto[\s\S]*deeltijds/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-application-job-grossAnnualSalary');
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
    // Pressing on again with the same salary goes on: applying stays the employer's right.
    await save();
    await expectHeading(page, emp.steps.documents);

    // Back on the step the warning is there again; a higher salary takes it away at once.
    await page.goto(`/employer/dossiers/${dossierId}/steps/job`);
    await warning.waitFor();
    await salary.fill('85000');
    expect(await warning.count()).toBe(0);
  });
});
