import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawalGroundStatement } from '../src/dossiers/letters/ground-texts.ts';
import { REVOCATION_LETTER_TEXTS } from '../src/dossiers/letters/revocation-letter-texts.ts';
import { readPdfText, squash } from '../src/dossiers/letters/test-support/read-pdf-text.ts';
import { addDays } from '../src/rules/dates/iso-date.ts';
import emp from '../web/src/locales/employer/nl.json' with { type: 'json' };
import loginNl from '../web/src/locales/nl.json' with { type: 'json' };
import nl from '../web/src/locales/staff/nl.json' with { type: 'json' };
import { formatDate as staffDate, todayInBrussels } from '../web/src/pages/staff/staff-format.ts';
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

// The withdrawal (intrekking) of a granted authorisation in the browser (decision 012): a case
// handler proposes it with a ground, facts and evidence; the employer reads the grounds and facts
// (not the evidence) and answers; a supervisor withdraws the grant after a confirmation; the
// employer and the worker read the withdrawal and its letter. Then the unhappy side: the employer
// cannot propose a withdrawal, and a supervisor keeps a grant while the hearing still runs.

const TODAY = todayInBrussels();
const FACTS = 'Het voorgelegde diploma is vervalst: de universiteit kent de werknemer niet.';
const EVIDENCE = 'PV 2026/0142 van de Vlaamse sociale inspectie';
const ANSWER = 'Het diploma is echt; wij bezorgen het attest van de universiteit.';
const MOTIVATION = 'Het attest van de universiteit bevestigt het diploma niet.';
const FALSE_DOCUMENTS = withdrawalGroundStatement('nl', 'FALSE_DOCUMENTS');

