import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { sweepDeadlines } from '../src/dossiers/handling/sweep-deadlines.ts';
import { isNonEuNationality } from '../src/dossiers/register-check/eu-nationalities.ts';
import { addDays } from '../src/rules/dates/iso-date.ts';
import { generatePopulation } from '../src/sources/index.ts';
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
  expectNoAccessibilityViolations,
  launchBrowser,
  signInOnPage,
  startE2eServer,
} from './support/harness.ts';

// The register check as the service side sees it: an employer files a highly-skilled dossier for
// a worker the national register knows, under another family name; a case handler opens the
// dossier while its registers are still being asked (the test holds the check back) and watches
// the answers arrive, the family name flagged and the birth date not; then a register that does
// not answer. Then a supervisor marks a notification read and decides an appeal. The demo
// server's register simulator uses seed 2026 with today as reference date, so the test generates
// the same population to pick its worker.

const TODAY = todayInBrussels();
const START_DATE = addDays(TODAY, 60);
// The polling page needs the registers' answers within a few of its 2-second rounds.
const REGISTER_WAIT_MS = 20_000;

/** A worker abroad of the simulator's population: non-EU, not in the national register (a BIS number). */
function pickWorkerAbroad() {
  const population = generatePopulation({ seed: 2026, referenceDate: TODAY });
  const person = population.people.find(
    (p) => !p.registeredInBelgium && isNonEuNationality(p.nationality) && p.givenNames.length === 1,
  );
  if (!person) throw new Error('the simulator population has non-EU people abroad');
  return person;
}

const checkStatus = async (db: Db, dossierId: string) =>
  (
    await db
      .selectFrom('register_checks')
      .select('status')
      .where('dossier_id', '=', dossierId)
      .executeTakeFirst()
  )?.status;

/**
 * Puts the dossier's register check back to "just submitted" and holds it there: the submitting
 * server runs the check right after the commit, faster than a browser opens the page, so the test
 * lets the first run finish, forgets its answers and releases the check when the page is watching.
 */
async function holdRegisterCheck(db: Db, dossierId: string): Promise<void> {
  await expect.poll(() => checkStatus(db, dossierId), { timeout: 15_000 }).not.toBe('PENDING');
  await db.deleteFrom('register_facts').where('dossier_id', '=', dossierId).execute();
  await db
    .updateTable('register_checks')
    .set({
      status: 'PENDING',
      completed_at: null,
      comparison: null,
      waiting: sql<unknown[]>`'[]'::jsonb`,
      next_attempt_at: sql<Date>`now() + interval '1 hour'`,
    })
    .where('dossier_id', '=', dossierId)
    .execute();
}

async function releaseRegisterCheck(db: Db, dossierId: string): Promise<void> {
  await db
    .updateTable('register_checks')
    .set({ next_attempt_at: sql<Date>`now()` })
    .where('dossier_id', '=', dossierId)
    .execute();
}

