import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import serverNl from '../src/i18n/catalogues/nl.json' with { type: 'json' };
import { addDays } from '../src/rules/dates/iso-date.ts';
import { HIGHLY_SKILLED_ANSWERS } from '../test/dossier-driver.ts';
import employerNl from '../web/src/locales/employer/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import staffNl from '../web/src/locales/staff/nl.json' with { type: 'json' };
import { todayInBrussels } from '../web/src/pages/staff/staff-format.ts';
import {
  type ApiSession,
  type FiledDossier,
  fileAndSubmitDossier,
  signInApi,
} from './support/api-session.ts';
import {
  expectHeading,
  expectNoAccessibilityViolations,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

// What users read and where they may go: the "no access" page of every role area, the public worker
// page without console errors, and Dutch pages free of the rules' research notes.

/** Console errors and uncaught exceptions of a page, from now on. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const INTERNAL_NOTES = ['reference.md', 'parameters.md', 'No 2026', 'to verify'];

// The demo answers of the database tests, with a start date ahead of today (the server runs on the
// real clock) and a salary with cents, to see it formatted per locale.
const STEPS = {
  worker: HIGHLY_SKILLED_ANSWERS.worker,
  job: {
    ...HIGHLY_SKILLED_ANSWERS.job,
    'application.job.startDate': addDays(todayInBrussels(), 60),
    'application.job.grossAnnualSalary': 62000.5,
  },
};

describe('texts and access', () => {
  let page: Page;
  let employer: ApiSession;
  let dossier: FiledDossier;

  useBrowserTests(
    {
      pages: (_context, p) => {
        page = p;
      },
    },
    async (s) => {
      employer = await signInApi(s.url, 'werkgever');
      dossier = await fileAndSubmitDossier(employer, 'HIGHLY_SKILLED', STEPS);
    },
  );
  afterAll(async () => {
    await employer?.dispose();
  });

  async function signIn(username: string): Promise<void> {
    await signInOnPage(page, username);
    await page.getByRole('navigation', { name: nl.shell.userNavigation }).waitFor();
  }

  it.each([
    {
      username: 'behandelaar',
      home: '/case-handler',
      paths: ['/employer', '/employer/new', '/analyst', '/admin'],
    },
    { username: 'werkgever', home: '/employer', paths: ['/case-handler', '/supervisor/queue', '/inspector'] },
    { username: 'analist', home: '/analyst', paths: ['/case-handler/payments', '/employer'] },
    { username: 'beheerder', home: '/admin', paths: ['/analyst', '/supervisor'] },
  ])('shows $username a "no access" page for other roles’ areas, with a link home', async (user) => {
    await signIn(user.username);
    const errors = watchConsole(page);
    for (const path of user.paths) {
      await page.goto(path);
      await expectHeading(page, nl.noAccess.title);
      const back = page.getByRole('link', { name: nl.noAccess.back });
      expect(await back.getAttribute('href'), path).toBe(user.home);
      expect(await page.title()).toBe(`${nl.noAccess.title} – ${nl.service.titleSuffix}`);
      // An employer is told in plain words that the page is for the service's staff, not about roles.
      if (user.username === 'werkgever') {
        await page.getByText(nl.noAccess.employerText).waitFor();
        expect(await page.getByText(nl.noAccess.help).count()).toBe(0);
      }
    }
    await expectNoAccessibilityViolations(page);
    expect(errors).toEqual([]);
    await page.getByRole('link', { name: nl.noAccess.back }).click();
    expect(new URL(page.url()).pathname).toBe(user.home);
  });

  it('opens the public worker page without a console error and says a wrong code is not valid', async () => {
    const errors = watchConsole(page);
    await page.goto('/worker');
    await expectHeading(page, employerNl.worker.title);
    await page.getByLabel(employerNl.worker.code).waitFor();
    expect(errors).toEqual([]);

    await page.getByLabel(employerNl.worker.code).fill('ZZZZ-ZZZZ-ZZ');
    await page.getByRole('button', { name: employerNl.worker.submit }).click();
    await page
      .getByRole('alert')
      .getByText(serverNl.errors.LOKET_WORKER_CODE_INVALID, { exact: false })
      .first()
      .waitFor();
    expect(await page.textContent('main')).not.toContain(serverNl.errors.LOKET_INVALID_CREDENTIALS);
    await expectNoAccessibilityViolations(page);
  });

  it('titles the home page once with the service name', async () => {
    await page.goto('/');
    expect(await page.title()).toBe(nl.service.titleSuffix);
  });

  it('shows staff a Dutch dossier page without research notes: provisional values with their source, legal bases in Dutch, money in euro', async () => {
    await signIn('behandelaar');
    const errors = watchConsole(page);
    await page.goto(`/case-handler/dossiers/${dossier.id}`);
    const assessment = page.getByRole('region', { name: staffNl.overview.sections.assessment });
    await assessment.getByRole('heading', { name: staffNl.overview.assessment.unverifiedTitle }).waitFor();
    const main = (await page.textContent('main')) ?? '';
    for (const note of INTERNAL_NOTES) expect(main, note).not.toContain(note);
    // The unverified values listed together, their caveat said once, not after every value.
    expect(main).toContain(staffNl.overview.assessment.unverifiedIntro);
    expect(main).not.toContain('Deze waarde is voorlopig');
    expect(main).toContain(`${staffNl.overview.assessment.parameterStatus.PROVISIONAL}. Bron:`);
    // Official sources only, or plainly none: no commercial website named as a source.
    expect(main).not.toMatch(/expatcentrelimburg|vanhavermaet|propay|mind\.eu\.com|agii\.be|altea\.be/);
    expect(main).toContain('niet bevestigd door een officiële bron');
    expect(main).not.toMatch(/\d Dec 2018/); // the legal basis written out in Dutch
    expect(main).not.toContain('62000.5');
    expect(main.replace(/[\u00a0\u202f]/g, ' ')).toContain('€ 62.000,50');
    expect(errors).toEqual([]);
  });

  it('finds the filed dossier in the queue by the worker’s name', async () => {
    await signIn('behandelaar');
    await page.getByLabel(staffNl.queue.search).fill('raman');
    await page.getByLabel(staffNl.queue.scope.all).check();
    await page.getByRole('button', { name: staffNl.queue.apply }).click();
    await page.getByRole('link', { name: dossier.number }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('raman');
  });

  it('shows the employer a Dutch review page without research notes, and the upload limit in words', async () => {
    const draft = await employer.call<FiledDossier>('POST', '/api/v1/dossiers', {
      category: 'HIGHLY_SKILLED',
      enterpriseNumber: '0403.170.701',
    });
    let version = draft.version;
    for (const [step, answers] of Object.entries(STEPS)) {
      version = (
        await employer.call<FiledDossier>('PUT', `/api/v1/dossiers/${draft.id}/steps/${step}`, {
          version,
          answers,
        })
      ).version;
    }
    await signIn('werkgever');
    const errors = watchConsole(page);
    await page.goto(`/employer/dossiers/${draft.id}/steps/documents`);
    const hint = page.locator('#document-file-hint');
    await hint.getByText(/hoogstens 10 MB/).waitFor();
    expect(await hint.textContent()).not.toMatch(/\{\{/);

    await page.goto(`/employer/dossiers/${draft.id}/steps/review`);
    const assessment = page.getByRole('region', { name: employerNl.assessment.title });
    await assessment.getByText('Deze waarde is voorlopig', { exact: false }).waitFor();
    const main = ((await page.textContent('main')) ?? '').replace(/[\u00a0\u202f]/g, ' ');
    for (const note of INTERNAL_NOTES) expect(main, note).not.toContain(note);
    expect(main).toContain('€ 62.000,50');
    expect(main).not.toContain('62000.5');
    expect(main).toContain(nl.categories.HIGHLY_SKILLED);
    expect(main).not.toMatch(/\{\{\w+\}\}/);
    expect(errors).toEqual([]);
  });
});
