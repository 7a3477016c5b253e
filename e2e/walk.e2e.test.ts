import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/rules/dates/iso-date.ts';
import emp from '../web/src/locales/employer/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import staffFr from '../web/src/locales/staff/fr.json' with { type: 'json' };
import staffNl from '../web/src/locales/staff/nl.json' with { type: 'json' };
import { todayInBrussels } from '../web/src/pages/staff/staff-format.ts';
import {
  type ApiSession,
  type FiledDossier,
  fileAndSubmitDossier,
  payAndStartReview,
  signInApi,
} from './support/api-session.ts';
import { expectHeading, signInOnPage, useBrowserTests } from './support/harness.ts';

// What a newcomer's walk through the pages found (issue 11), each kept fixed by one assertion on
// the page where the problem was: a language switch, a field's message, a narrow screen.

const TODAY = todayInBrussels();

/** A highly-skilled application paid far below the salary threshold: the rules find a ground. */
const UNDERPAID = {
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
    'application.job.grossAnnualSalary': 30000,
    'application.job.employmentFraction': 1,
  },
};

describe('a newcomer’s walk', () => {
  let page: Page;
  let employer: ApiSession;
  let inReview: FiledDossier;

  useBrowserTests(
    {
      pages: (_context, p) => {
        page = p;
      },
    },
    async (s) => {
      employer = await signInApi(s.url, 'werkgever');
      const filed = await fileAndSubmitDossier(employer, 'HIGHLY_SKILLED', UNDERPAID);
      inReview = await payAndStartReview(s.url, filed, TODAY);
    },
  );
  afterAll(async () => {
    await employer?.dispose();
  });

  async function signIn(username: string): Promise<void> {
    await signInOnPage(page, username);
    await page.waitForURL((url) => url.pathname !== '/login');
  }

  it('words the refusal grounds’ findings again when the case handler switches language', async () => {
    await signIn('behandelaar');
    await page.goto(`/case-handler/dossiers/${inReview.id}`);
    await expectHeading(page, staffNl.overview.title.replace('{{number}}', inReview.number));
    const found = page.locator('.staff-ground__found').first();
    const prefixNl = staffNl.panel.refuse.found.replace('{{message}}', '');
    const dutch = ((await found.textContent()) ?? '').replace(prefixNl, '');
    expect(dutch.length).toBeGreaterThan(10);
    await page.locator('#language').selectOption('fr');
    const prefixFr = staffFr.panel.refuse.found.replace('{{message}}', '');
    await page.locator('.staff-ground__found', { hasText: prefixFr }).first().waitFor();
    // The assessment's own message, not only its frame, is now French.
    await page.waitForFunction(
      (nlText) => !document.querySelector('.staff-ground__found')?.textContent?.includes(nlText),
      dutch,
    );
  });

  it('leads from the landing page to the open data', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: nl.landing.openDataLink }).click();
    await page.waitForURL((url) => url.pathname === '/open-data');
  });

  it('shows the supervisor how many appeals and notifications wait, each with a link', async () => {
    await signIn('teamleider');
    await page.goto('/supervisor');
    const waiting = page.getByTestId('supervisor-waiting');
    const appeals = waiting.getByRole('link', { name: /^Beroepen te beslissen: \d+$/ });
    await appeals.waitFor();
    // The demo data hold two appealed dossiers.
    expect(await appeals.textContent()).toBe(staffNl.supervisor.waiting.appeals.replace('{{count}}', '2'));
    await waiting.getByRole('link', { name: /^Ongelezen meldingen: \d+$/ }).waitFor();
    await appeals.click();
    await page.waitForURL(
      (url) => url.pathname === '/supervisor/queue' && url.searchParams.get('status') === 'APPEALED',
    );
  });

  it('gives the analyst a nurses report with figures on the demo data, downloaded under a readable name', async () => {
    await signIn('analist');
    const report = await page.request.get('/api/v1/stats/reports/nursesByNationality');
    const body = (await report.json()) as { rows: unknown[]; totals: { granted: number } };
    expect(body.totals.granted).toBeGreaterThanOrEqual(2);
    const csv = await page.request.get('/api/v1/stats/reports/nursesByNationality?format=csv&lang=nl');
    expect(csv.headers()['content-disposition']).toContain(
      'filename="Verpleegkundigen en zorgkundigen per nationaliteit ',
    );
  });

  it('gives the worker a contact block, and drops the "do not confirm" advice once they confirmed', async () => {
    const { code } = await employer.call<{ code: string }>(
      'POST',
      `/api/v1/dossiers/${inReview.id}/worker-access`,
    );
    await page.goto('/worker');
    const contact = page.getByTestId('worker-contact');
    await contact.getByText(emp.worker.contact.street).waitFor();
    await page.getByLabel(emp.worker.code).fill(code);
    await page.getByRole('button', { name: emp.worker.submit }).click();
    await page.getByText(emp.workerTerms.notAgreed).waitFor();
    await page.getByLabel(emp.workerTerms.statement).check();
    await page.getByRole('button', { name: emp.workerTerms.confirm }).click();
    await page.getByText(/^U bevestigde op /).waitFor();
    expect(await page.getByText(emp.workerTerms.notAgreed).count()).toBe(0);
    await contact.getByText(emp.worker.contact.street).waitFor();
  });

  it('keeps the team queue and the employer’s documents reachable at 390 px, in named scroll regions', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const reachable = async (name: RegExp | string) => {
      const region = page.getByRole('region', { name });
      await region.waitFor();
      const box = await region.evaluate((element) => ({
        scroll: element.scrollWidth,
        client: element.clientWidth,
        page: document.documentElement.scrollWidth,
        tabIndex: (element as HTMLElement).tabIndex,
      }));
      // The table is wider than the phone: it scrolls in its own focusable box, never the page.
      expect(box.page).toBeLessThanOrEqual(390);
      expect(box.tabIndex).toBe(0);
      expect(box.scroll).toBeGreaterThan(box.client);
    };
    await signIn('teamleider');
    await page.goto('/supervisor/queue');
    await reachable(/^Open dossiers/);
    await page.context().clearCookies();
    await signIn('werkgever');
    await page.goto(`/employer/dossiers/${inReview.id}`);
    await reachable(emp.documents.uploadedCaption);
  });
});
