import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import employerFr from '../web/src/locales/employer/fr.json' with { type: 'json' };
import employerNl from '../web/src/locales/employer/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import {
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  useBrowserTests,
} from './support/harness.ts';

// The job step's pickers as an employer on a phone uses them: keyboard only, 390 px wide, axe on
// the page with the list open and after the choice, no console error.
const emp = employerNl;
const job = emp.questions.application.job;

describe('the occupation and migration-list pickers', () => {
  let page: Page;
  useBrowserTests({
    pages: (_context, p) => {
      page = p;
    },
  });

  it('pick an occupation and a migration-list function with the keyboard at 390 px', async () => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/login');
    await page.getByLabel(nl.login.username).fill('werkgever');
    await page.getByLabel(nl.login.password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: nl.login.submit }).click();
    await expectHeading(page, nl.workspace.title.EMPLOYER);
    await page.goto('/employer/new');
    await page.getByLabel(nl.categories.MEDIUM_SKILLED_SHORTAGE).check();
    await page.getByRole('button', { name: emp.new.start }).click();
    await expectHeading(page, emp.steps.employer);
    const dossierId = new URL(page.url()).pathname.split('/')[3] as string;
    await page.goto(`/employer/dossiers/${dossierId}/steps/job`);
    await expectHeading(page, emp.steps.job);

    // The occupation: type a Dutch name, move to the first option with ArrowDown, choose with Enter.
    const occupation = page.getByRole('combobox', { name: job.iscoCode });
    await occupation.focus();
    await page.keyboard.type('Verpleegkundige');
    const listbox = page.getByRole('listbox', { name: job.iscoCode });
    await listbox.getByRole('option', { name: /^algemeen verpleegkundige/ }).waitFor();
    expect(await occupation.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await occupation.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).textContent()).toBe('algemeen verpleegkundige ISCO 2221');
    await expectNoAccessibilityViolations(page); // with the list open
    await expectNoSidewaysScroll(page);
    await page.keyboard.press('Enter');

    expect(await occupation.inputValue()).toBe('algemeen verpleegkundige');
    expect(await occupation.getAttribute('aria-expanded')).toBe('false');
    await page.getByText('ISCO-code: 2221', { exact: true }).waitFor();
    const level = page.getByLabel(`${job.requiredVks} ${emp.form.optional}`, { exact: true });
    expect(await level.inputValue()).toBe('6');
    await page.getByText(/Voorgesteld functieniveau voor dit beroep: VKS-niveau 6 tot 7/).waitFor();
    await page.getByText(emp.pickers.occupation.source).waitFor();

    // The migration list: ArrowDown opens the whole list; typing narrows it, accents ignored.
    const listFunction = page.getByRole('combobox', { name: job.migrationListFunction });
    await listFunction.focus();
    await page.keyboard.press('ArrowDown');
    const functions = page.getByRole('listbox', { name: job.migrationListFunction });
    expect(await functions.getByRole('option').count()).toBeGreaterThan(10);
    await page.keyboard.type('ZORGKUNDIGE');
    await functions.getByRole('option', { name: 'Zorgkundige' }).waitFor();
    await expect.poll(() => functions.getByRole('option').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await listFunction.inputValue()).toBe('Zorgkundige');

    await page.getByLabel(`${job.title}`, { exact: true }).fill('Zorgkundige');
    await page.getByLabel(job.workplacePostalCode, { exact: true }).fill('9000');
    await page.getByLabel(job.startDate, { exact: true }).fill('2027-03-01');
    await page.getByLabel(job.employmentFraction, { exact: true }).fill('1');
    // Medium-skilled work has a pay floor, so the wage is asked (issue 13, item 6).
    await page.getByLabel(job.grossAnnualSalary, { exact: true }).fill('36000');
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: emp.form.saveAndContinue }).click();
    await expectHeading(page, emp.steps.documents);

    // What was saved: the ISCO code, the proposed level and the list's own id for the function.
    const saved = await (await page.request.get(`/api/v1/dossiers/${dossierId}`)).json();
    expect(saved.application.job).toMatchObject({
      iscoCode: '2221',
      requiredVks: 6,
      migrationListFunction: 'care-worker',
    });

    // Back on the step in French: the function by its French name, and French search.
    await page.goto(`/employer/dossiers/${dossierId}/steps/job`);
    await page.getByLabel(nl.shell.languageLabel).selectOption('fr');
    const jobFr = employerFr.questions.application.job;
    await page.getByRole('heading', { level: 1, name: employerFr.steps.job }).waitFor();
    const listFunctionFr = page.getByRole('combobox', { name: jobFr.migrationListFunction });
    await expect.poll(() => listFunctionFr.inputValue()).toBe('Aide-soignant');
    const occupationFr = page.getByRole('combobox', { name: jobFr.iscoCode });
    expect(await occupationFr.inputValue()).toBe('2221');
    await occupationFr.fill('');
    await occupationFr.focus();
    await page.keyboard.type('infirmiere de soins');
    await page
      .getByRole('listbox', { name: jobFr.iscoCode })
      .getByRole('option', { name: /^infirmier de soins généraux\/infirmière de soins généraux/ })
      .waitFor();
    await expectNoAccessibilityViolations(page);
    // Escape closes the list, a second Escape empties the input.
    await page.keyboard.press('Escape');
    expect(await occupationFr.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await occupationFr.inputValue()).toBe('');
    expect(consoleErrors).toEqual([]);
  });
});
