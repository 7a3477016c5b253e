import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data.ts';
import type { Lang } from '../src/i18n/languages.ts';
import { addDays } from '../src/rules/dates/iso-date.ts';
import { HIGHLY_SKILLED_ANSWERS } from '../test/dossier-driver.ts';
import deskTr from '../web/src/locales/desk/tr.json' with { type: 'json' };
import empFr from '../web/src/locales/employer/fr.json' with { type: 'json' };
import emp from '../web/src/locales/employer/nl.json' with { type: 'json' };
import en from '../web/src/locales/en.json' with { type: 'json' };
import fr from '../web/src/locales/fr.json' with { type: 'json' };
import inspectorNl from '../web/src/locales/inspector/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import staffEn from '../web/src/locales/staff/en.json' with { type: 'json' };
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
import {
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  findAccessibilityViolations,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';
import { findHorizontalScroll, findSpills, findTextProblems, readPageText } from './support/page-checks.ts';

// The second newcomers' walk (issue 11): each finding kept fixed where it was seen: the partner's
// candidate form, the desk in Turkish, the inspector's linked employer, wide tables on a phone.

const SHELL: Record<Lang, typeof nl> = { nl, fr, en };
const STAFF: Record<Lang, typeof staffNl> = { nl: staffNl, fr: staffFr, en: staffEn };
const PEOPLE = DEMO_ACCOUNTS.map((account) => account.displayName);

describe('the second newcomers’ walk', () => {
  let page: Page;
  let inReview: FiledDossier;
  let employer: ApiSession;
  useBrowserTests(
    {
      pages: (_context, p) => {
        page = p;
      },
    },
    async (s) => {
      employer = await signInApi(s.url, 'werkgever');
      const filed = await fileAndSubmitDossier(employer, 'HIGHLY_SKILLED', {
        worker: HIGHLY_SKILLED_ANSWERS.worker,
        job: { ...HIGHLY_SKILLED_ANSWERS.job, 'application.job.startDate': addDays(todayInBrussels(), 60) },
      });
      inReview = await payAndStartReview(s.url, filed, todayInBrussels());
    },
  );
  afterAll(async () => {
    await employer?.dispose();
  });

  /**
   * The page census's checks (e2e/page-census.e2e.test.ts) on a state the census cannot reach by
   * address alone: it needs an action first (a document opened, a letter's draft, a guidance hint).
   */
  async function censusChecks(lang: Lang): Promise<string[]> {
    const problems = findTextProblems(await readPageText(page), lang, PEOPLE);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      const scroll = await findHorizontalScroll(page);
      if (scroll) problems.push(`${width}: ${scroll}`);
      for (const spill of await findSpills(page)) problems.push(`${width}: ${spill}`);
      for (const violation of await findAccessibilityViolations(page))
        problems.push(
          `${width}: axe ${violation.id} ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    }
    return problems;
  }

  async function signIn(username: string): Promise<void> {
    await signInOnPage(page, username);
    await page.waitForURL((url) => url.pathname !== '/login');
  }

  it('tells the partner at once, once per field and in words to act on, what to fix in a candidate', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn('partner');
    await expectHeading(page, nl.talent.partner.title);
    const rule = nl.talent.errors.rule;
    await page.locator('#candidate-reference').fill('AB 1');
    // Typed, not picked from the suggestions: the occupation is not chosen.
    await page.getByRole('combobox', { name: nl.talent.field.occupationIds }).fill('Verpleeg');
    await page.locator('#candidate-postalCode').fill('12');
    await page.locator('#candidate-retentionUntil').fill('2099-01-01');
    // No nationality chosen: every rule the browser can know is named in the first round.
    await page.getByRole('button', { name: nl.talent.partner.submit }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
      `${nl.talent.field.reference} ${rule.reference} (${nl.talent.errors.hint.reference})`,
      `${nl.talent.field.occupationIds} ${nl.talent.errors.occupationNotChosen}`,
      `${nl.talent.field.postalCode} ${rule.postalCode} (${nl.talent.errors.hint.postalCode})`,
      `${nl.talent.field.nationality} ${rule.nationality}`,
      `${nl.talent.field.retentionUntil} ${rule.retentionTooLong.replace('{{months}}', '24')}`,
    ]);
    await page.getByText(nl.talent.field.occupationHint).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);

    // All fixed but the file number, which another candidate already has: the server says so
    // beside the field, in the same words as the rest.
    await page.locator('#candidate-reference').fill('WW-2026-001');
    await page.getByRole('combobox', { name: nl.talent.field.occupationIds }).fill('metselaar');
    await page
      .getByRole('option', { name: /^metselaar/ })
      .first()
      .click();
    await page.locator('#candidate-postalCode').fill('9000');
    // The countries by their Dutch names, stored as the ISO code.
    const nationality = page.getByLabel(nl.talent.field.nationality, { exact: true });
    await nationality.selectOption({ label: 'Syrië' });
    expect(await nationality.inputValue()).toBe('SY');
    await page.locator('#candidate-retentionUntil').fill(addDays(todayInBrussels(), 200));
    await page.getByRole('button', { name: nl.talent.partner.submit }).click();
    await summary.getByRole('listitem').filter({ hasText: nl.talent.field.reference }).waitFor();
    expect(await summary.getByRole('listitem').count()).toBe(1);
    expect(await page.locator('#candidate-reference-error').textContent()).toContain('is al in gebruik');
    // The fields fixed in the first round show no error any more.
    expect(await page.locator('#candidate-nationality-error').count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
  });

  it('speaks Turkish on the desk’s errors, offers Turkish in the header, and shows the follow-up code to copy', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/desk/report?lang=tr');
    await expectHeading(page, deskTr.form.title);
    // The page is Turkish, so is <html lang>; the frame stays in the interface language and says so.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('tr');
    for (const frame of ['header.header', 'footer.footer', 'a.skip-link'])
      expect(await page.locator(frame).getAttribute('lang'), frame).toBe('nl');
    const languages = page.getByLabel(nl.shell.languageLabel);
    expect(await languages.locator('option').allInnerTexts()).toContain('Türkçe');
    expect(await languages.inputValue()).toBe('tr');
    await page.getByRole('button', { name: deskTr.form.submit }).click();
    await page.getByRole('heading', { name: deskTr.errorSummaryTitle }).waitFor();
    expect(await page.getByText(nl.shell.errorSummaryTitle).count()).toBe(0);

    await page.getByLabel(deskTr.form.roles.WORKER).check();
    await page.getByLabel(deskTr.form.categories.UNPAID_WAGES).check();
    await page.getByLabel(deskTr.form.descriptionLabel).fill('Ayda 900 euro alıyoruz.');
    await page.getByLabel(deskTr.form.enterpriseNumber, { exact: false }).fill('0403.170.702');
    await page.getByRole('button', { name: deskTr.form.submit }).click();
    // The summary names the field, in Turkish (the server's own messages have no Turkish).
    await page.getByRole('link', { name: deskTr.form.errors.enterpriseNumber }).waitFor({ timeout: 30_000 });
    await expectNoAccessibilityViolations(page);
    await page.getByLabel(deskTr.form.enterpriseNumber, { exact: false }).fill('0403.170.701');
    await page.getByRole('button', { name: deskTr.form.submit }).click();
    await expectHeading(page, deskTr.receipt.title);
    const code = page.getByTestId('desk-code');
    expect(await code.innerText()).toMatch(/^([A-Z2-9]{4}-){3}[A-Z2-9]{4}$/);
    expect(await code.isVisible()).toBe(true);
    await page.getByText(deskTr.receipt.copyHint).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.goto('/desk/follow-up?lang=tr');
    const field = page.getByLabel(deskTr.followUp.code);
    // What the reporter types or pastes stays readable: the code is not a password.
    expect(await field.getAttribute('type')).not.toBe('password');
    await page.getByLabel(deskTr.followUp.reference, { exact: false }).fill('M-AAAAAAAA');
    await field.fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: deskTr.followUp.submit }).click();
    await page.getByRole('link', { name: deskTr.followUp.codeInvalid }).waitFor();
    await expectNoSidewaysScroll(page);
  });

  it('names the employer a report is linked to, and links its dossiers', async () => {
    await signIn('inspecteur');
    const list = await page.evaluate(async () => {
      const answer = await fetch('/api/v1/inspector/reports');
      return (await answer.json()) as { reports: Array<{ id: string; enterpriseNumber: string | null }> };
    });
    const linked = list.reports.find((report) => report.enterpriseNumber === '0403170701');
    expect(linked).toBeDefined();
    await page.goto(`/inspector/reports/${linked?.id}`);
    const employer = page.getByRole('link', { name: 'Bakkerij Peeters bv (0403.170.701)' });
    expect(await employer.getAttribute('href')).toBe('/inspector/employers/0403170701');
    const dossiers = page.getByRole('link', { name: /^\d+ dossier\(s\) in Loket$/ });
    expect(await dossiers.getAttribute('href')).toBe('/inspector/employers/0403170701#file-dossiers');
    await dossiers.click();
    await page.getByRole('heading', { level: 2, name: inspectorNl.file.dossiersTitle }).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  for (const lang of ['nl', 'fr', 'en'] as const) {
    it(`says in ${lang} that a wide table scrolls sideways at 390 px, in a named, described scroll region`, async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn('teamleider');
      await page.goto('/supervisor/queue');
      await page.locator('#language').selectOption(lang);
      const cue = page.getByText(SHELL[lang].shell.tableScrollCue);
      await cue.first().waitFor();
      const region = page
        .getByRole('region', { name: /.+/ })
        .filter({ has: page.locator('table') })
        .first();
      const described = await region.evaluate((element) => ({
        cue: document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
        tabIndex: (element as HTMLElement).tabIndex,
      }));
      expect(described.cue).toContain(SHELL[lang].shell.tableScrollCue);
      expect(described.tabIndex).toBe(0);
      // The header names the person without a Dutch title; the role beside it is in the page's language.
      expect(await page.locator('.header__name').innerText()).toBe('Sofie Maes');
      await page.locator('.header__role').getByText(SHELL[lang].roles.SUPERVISOR).waitFor();
      await expectNoSidewaysScroll(page);
      await expectNoAccessibilityViolations(page);
    });
  }

  for (const lang of ['nl', 'fr', 'en'] as const) {
    it(`passes the census checks in ${lang} on states reached by an action: a document viewed inline, a letter's draft`, async () => {
      await signIn('behandelaar');
      await page.goto(`/case-handler/dossiers/${inReview.id}`);
      await page.locator('#language').selectOption(lang);
      await page.locator('button.button--small', { hasText: STAFF[lang].viewer.view }).first().click();
      await page.locator('.staff-viewer').waitFor();
      expect(await censusChecks(lang)).toEqual([]);
      await page.getByRole('button', { name: STAFF[lang].panel.grant.submit, exact: true }).click();
      await page.locator('.staff-letter-draft').waitFor();
      expect(await censusChecks(lang)).toEqual([]);
    });
  }

  it('passes the census checks on the category guidance an occupation brings up', async () => {
    await signIn('werkgever');
    await page.goto('/employer/new');
    await page.getByLabel(nl.categories.MEDIUM_SKILLED_SHORTAGE).check();
    await page.getByRole('button', { name: emp.new.start }).click();
    await expectHeading(page, emp.steps.employer);
    const dossierId = new URL(page.url()).pathname.split('/')[3] as string;
    for (const lang of ['nl', 'fr', 'en'] as const) {
      await page.goto(`/employer/dossiers/${dossierId}/steps/job`);
      await page.locator('#language').selectOption(lang);
      const occupation = page.locator('#q-application-job-iscoCode');
      await occupation.fill('');
      await occupation.pressSequentially('2221');
      await page.getByRole('listbox').getByRole('option').first().click();
      await page.locator('.emp-guidance').waitFor();
      expect(await censusChecks(lang), lang).toEqual([]);
    }
  });

  it('marks an employer’s late dossiers in words and a never-to-be-filed draft, with no caption or number cut at 390 px', async () => {
    // A draft for a Polish worker: the nationality is refused but kept, so the list knows.
    const draft = await employer.call<{ id: string; version: number }>('POST', '/api/v1/dossiers', {
      category: 'HIGHLY_SKILLED',
      enterpriseNumber: '0403.170.701',
    });
    await employer.call('PUT', `/api/v1/dossiers/${draft.id}/steps/worker`, {
      version: draft.version,
      answers: { ...HIGHLY_SKILLED_ANSWERS.worker, 'application.worker.nationality': 'PL' },
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn('werkgever');
    for (const lang of ['nl', 'fr'] as const) {
      const texts = lang === 'nl' ? emp : empFr;
      await page.goto('/employer');
      await page.locator('#language').selectOption(lang);
      const row = page.locator('tbody tr', { has: page.locator(`a[href="/employer/dossiers/${draft.id}"]`) });
      await row.getByText(texts.home.needs.DELETE_DRAFT).waitFor();
      await row.getByText(texts.home.noAuthorisationNeeded, { exact: true }).waitFor();
      expect(await row.getByText(texts.home.needs.FINISH_DRAFT).count()).toBe(0);
      await row.getByRole('link', { name: texts.home.deleteDraft }).waitFor();
      // The demo holds dossiers past the service's legal deadline and answers past their day.
      await page.getByText(texts.home.overdue, { exact: true }).first().waitFor();
      await page.getByText(texts.home.answerLate, { exact: true }).first().waitFor();
      const caption = await page
        .locator('caption')
        .first()
        .evaluate((element) => ({
          width: element.getBoundingClientRect().width,
          box: element.closest('.table-scroll')?.getBoundingClientRect().width ?? 0,
        }));
      expect(caption.width).toBeLessThanOrEqual(caption.box);
      await expectNoSidewaysScroll(page);
      await expectNoAccessibilityViolations(page);
    }
    await page.goto(`/employer/dossiers/${draft.id}`);
    await page.getByTestId('no-authorisation-notice').waitFor();
    await page.getByRole('heading', { name: empFr.deleteDraft.title }).waitFor();
    // A dossier number in the heading stays on one line.
    await page.goto('/employer');
    await page.locator('tbody th a', { hasText: /^VL-/ }).first().click();
    const number = page.locator('h1 .nowrap');
    expect(await number.innerText()).toMatch(/^VL-\d{4}-\d{6}$/);
    expect(await number.evaluate((element) => element.getClientRects().length)).toBe(1);
    await expectNoSidewaysScroll(page);
  });
});