describe('register data on the service side', () => {
  let server: E2eServer;
  let browser: Browser;
  let employer: ApiSession;
  let dossier: FiledDossier;
  const worker = pickWorkerAbroad();
  const declaredFamilyName = `${worker.familyName}-Verbeke`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    employer = await signInApi(server.url, 'werkgever');
    dossier = await fileAndSubmitDossier(employer, 'HIGHLY_SKILLED', {
      worker: {
        'workerIdentity.givenNames': worker.givenNames.join(' '),
        'workerIdentity.familyName': declaredFamilyName,
        'application.worker.birthDate': worker.birthDate,
        'application.worker.nationality': worker.nationality,
        'application.worker.sex': worker.sex,
        'application.worker.insz': worker.insz,
        'application.worker.location': 'ABROAD',
        'application.worker.qualificationVks': 7,
      },
      job: {
        'application.job.title': 'Data engineer',
        'application.job.workplacePostalCode': '9000',
        'application.job.startDate': START_DATE,
        'application.job.requiredVks': 6,
        'application.job.grossAnnualSalary': 85000,
        'application.job.employmentFraction': 1,
      },
    });
    expect(dossier.status).toBe('SUBMITTED');
  });

  afterAll(async () => {
    await employer?.dispose();
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, username: string): Promise<void> {
    await signInOnPage(page, username);
  }

  it('shows the case handler the registers’ answers, the differing family name flagged', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, 'behandelaar');
    await page.getByRole('heading', { level: 1, name: nl.queue.title }).waitFor();
    // As straight after submission: the registers are still being asked.
    await holdRegisterCheck(server.database.db, dossier.id);
    await page.goto(`/case-handler/dossiers/${dossier.id}`);
    const section = page.getByRole('region', { name: nl.register.title });
    const progress = section.getByRole('status');
    await progress.getByText(nl.register.pending).waitFor();
    const table = section.getByRole('table', { name: nl.register.comparisonCaption });
    expect(await table.count()).toBe(0);
    await expectNoAccessibilityViolations(page);

    // The page keeps reading the overview until the registers have answered.
    await releaseRegisterCheck(server.database.db, dossier.id);
    await table.waitFor({ timeout: REGISTER_WAIT_MS });
    await progress.getByText(nl.register.complete.replace(' ({{time}}).', '')).waitFor();

    const rowOf = (label: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
    const familyName = rowOf(nl.register.facts.worker.familyName);
    const cells = await familyName.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe(declaredFamilyName);
    expect(cells[1]).toBe(worker.familyName);
    expect(cells[2]).toContain(nl.register.sources['national-register']);
    expect(cells[3]).toBe(nl.register.mismatch);
    await familyName.getByText(nl.register.mismatch, { exact: true }).waitFor();

    const birthDate = rowOf(nl.register.facts.worker.birthDate);
    expect(await birthDate.getByText(nl.register.mismatch, { exact: true }).count()).toBe(0);
    expect((await birthDate.getByRole('cell').allInnerTexts())[3]).toBe(nl.register.match);
    const givenNames = rowOf(nl.register.facts.worker.givenNames);
    expect((await givenNames.getByRole('cell').allInnerTexts())[3]).toBe(nl.register.match);
    // The source cell names the request by its first characters, not a 36-character id on every row.
    const provenance = (await givenNames.getByRole('cell').allInnerTexts())[2] ?? '';
    expect(provenance).toMatch(/[0-9a-zA-Z-]{4,8}…/);
    expect(provenance).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);

    // The finding in words, naming the one fact that differs.
    const findings = section.getByRole('list', { name: nl.register.findingsTitle });
    await findings
      .getByText(
        nl.register.findings.IDENTITY_MISMATCH.replace('{{fields}}', nl.register.facts.worker.familyName),
      )
      .waitFor();
    await expectNoAccessibilityViolations(page);

    // Every question put to a register, with its provenance, behind a disclosure.
    await section.getByText(nl.register.factsSummary.replace(/{{count}}.*$/, '')).click();
    const asked = section.getByRole('table', { name: nl.register.factsCaption });
    const person = asked
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: nl.register.sources['national-register'] }) });
    expect((await person.getByRole('cell').allInnerTexts()).slice(0, 2)).toEqual([
      nl.register.subjects.person,
      nl.register.found,
    ]);
    await asked.getByRole('rowheader', { name: nl.register.sources.kbo, exact: true }).first().waitFor();
    await expectNoAccessibilityViolations(page);

    // A register that does not answer: named with since when, and the dossier is not blocked.
    await server.database.db
      .updateTable('register_checks')
      .set({
        status: 'WAITING',
        completed_at: null,
        waiting: sql<unknown[]>`${JSON.stringify([
          { source: 'dimona', since: new Date().toISOString(), error: 'dimona: 503 Service Unavailable' },
        ])}::jsonb`,
        next_attempt_at: sql<Date>`now() + interval '1 hour'`,
      })
      .where('dossier_id', '=', dossier.id)
      .execute();
    await page.reload();
    const waitingFor = nl.register.waitingFor
      .replace('{{source}}', nl.register.sources.dimona)
      .replace(' {{since}}.', '');
    await progress.getByText(waitingFor).waitFor();
    await progress.getByText('dimona: 503 Service Unavailable').waitFor();
    await progress.getByText(nl.register.notBlocked).waitFor();
    // What the other registers said stays on the page.
    await table.waitFor();
    await expectNoAccessibilityViolations(page);
    await context.close();
  });

  it('lets a supervisor mark a notification read and decide an appeal', async () => {
    // The nightly sweep, run now: the demo's overdue dossiers become notifications.
    const swept = await sweepDeadlines(server.database.db, TODAY);
    expect(swept.notified).toBeGreaterThan(0);
    const supervisor = await signInApi(server.url, 'teamleider');
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    try {
      await signIn(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: nl.supervisor.title }).waitFor();
      const notifications = page.getByRole('region', { name: nl.supervisor.notifications.title });
      const items = notifications.getByRole('listitem');
      await items.first().waitFor();
      const before = await items.count();
      const firstLink = await items.first().getByRole('link').innerText();
      await items.first().getByRole('button', { name: nl.supervisor.notifications.markRead }).click();
      await notifications
        .getByRole('status')
        .getByText(nl.supervisor.notifications.marked.replace('{{item}}', firstLink))
        .waitFor();
      expect(await items.count()).toBe(before - 1);
      expect(await notifications.getByRole('link', { name: firstLink, exact: true }).count()).toBe(0);
      // The focus moves on to the next notification's button, not back to the top of the page.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        nl.supervisor.notifications.markRead,
      );
      const unread = await supervisor.call<{ notifications: Array<{ id: string }> }>(
        'GET',
        '/api/v1/staff/notifications',
      );
      expect(unread.notifications).toHaveLength(before - 1);
      await expectNoAccessibilityViolations(page);

      // An appeal of the demo data: without outcome and reasons the server says what is missing.
      const appealed = await supervisor.call<{ items: Array<{ id: string; number: string }> }>(
        'GET',
        '/api/v1/queue?scope=all&status=APPEALED',
      );
      const appeal = appealed.items[0];
      if (!appeal) throw new Error('the demo data has appealed dossiers');
      await page.goto(`/supervisor/dossiers/${appeal.id}`);
      await page
        .getByRole('heading', { level: 1, name: nl.overview.title.replace('{{number}}', appeal.number) })
        .waitFor();
      await page.getByRole('heading', { level: 3, name: nl.panel.decideAppeal.title }).waitFor();
      const submit = page.getByRole('button', { name: nl.panel.decideAppeal.submit });
      await submit.click();
      const summary = page.getByRole('alert').filter({ hasText: loginNl.shell.errorSummaryTitle });
      await summary.getByRole('link', { name: new RegExp(`^${nl.panel.decideAppeal.outcome}`) }).waitFor();
      await summary.getByRole('link', { name: new RegExp(`^${nl.panel.decideAppeal.note}`) }).waitFor();
      expect(await page.getByLabel(nl.panel.decideAppeal.note).getAttribute('aria-invalid')).toBe('true');
      await expectNoAccessibilityViolations(page);

      await page.getByLabel(nl.appealOutcomes.UPHELD).check();
      await page.getByLabel(nl.panel.decideAppeal.note).fill('The bonus is not guaranteed salary.');
      await submit.click();
      await page.getByRole('button', { name: nl.panel.decideAppeal.confirm, exact: true }).click();
      await page
        .locator('.staff-summary')
        .getByText(loginNl.dossierStatuses.APPEAL_DECIDED, { exact: true })
        .waitFor();
      await page
        .getByTestId('appeal-outcome')
        .getByText(nl.appealOutcomes.UPHELD, { exact: false })
        .waitFor();
      expect(await page.getByRole('heading', { name: nl.panel.decideAppeal.title }).count()).toBe(0);
      const decided = await supervisor.call<{ status: string; decision: { appeal: { outcome: string } } }>(
        'GET',
        `/api/v1/dossiers/${appeal.id}`,
      );
      expect(decided.status).toBe('APPEAL_DECIDED');
      expect(decided.decision.appeal.outcome).toBe('UPHELD');
      await expectNoAccessibilityViolations(page);
    } finally {
      await supervisor.dispose();
      await context.close();
    }
  });
});
