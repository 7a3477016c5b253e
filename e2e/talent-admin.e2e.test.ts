import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import fr from '../web/src/locales/fr.json' with { type: 'json' };
import govNl from '../web/src/locales/governance/nl.json' with { type: 'json' };
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import {
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

const partners = govNl.partners;
const form = fr.talent.pilotForm;
const formNl = nl.talent.pilotForm;
const imports = nl.talent.imports;
const row = (text: string, n: number) => text.replace('{{row}}', String(n));

/**
 * The talent pipelines' administration as its users meet it: the administrator on a phone, in
 * Dutch, creates a care coordination centre and deactivates it; an analyst on a desktop, in French,
 * records that MATCH placed 40 people in Flanders and finds the change in the history; an analyst
 * on a phone gives PALIM its operator and a year's spending; a case handler on a phone reads the
 * VDAB/EURES import runs after asking for one.
 */
describe('talent administration', () => {
  let page: Page;
  let consoleErrors: string[] = [];
  useBrowserTests({
    pages: (_context, p) => {
      page = p;
      consoleErrors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
    },
  });

  it('lets the administrator create and deactivate a partner organisation at 390 px in Dutch', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'beheerder');
    await page.getByRole('link', { name: partners.title }).click();
    await expectHeading(page, partners.title);
    await page.getByLabel(partners.name, { exact: true }).fill('Zorgpunt Gent');
    await page.getByLabel(partners.kind, { exact: true }).selectOption('CARE_COORDINATION');
    expect(await page.getByLabel(nl.talent.pool.CARE_RECOGNITION).isChecked()).toBe(true);
    expect(await page.getByLabel(nl.talent.pool.REFUGEE).isChecked()).toBe(false);
    await page.getByLabel(partners.retention, { exact: true }).fill('12');
    await page.getByRole('button', { name: partners.create }).click();
    await page.getByRole('status').filter({ hasText: 'Zorgpunt Gent' }).waitFor();
    const row = page.getByRole('row', { name: /Zorgpunt Gent/ });
    expect(await row.textContent()).toContain(partners.kinds.CARE_COORDINATION);
    expect(await row.textContent()).toContain(partners.active);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);

    await row.getByRole('button', { name: partners.deactivate.replace('{{name}}', 'Zorgpunt Gent') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: partners.deactivated.replace('{{name}}', 'Zorgpunt Gent') })
      .waitFor();
    expect(await row.textContent()).toContain(partners.inactive);
    await expectNoAccessibilityViolations(page);
    expect(consoleErrors).toEqual([]);
  });

  it('lets an analyst record a dated result of MATCH at 1280 px in French, kept in the history', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInOnPage(page, 'analist');
    await expectHeading(page, nl.workspace.title.ANALYST);
    await page.addInitScript(() => window.localStorage.setItem('loket.lang', 'fr'));
    await page.goto('/talent/pilots');
    await expectHeading(page, fr.talent.pilots.title);
    await page.getByRole('link', { name: 'MATCH', exact: true }).click();
    await expectHeading(page, 'MATCH');
    await page.getByRole('link', { name: form.editLink }).click();
    await expectHeading(page, form.editTitle.replace('{{name}}', 'MATCH'));
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);

    const figure = form.figure.PLACED_FLANDERS;
    await page.getByLabel(form.resultValue.replace('{{figure}}', figure), { exact: true }).fill('40');
    // A figure without its date is refused, naming the field.
    await page.getByRole('button', { name: form.save }).click();
    const summary = page.locator('.error-summary').first();
    await summary.waitFor();
    expect(await summary.textContent()).toContain(form.resultAsOf.replace('{{figure}}', figure));
    await page.getByLabel(form.resultAsOf.replace('{{figure}}', figure), { exact: true }).fill('2022-12-31');
    await page.getByRole('button', { name: form.save }).click();
    await page.getByRole('status').filter({ hasText: figure }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Lotte Wouters' })
      .filter({ hasText: figure })
      .waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: 'MATCH', exact: true }).click();
    await expectHeading(page, 'MATCH');
    await page.getByText(/^40 \(au /).waitFor();
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it("lets an analyst choose PALIM's operator and record its spending at 390 px in Dutch, the funder checked", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'analist');
    await expectHeading(page, nl.workspace.title.ANALYST);
    await page.goto('/talent/pilots');
    await page.getByRole('link', { name: 'PALIM', exact: true }).click();
    await expectHeading(page, 'PALIM');
    await page.getByRole('link', { name: formNl.editLink }).click();
    await expectHeading(page, formNl.editTitle.replace('{{name}}', 'PALIM'));

    await page
      .getByLabel(nl.talent.pilots.field.operator, { exact: true })
      .selectOption({ label: 'Welkom Werk vzw (demo)' });
    await page.getByRole('button', { name: formNl.spendingAdd }).click();
    await page.getByLabel(row(formNl.spendingYear, 1), { exact: true }).fill('2020');
    await page.getByLabel(row(formNl.spendingFunder, 1), { exact: true }).fill('IOM');
    await page.getByLabel(row(formNl.spendingAmount, 1), { exact: true }).fill('500000');
    await page.getByRole('button', { name: formNl.save }).click();
    // IOM is no funder of PALIM: said beside the row's funder and in the summary.
    await page.locator('#pilot-spending-0-funder-error').waitFor();
    expect(await page.locator('.error-summary').first().textContent()).toContain(
      row(formNl.spendingFunder, 1),
    );
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);

    await page.getByLabel(row(formNl.spendingFunder, 1), { exact: true }).fill('EU');
    await page.getByRole('button', { name: formNl.save }).click();
    await page.getByRole('status').filter({ hasText: formNl.fieldNames.spending }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Lotte Wouters' })
      .filter({ hasText: formNl.fieldNames.operatorId })
      .waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: 'PALIM', exact: true }).click();
    await expectHeading(page, 'PALIM');
    await page.getByText('Welkom Werk vzw (demo)').first().waitFor();
    await page.getByRole('cell', { name: '2020', exact: true }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('shows a case handler the VDAB/EURES import runs at 390 px, with what each source brought', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'behandelaar');
    await page.getByRole('link', { name: imports.link }).click();
    await expectHeading(page, imports.title);
    await page.getByRole('button', { name: imports.importNow }).click();
    await page.getByRole('status').filter({ hasText: imports.ran }).waitFor();
    const table = page.getByRole('table', { name: imports.tableCaption });
    await table.getByRole('cell', { name: 'VDAB', exact: true }).first().waitFor();
    await table.getByRole('cell', { name: 'EURES', exact: true }).first().waitFor();
    for (const column of ['created', 'updated', 'withdrawn', 'rejected'] as const)
      await table.getByRole('columnheader', { name: imports.column[column] }).waitFor();
    expect(await table.textContent()).toContain(imports.onRequest);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(consoleErrors).toEqual([]);
  });
});
