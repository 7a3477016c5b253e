import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkHighlySkilledFunction } from '../src/rules/conditions/function-level.ts';
import { renderLegalBasis } from '../src/rules/messages/legal-basis.ts';
import { DEMO_OCCUPATIONS } from '../src/talent/demo-occupations.ts';
import nl from '../web/src/locales/nl.json' with { type: 'json' };
import { signInApi } from './support/api-session.ts';
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';

const care = nl.talent.care;
const today = () => new Date().toISOString().slice(0, 10);
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

/**
 * The care pipeline walked on a phone: a partner records a foreign nurse's recognition file (a NARIC
 * number with a space first), sees the interim care function the rules allow with its legal basis;
 * the employer's care vacancy then finds her, the recognition reason naming her file's status and
 * the interim function.
 */
describe('care pipeline', () => {
  let page: Page;
  let server: E2eServer;
  let consoleErrors: string[] = [];
  useBrowserTests({
    servers: (s) => {
      server = s;
    },
    pages: (_context, p) => {
      page = p;
      consoleErrors = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !/status of 400/.test(message.text()))
          consoleErrors.push(message.text());
      });
    },
  });

  it("records a nurse's recognition file and shows it in a care vacancy's ranking, at 390 px", async () => {
    const partnerApi = await signInApi(server.url, 'partner');
    await partnerApi.call('POST', '/api/v1/talent/candidates', {
      reference: 'WW-E2E-NURSE',
      pool: 'CARE_RECOGNITION',
      occupationIds: [DEMO_OCCUPATIONS.generalNurse],
      educationVks: 6,
      languages: [{ lang: 'nl', level: 'B2' }],
      circle: 'BELGIUM',
      postalCode: '9000',
      nationality: 'PH',
      workAccess: 'FREE',
      availableFrom: today(),
      consent: {
        purpose: 'SHORTAGE_MATCHING',
        givenOn: today(),
        showToEmployers: true,
        retentionUntil: inAYear(),
      },
    });
    await partnerApi.dispose();

    await page.setViewportSize({ width: 390, height: 844 });
    await signInOnPage(page, 'partner');
    await expectHeading(page, nl.talent.partner.title);
    await page.getByRole('link', { name: 'WW-E2E-NURSE' }).click();
    await page.getByRole('link', { name: care.recognitionLink }).click();
    await expectHeading(page, care.title.replace('{{reference}}', 'WW-E2E-NURSE'));
    await page.getByText(care.none).waitFor();

    await page.getByLabel(care.field.naricReference, { exact: true }).fill('NARIC 2026');
    await page
      .getByLabel(care.field.profession, { exact: true })
      .selectOption({ label: care.profession.NURSE });
    await page.getByLabel(care.field.status, { exact: true }).selectOption({ label: care.status.REQUESTED });
    await page.getByRole('button', { name: care.save }).click();
    const summary = page.locator('.error-summary').first();
    await summary.waitFor();
    expect(await summary.textContent()).toContain(care.field.naricReference);

    await page.getByLabel(care.field.naricReference, { exact: true }).fill('NARIC-2026-0412');
    await page.getByRole('button', { name: care.save }).click();
    await page.getByRole('status').filter({ hasText: care.saved }).waitFor();
    await page.getByRole('heading', { name: care.interimTitle }).waitFor();
    await page.getByText(renderLegalBasis(checkHighlySkilledFunction.legalBasis, 'nl')).waitFor();
    await page.getByText(care.interim.naricRequired, { exact: false }).first().waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);

    // The employer's care vacancy for a general nurse in Ghent.
    const employerApi = await signInApi(server.url, 'werkgever');
    const { vacancy } = await employerApi.call<{ vacancy: { id: string } }>(
      'POST',
      '/api/v1/talent/vacancies',
      {
        occupationId: DEMO_OCCUPATIONS.generalNurse,
        postalCode: '9000',
        requiredVks: 6,
        languages: [{ lang: 'nl', level: 'B1' }],
        startDate: today(),
      },
    );
    await employerApi.dispose();
    await page.context().clearCookies();
    await signInOnPage(page, 'werkgever');
    // Signed in once the login page is left (its own heading would answer a wait at once).
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/employer/vacancies/${vacancy.id}`);
    const card = page.locator('.match-list > li').filter({ hasText: 'WW-E2E-NURSE' });
    await card.waitFor();
    // First in the ranking: she lives in Ghent (the local reserve first).
    expect(await page.locator('.match-list > li').first().textContent()).toContain('WW-E2E-NURSE');
    const reason = card.getByRole('listitem').filter({ hasText: nl.talent.criterion.RECOGNITION });
    const text = await reason.textContent();
    expect(text).toContain(care.reason.file.replace('{{status}}', care.status.REQUESTED));
    expect(text).toContain(care.reason.NURSE_EXCEPTION);
    expect(await card.textContent()).not.toContain('NARIC-2026-0412');
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(consoleErrors).toEqual([]);
  });
});