const ELIGIBLE = {
  worker: {
    'workerIdentity.givenNames': 'Samir',
    'workerIdentity.familyName': 'Khalil',
    'application.worker.birthDate': '1990-05-06',
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

describe('withdrawal of a granted authorisation in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let employer: ApiSession;
  let caseHandler: ApiSession;

  /** A dossier filed, paid and granted through the API: the browser part is its withdrawal. */
  async function grantedDossier(): Promise<FiledDossier> {
    const filed = await fileAndSubmitDossier(employer, 'HIGHLY_SKILLED', ELIGIBLE);
    const act = (body: Record<string, unknown>) =>
      caseHandler.call<FiledDossier>('POST', `/api/v1/dossiers/${filed.id}/actions`, body);
    const paid = await caseHandler.call<FiledDossier>('POST', `/api/v1/dossiers/${filed.id}/fee/payment`, {
      paidOn: TODAY,
      version: filed.version,
    });
    const started = await act({ action: 'START_REVIEW', version: paid.version });
    const granted = await act({
      action: 'GRANT',
      version: started.version,
      validFrom: addDays(TODAY, 60),
      validUntil: addDays(TODAY, 60 + 364),
    });
    expect(granted.status).toBe('DECIDED_GRANTED');
    return granted;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    employer = await signInApi(server.url, 'werkgever');
    caseHandler = await signInApi(server.url, 'behandelaar');
  });

  afterAll(async () => {
    await employer?.dispose();
    await caseHandler?.dispose();
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(username: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signInOnPage(page, username);
    await page.waitForURL((url) => url.pathname !== '/login');
    return page;
  }
  const expectStatus = (page: Page, status: string) =>
    page.locator('.staff-summary').getByText(status, { exact: true }).waitFor();

  async function pdfText(page: Page, href: string | null): Promise<string> {
    const response = await page.context().request.get(href ?? '');
    expect(response.headers()['content-type']).toBe('application/pdf');
    return squash(readPdfText(await response.body()));
  }

  it('runs proposal, hearing, withdrawal and letter from the case handler to the employer and the worker', {
    timeout: 180_000,
  }, async () => {
    const dossier = await grantedDossier();
    const title = nl.overview.title.replace('{{number}}', dossier.number);

    // The case handler proposes: nothing chosen is named next to the fields, then a ground, facts, evidence.
    const handler = await pageAs('behandelaar');
    await handler.goto(`/case-handler/dossiers/${dossier.id}`);
    await expectHeading(handler, title);
    await expectStatus(handler, loginNl.dossierStatuses.DECIDED_GRANTED);
    // The clock says since when and why it ran (here: a highly skilled dossier on the fast lane, from
    // the application, policy note 002 §2.2).
    await handler
      .getByTestId('clock-start')
      .getByText(nl.overview.clock.startedBy.SUBMIT, { exact: false })
      .waitFor();
    const propose = handler.getByRole('button', { name: nl.panel.withdrawal.submit, exact: true });
    await propose.click();
    const summary = handler.getByRole('alert').filter({ hasText: loginNl.shell.errorSummaryTitle });
    await summary.getByRole('link', { name: new RegExp(`^${nl.panel.withdrawal.grounds}`) }).waitFor();
    await summary
      .getByRole('link', { name: new RegExp(`^${literally(nl.panel.withdrawal.facts)}`) })
      .waitFor();
    const grounds = handler.getByRole('group', { name: nl.panel.withdrawal.grounds });
    await grounds
      .getByText(/^Rechtsgrond: .*2018/)
      .first()
      .waitFor();
    await grounds.getByLabel(FALSE_DOCUMENTS, { exact: true }).check();
    await handler.getByLabel(nl.panel.withdrawal.facts).fill(FACTS);
    await handler.getByLabel(nl.panel.withdrawal.evidence).fill(EVIDENCE);
    const hearingDueOn = await handler.getByLabel(nl.panel.withdrawal.hearingDueOn).inputValue();
    expect(hearingDueOn).toBe(addDays(TODAY, 15));
    await propose.click();
    await handler.getByRole('heading', { name: nl.panel.withdrawal.confirmTitle }).waitFor();
    // The grounds with their legal basis and the confirmation fit a phone's width.
    await handler.setViewportSize({ width: 390, height: 844 });
    const widest = await handler
      .locator('.staff-overview__side *')
      .evaluateAll((elements) => Math.max(...elements.map((el) => el.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
    await handler.setViewportSize({ width: 1280, height: 900 });
    await expectNoAccessibilityViolations(handler);
    await handler.getByRole('button', { name: nl.panel.withdrawal.confirm, exact: true }).click();
    const section = handler.getByRole('region', { name: nl.overview.withdrawal.title });
    await section.getByText(nl.overview.withdrawal.open).waitFor();
    await section.getByText(EVIDENCE).waitFor();
    await section
      .getByText(nl.overview.withdrawal.hearingOpen.replace('{{date}}', staffDate(hearingDueOn)))
      .waitFor();
    // The authorisation stands while the employer is heard; one proposal at a time.
    await expectStatus(handler, loginNl.dossierStatuses.DECIDED_GRANTED);
    expect(await propose.count()).toBe(0);
    await handler.getByText(nl.actions.PROPOSE_REVOCATION).first().waitFor();
    await expectNoAccessibilityViolations(handler);
    await handler.context().close();

    // The employer's list puts the hearing first; the page shows grounds and facts, never the evidence.
    const owner = await pageAs('werkgever');
    const row = owner.getByRole('row').filter({ hasText: dossier.number });
    await row.getByText(emp.home.needs.ANSWER_HEARING).waitFor();
    await owner.goto(`/employer/dossiers/${dossier.id}`);
    const hearing = owner.getByRole('region', { name: emp.withdrawal.title });
    await hearing.getByText(FALSE_DOCUMENTS, { exact: false }).waitFor();
    await hearing.getByText(FACTS).waitFor();
    await hearing.getByText(emp.withdrawal.answerBy.replace('{{date}}', longDate(hearingDueOn))).waitFor();
    expect(await owner.getByText(EVIDENCE).count()).toBe(0);
    await expectNoAccessibilityViolations(owner);
    await hearing.getByLabel(emp.withdrawal.answerLabel).fill(ANSWER);
    await hearing.getByRole('button', { name: emp.withdrawal.send }).click();
    await hearing.getByText(emp.withdrawal.yourAnswer.replace('{{date}}', longDate(TODAY))).waitFor();
    await hearing.getByText(ANSWER).waitFor();
    expect(await hearing.getByLabel(emp.withdrawal.answerLabel).count()).toBe(0);
    await owner.context().close();

    // The supervisor is told, reads the answer and withdraws after a confirmation.
    const supervisor = await pageAs('teamleider');
    // The supervisor's lead times keep the 30-day average target apart from the 45-day maximum.
    await supervisor.getByText(nl.supervisor.leadTimes.target).waitFor();
    await supervisor
      .getByRole('region', { name: nl.supervisor.notifications.title })
      .getByText(nl.notificationKinds.REVOCATION_TO_DECIDE, { exact: false })
      .first()
      .waitFor();
    await supervisor.goto(`/supervisor/dossiers/${dossier.id}`);
    await expectHeading(supervisor, title);
    await supervisor.getByRole('region', { name: nl.overview.withdrawal.title }).getByText(ANSWER).waitFor();
    expect(await supervisor.getByLabel(nl.panel.withdrawal.outcomes.REVOKE).isChecked()).toBe(true);
    await supervisor.getByLabel(nl.panel.withdrawal.note).fill(MOTIVATION);
    await supervisor.getByRole('button', { name: nl.panel.withdrawal.decideSubmit }).click();
    await supervisor.getByRole('heading', { name: nl.panel.withdrawal.decideConfirmTitle }).waitFor();
    await supervisor.locator('.staff-confirm').getByText(FALSE_DOCUMENTS, { exact: false }).waitFor();
    await expectNoAccessibilityViolations(supervisor);
    await supervisor.getByRole('button', { name: nl.panel.withdrawal.revokeConfirm, exact: true }).click();
    await expectStatus(supervisor, loginNl.dossierStatuses.REVOKED);
    await supervisor
      .getByRole('region', { name: nl.overview.sections.letters })
      .getByRole('link', { name: new RegExp(nl.letterKinds.REVOCATION) })
      .waitFor();
    await supervisor.context().close();

    // The employer reads the withdrawal, its grounds and letter (basis and appeal route), and may appeal.
    const again = await pageAs('werkgever');
    await again.goto(`/employer/dossiers/${dossier.id}`);
    await again.getByText(loginNl.dossierStatuses.REVOKED, { exact: true }).first().waitFor();
    const decision = again.getByRole('region', { name: emp.decision.title });
    await decision.getByRole('heading', { name: emp.decision.revocationGrounds }).waitFor();
    await decision.getByText(MOTIVATION).waitFor();
    const letterName = emp.decision.revocationLetter.replace('{{date}}', longDate(TODAY));
    const text = await pdfText(
      again,
      await decision.getByRole('link', { name: letterName }).getAttribute('href'),
    );
    const letter = REVOCATION_LETTER_TEXTS.nl;
    expect(text).toContain(squash(letter.subject(dossier.number)));
    expect(text).toContain(squash(FALSE_DOCUMENTS));
    expect(text).toContain(squash('Besluit van de Vlaamse Regering van 7 december 2018'));
    expect(text).toContain(squash(MOTIVATION));
    expect(text).toContain(squash('binnen een maand na de kennisgeving'));
    await again.getByRole('region', { name: emp.appeal.title }).waitFor();
    await again.getByText(emp.historyActions.REVOKE).first().waitFor();
    await expectNoAccessibilityViolations(again);
    await again.context().close();

    // The worker, with a code from the employer, sees the withdrawal and opens its letter.
    const { code } = await employer.call<{ code: string }>(
      'POST',
      `/api/v1/dossiers/${dossier.id}/worker-access`,
    );
    const workerContext = await browser.newContext({ baseURL: server.url });
    const worker = await workerContext.newPage();
    await worker.goto('/worker');
    await worker.getByLabel(emp.worker.code, { exact: true }).fill(code);
    await worker.getByRole('button', { name: emp.worker.submit }).click();
    await worker.getByRole('heading', { level: 1, name: `Dossier ${dossier.number}` }).waitFor();
    await worker.getByText(loginNl.dossierStatuses.REVOKED, { exact: true }).first().waitFor();
    const seen = worker.getByRole('region', { name: emp.decision.title });
    await seen.getByText(FALSE_DOCUMENTS, { exact: false }).waitFor();
    expect(
      await pdfText(worker, await seen.getByRole('link', { name: letterName }).getAttribute('href')),
    ).toContain(squash(MOTIVATION));
    await expectNoAccessibilityViolations(worker);
    await workerContext.close();
  });

  it('gives the employer no way to propose, and lets a supervisor keep the grant while the hearing runs', {
    timeout: 120_000,
  }, async () => {
    const dossier = await grantedDossier();
    // The employer: no proposal through the API (403), no proposal form on its page.
    const refused = await employer
      .call('POST', `/api/v1/dossiers/${dossier.id}/withdrawal-proposals`, {
        groundCodes: ['FALSE_DOCUMENTS'],
        facts: 'De werkgever stelt zelf voor.',
      })
      .then(
        () => 'accepted',
        (error: Error) => error.message,
      );
    expect(refused).toMatch(/: 403 /);
    const owner = await pageAs('werkgever');
    await owner.goto(`/employer/dossiers/${dossier.id}`);
    await owner.getByRole('region', { name: emp.decision.title }).waitFor();
    expect(await owner.getByRole('button', { name: nl.panel.withdrawal.submit }).count()).toBe(0);
    expect(await owner.getByRole('region', { name: emp.withdrawal.title }).count()).toBe(0);
    await owner.context().close();

    await caseHandler.call('POST', `/api/v1/dossiers/${dossier.id}/withdrawal-proposals`, {
      groundCodes: ['FALSE_DOCUMENTS'],
      facts: FACTS,
    });
    // The supervisor: withdrawing waits for the hearing; keeping the grant does not.
    const supervisor = await pageAs('teamleider');
    await supervisor.goto(`/supervisor/dossiers/${dossier.id}`);
    await supervisor.getByTestId('withdrawal-hearing-pending').waitFor();
    expect(await supervisor.getByLabel(nl.panel.withdrawal.outcomes.REVOKE).isDisabled()).toBe(true);
    expect(await supervisor.getByLabel(nl.panel.withdrawal.outcomes.DISMISS).isChecked()).toBe(true);
    const decide = supervisor.getByRole('button', { name: nl.panel.withdrawal.decideSubmit });
    // Without a motivation the server names the field.
    await decide.click();
    await supervisor
      .getByRole('alert')
      .filter({ hasText: loginNl.shell.errorSummaryTitle })
      .getByRole('link', { name: new RegExp(`^${literally(nl.panel.withdrawal.note)}`) })
      .waitFor();
    await supervisor.getByLabel(nl.panel.withdrawal.note).fill('De feiten zijn niet bewezen.');
    await decide.click();
    await supervisor.getByRole('button', { name: nl.panel.withdrawal.dismissConfirm, exact: true }).click();
    const section = supervisor.getByRole('region', { name: nl.overview.withdrawal.title });
    await section.getByText(nl.overview.withdrawal.dismissed.replace('{{date}}', staffDate(TODAY))).waitFor();
    await expectStatus(supervisor, loginNl.dossierStatuses.DECIDED_GRANTED);
    await expectNoAccessibilityViolations(supervisor);
    await supervisor.context().close();

    // The employer reads that the authorisation stands; no withdrawal letter was made.
    const after = await pageAs('werkgever');
    await after.goto(`/employer/dossiers/${dossier.id}`);
    await after
      .getByRole('region', { name: emp.withdrawal.title })
      .getByText(emp.withdrawal.dismissed.replace('{{date}}', longDate(TODAY)))
      .waitFor();
    expect(await after.getByRole('link', { name: /intrekking/ }).count()).toBe(0);
    await expectNoAccessibilityViolations(after);
    await after.context().close();
  });
});

/** A date as the employer's page writes it ("1 december 2026"). */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('nl', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

/** A label as a literal in a regular expression ("Feiten (verplicht)" has parentheses). */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
