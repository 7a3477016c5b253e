import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLE_SLUGS } from '../src/auth/roles.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import serverFr from '../src/i18n/catalogues/fr.json' with { type: 'json' };
import { ROLE_TASKS } from '../src/workspaces/workspaces.ts';
import en from '../web/src/locales/en.json' with { type: 'json' };
import fr from '../web/src/locales/fr.json' with { type: 'json' };
import inspectorNl from '../web/src/locales/inspector/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import staffNl from '../web/src/locales/staff/nl.json' with { type: 'json' };
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

// The web app as users meet it: built (`npm run build`), served by the real service on a fresh
// database with the demo accounts, driven in Debian's Chromium and checked with axe-core.
describe('the Loket web app', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  useBrowserTests({
    servers: (s, b) => {
      server = s;
      browser = b;
    },
    pages: (_context, p) => {
      page = p;
    },
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string, password: string): Promise<void> {
    await signInOnPage(page, username, password);
  }

  it('shows the landing page in Dutch by default, with no accessibility violations', async () => {
    await page.goto('/');
    await expectHeading(page, nl.landing.title);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.title()).toContain(nl.service.titleSuffix);
    await page.getByRole('link', { name: nl.shell.skipLink }).waitFor({ state: 'attached' });
    await page.getByRole('main').waitFor();
    await page.getByRole('contentinfo').waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: nl.landing.signInButton }).click();
    await expectHeading(page, nl.login.title);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('shows the login page in Dutch, with labelled fields and no accessibility violations', async () => {
    await page.goto('/login');
    await expectHeading(page, nl.login.title);
    expect(await page.title()).toBe(`${nl.login.pageTitle} – ${nl.service.titleSuffix}`);
    expect(await page.getByLabel(nl.login.username).getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel(nl.login.password).getAttribute('autocomplete')).toBe('current-password');
    await expectNoAccessibilityViolations(page);
  });

  it('switches to French and to English, sets <html lang> and remembers the choice', async () => {
    await page.goto('/');
    await expectHeading(page, nl.landing.title);

    await page.getByLabel(nl.shell.languageLabel).selectOption('fr');
    await expectHeading(page, fr.landing.title);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.title()).toContain(fr.service.titleSuffix);
    await page.getByRole('link', { name: fr.landing.signInButton }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.reload();
    await expectHeading(page, fr.landing.title);

    await page.getByLabel(fr.shell.languageLabel).selectOption('en');
    await expectHeading(page, en.landing.title);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto('/login');
    await expectHeading(page, en.login.title);
    await page.getByLabel(en.login.username).waitFor();
  });

  it('shows a wrong password in an error summary, in the chosen language, and focuses it', async () => {
    await page.goto('/login');
    await page.getByLabel(nl.shell.languageLabel).selectOption('fr');
    await page.getByLabel(fr.login.username).fill('werkgever');
    await page.getByLabel(fr.login.password).fill('not-the-password');
    await page.getByRole('button', { name: fr.login.submit }).click();

    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: fr.shell.errorSummaryTitle }).waitFor();
    await summary.getByRole('link', { name: serverFr.errors.LOKET_INVALID_CREDENTIALS }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.title()).toMatch(new RegExp(`^${fr.shell.errorPrefix}`));
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoAccessibilityViolations(page);
  });

  it('names each empty field next to it and links to it from the summary', async () => {
    await page.goto('/login');
    await page.getByRole('button', { name: nl.login.submit }).click();

    const username = page.getByLabel(nl.login.username);
    await page.getByRole('alert').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(nl.login.password).getAttribute('aria-invalid')).toBe('true');
    const describedBy = await username.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toContain(nl.login.username);
    expect(await page.locator(`#${describedBy}`).textContent()).toContain('is verplicht');

    await page.getByRole('alert').getByRole('link').first().click();
    expect(await username.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAccessibilityViolations(page);
  });

  it.each(DEMO_ACCOUNTS)(
    'signs $username ($role) in to the role home page and out again',
    async (account) => {
      await signIn(account.username, DEMO_PASSWORD);
      // Case handlers land on their queue, supervisors on their workspace (e2e/case-handling…),
      // analysts on their reports (e2e/statistics…), inspectors on their work list; the other roles
      // on the generic home with their tasks.
      const staffHome = {
        CASE_HANDLER: staffNl.queue.title,
        SUPERVISOR: staffNl.supervisor.title,
        ANALYST: nl.workspace.title.ANALYST,
        // Inspectors land on their work list (e2e/inspector.e2e.test.ts).
        INSPECTOR: inspectorNl.workList.title,
        // Partners land on their candidates (e2e/support/census-visits.ts, docs/talent.md).
        PARTNER: nl.talent.partner.title,
      } as Partial<Record<string, string>>;
      await expectHeading(page, staffHome[account.role] ?? nl.workspace.title[account.role]);
      expect(new URL(page.url()).pathname).toBe(`/${ROLE_SLUGS[account.role]}`);
      if (!staffHome[account.role]) {
        const firstTask = ROLE_TASKS[account.role][0] as keyof typeof nl.workspace.tasks;
        await page.getByText(nl.workspace.tasks[firstTask], { exact: true }).waitFor();
      }
      await page
        .getByRole('navigation', { name: nl.shell.userNavigation })
        .getByText(account.displayName)
        .waitFor();
      if (account.role === 'ADMIN') {
        const table = page.getByRole('table', { name: nl.workspace.accounts.caption });
        await table.getByRole('rowheader', { name: nl.roles.EMPLOYER }).waitFor();
      }
      await expectNoAccessibilityViolations(page);

      await page.getByRole('button', { name: nl.shell.signOut }).click();
      await expectHeading(page, nl.landing.title);
      await page.getByRole('link', { name: nl.landing.signInButton }).waitFor();
      await page.goto(`/${ROLE_SLUGS[account.role]}`);
      await expectHeading(page, nl.login.title);
    },
  );

  it('tells an employer who opens the admin page that they have no access', async () => {
    await signIn('werkgever', DEMO_PASSWORD);
    await expectHeading(page, nl.workspace.title.EMPLOYER);
    await page.goto('/admin');
    await expectHeading(page, nl.noAccess.title);
    await page.getByRole('link', { name: nl.noAccess.back }).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it('sends a signed-out visitor of a role page to the login page', async () => {
    await page.goto('/supervisor');
    await expectHeading(page, nl.login.title);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('shows a page-not-found page for an unknown path', async () => {
    await page.goto('/no-such-page');
    await expectHeading(page, nl.notFound.title);
    await expectNoAccessibilityViolations(page);
  });

  it('serves Swagger UI at /api/docs', async () => {
    await page.goto('/api/docs');
    await page.getByText('Loket API').first().waitFor();
    await page.getByText('/api/v1/session').first().waitFor();
  });
});
