import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data.ts';
import { isValidEnterpriseNumber, parameterLabel } from '../src/rules/index.ts';
import { CATALOGUES } from '../web/src/i18n.ts';
import { signInApi } from './support/api-session.ts';
import {
  type E2eServer,
  expectHeading,
  expectNoAccessibilityViolations,
  signInOnPage,
  useBrowserTests,
} from './support/harness.ts';
import { findHorizontalScroll, findTextProblems, readPageText } from './support/page-checks.ts';

const nl = CATALOGUES.nl;
const gov = nl.governance;
// Each walk runs axe at two widths on several pages: more than the default minute on a busy machine.
const WALK_TIMEOUT = 240_000;
const AGENT = { username: 'sociaal.secretariaat', own: '0203040596', mandates: ['0405060716', '0607080933'] };

// Issue 15, the administrator's pages and the public history: accounts with mandates, disabling an
// account ends its session, a password set from the mailed link, a list version proposed by one
// administrator and approved by another, and its difference on the public page.
describe('governance', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  useBrowserTests({
    servers: (s, b) => {
      server = s;
      browser = b;
    },
    pages: (c, p) => {
      context = c;
      page = p;
    },
  });

  /** A page of its own (own cookies) for a second person. */
  async function otherPerson(): Promise<Page> {
    const other = await browser.newContext({ baseURL: server.url });
    return other.newPage();
  }

  /**
   * At 390 px and at 1280 px: no sideways scrolling and no axe violation; and the page census's text
   * checks (no key, code, internal or other language's text), people's names being data.
   */
  async function checkLayout(lang: 'nl' | 'fr' = 'nl'): Promise<void> {
    const names = [
      ...DEMO_ACCOUNTS.map((u) => u.displayName),
      'Sociaal secretariaat Zuid',
      'Klant 1 bv',
      'Klant 2 bv',
    ];
    expect(findTextProblems(await readPageText(page), lang, names)).toEqual([]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await findHorizontalScroll(page), `width ${width}`).toBeNull();
      await expectNoAccessibilityViolations(page);
    }
  }

  it(
    'an administrator creates an agent with two mandates and disables an account, whose session ends',
    async () => {
      for (const number of [AGENT.own, ...AGENT.mandates]) expect(isValidEnterpriseNumber(number)).toBe(true);
      const analyst = await otherPerson();
      await signInOnPage(analyst, 'analist');
      await analyst.waitForURL('**/analyst');

      await signInOnPage(page, 'beheerder');
      await page.waitForURL('**/admin');
      await page.getByRole('link', { name: gov.home.accounts }).click();
      await expectHeading(page, gov.accounts.title);
      await page.getByRole('button', { name: gov.accountForm.submit }).waitFor();
      await checkLayout();

      // A mistake first: the message stands next to the field, in Dutch, naming it.
      await page.getByLabel(gov.accountForm.username).fill(AGENT.username);
      await page.getByLabel(gov.accountForm.displayName, { exact: true }).fill('Sociaal secretariaat Zuid');
      await page.getByLabel(gov.accountForm.email).fill('loket@secretariaat-zuid.example');
      await page.getByLabel(gov.accountForm.role).selectOption('EMPLOYER');
      await page.getByLabel(gov.accountForm.enterpriseNumber).fill(AGENT.own);
      for (const [index, number] of AGENT.mandates.entries()) {
        await page.getByRole('button', { name: gov.accountForm.addMandate }).click();
        const n = index + 1;
        await page.getByLabel(gov.accountForm.mandateNumber.replace('{{n}}', String(n))).fill(number);
        await page.getByLabel(gov.accountForm.mandateName.replace('{{n}}', String(n))).fill(`Klant ${n} bv`);
      }
      await page.getByLabel(gov.accountForm.mandateNumber.replace('{{n}}', '2')).fill('0607080934');
      await page.getByRole('button', { name: gov.accountForm.submit }).click();
      const fieldError = page.locator('#mandate-1-number-error');
      await fieldError.waitFor();
      expect(await fieldError.innerText()).toContain('geen geldig ondernemingsnummer');
      expect(await page.locator('.error-summary').innerText()).toContain(
        gov.accountForm.mandateNumber.replace('{{n}}', '2'),
      );
      await checkLayout();

      await page
        .getByLabel(gov.accountForm.mandateNumber.replace('{{n}}', '2'))
        .fill(AGENT.mandates[1] as string);
      await page.getByRole('button', { name: gov.accountForm.submit }).click();
      await page.getByRole('status').filter({ hasText: AGENT.username }).waitFor();
      const row = page.locator(`tr[data-username="${AGENT.username}"]`);
      await row.waitFor();
      const rowText = await row.innerText();
      expect(rowText).toContain(nl.roles.EMPLOYER);
      expect(rowText).toContain(gov.accounts.signInKind.PENDING);
      const dotted = (n: string) => `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;
      for (const number of AGENT.mandates) expect(rowText).toContain(dotted(number));

      // The agent no longer acts for the second client: edit the account, drop that mandate.
      await row.getByRole('button', { name: new RegExp(`^${gov.accounts.edit}`) }).click();
      const editTitle = gov.accountForm.editTitle.replace('{{name}}', 'Sociaal secretariaat Zuid');
      await page.getByRole('heading', { level: 2, name: editTitle }).waitFor();
      expect(await page.getByLabel(gov.accountForm.role).inputValue()).toBe('EMPLOYER');
      expect(await page.getByLabel(gov.accountForm.mandateNumber.replace('{{n}}', '2')).inputValue()).toBe(
        dotted(AGENT.mandates[1] as string),
      );
      await checkLayout();
      await page.getByRole('button', { name: gov.accountForm.removeMandate.replace('{{n}}', '2') }).click();
      await page.getByRole('button', { name: gov.accountForm.save }).click();
      await page
        .getByRole('status')
        .filter({ hasText: gov.accountForm.saved.replace('{{name}}', 'Sociaal secretariaat Zuid') })
        .waitFor();
      await expect.poll(() => row.innerText()).not.toContain(dotted(AGENT.mandates[1] as string));
      expect(await row.innerText()).toContain(dotted(AGENT.mandates[0] as string));
      // The administrator's own role cannot be changed from their own account.
      await page
        .locator('tr[data-username="beheerder"]')
        .getByRole('button', { name: new RegExp(`^${gov.accounts.edit}`) })
        .click();
      expect(await page.getByLabel(gov.accountForm.role).isDisabled()).toBe(true);
      await page.getByRole('button', { name: gov.accountForm.cancel }).click();
      await page.getByRole('heading', { level: 2, name: gov.accountForm.title }).waitFor();

      // Disabling the analyst ends the analyst's open session at once.
      const analystRow = page.locator('tr[data-username="analist"]');
      await analystRow.getByRole('button', { name: new RegExp(`^${gov.accounts.disable}`) }).click();
      await analystRow.getByText(gov.accounts.state.disabled).waitFor();
      expect(await analyst.evaluate(async () => (await fetch('/api/v1/stats/reports')).status)).toBe(401);
      await analyst.reload();
      await analyst.waitForURL('**/login');
      // Enabled again, the analyst signs in as before.
      await analystRow.getByRole('button', { name: new RegExp(`^${gov.accounts.enable}`) }).click();
      await analystRow.getByText(gov.accounts.state.active).waitFor();
      await signInOnPage(analyst, 'analist');
      await analyst.waitForURL('**/analyst');
      await analyst.context().close();
    },
    WALK_TIMEOUT,
  );

  it(
    'the new user sets a password from the mailed link: a common one is refused, then signs in',
    async () => {
      const admin = await signInApi(server.url, 'beheerder');
      const { mails } = await admin.call<{ mails: Array<{ recipient: string; text: string }> }>(
        'GET',
        '/api/v1/mail-outbox?limit=20&offset=0',
      );
      await admin.dispose();
      const text = mails.find((mail) => mail.recipient === 'loket@secretariaat-zuid.example')?.text ?? '';
      const link = /https?:\/\/[^\s]+\/password#[A-Za-z0-9_-]+/.exec(text)?.[0];
      expect(link, text).toBeTruthy();
      await page.goto(`/password${new URL(link as string).hash}`);
      await expectHeading(page, gov.password.title);
      await page.getByText(gov.password.intro.replace('{{username}}', AGENT.username)).waitFor();
      await checkLayout();
      await page.getByLabel(gov.password.new).fill('Wachtwoord2026!');
      await page.getByLabel(gov.password.repeat).fill('Wachtwoord2026!');
      await page.getByRole('button', { name: gov.password.submit }).click();
      const error = page.locator('#new-password-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('veelgebruikt wachtwoord');
      await checkLayout();

      const chosen = 'drie groene fietsen aan de Schelde';
      await page.getByLabel(gov.password.new).fill(chosen);
      await page.getByLabel(gov.password.repeat).fill(chosen);
      await page.getByRole('button', { name: gov.password.submit }).click();
      await page.getByText(gov.password.done).waitFor();
      await page.getByRole('link', { name: gov.password.toLogin }).click();
      await page.waitForURL('**/login');
      await signInOnPage(page, AGENT.username, chosen);
      await page.waitForURL('**/employer');
    },
    WALK_TIMEOUT,
  );

  it(
    'one administrator proposes a list version, the other approves it, the public history shows the diff',
    async () => {
      await signInOnPage(page, 'beheerder');
      await page.waitForURL('**/admin');
      await page.getByRole('link', { name: gov.home.proposals }).click();
      await expectHeading(page, gov.proposals.title);
      const listForm = page.locator('section', { has: page.locator('#list-form-title') });
      await listForm.getByRole('button', { name: gov.proposals.listForm.submit }).waitFor();
      await checkLayout();

      // Take the first function off the list, add one.
      const first = listForm.locator('.gov-entry').first();
      const removedName = (await first.locator('span').innerText()).trim();
      await first.getByRole('button').click();
      await listForm.getByLabel(gov.proposals.listForm.newId).fill('zonnepaneelinstallateur');
      await listForm.getByLabel(gov.proposals.listForm.newGroup).fill('installations');
      await listForm.getByLabel(gov.proposals.listForm.newLabelNl).fill('Installateur zonnepanelen');
      await listForm.getByLabel(gov.proposals.listForm.newLabelFr).fill('Installateur de panneaux solaires');
      await listForm.getByLabel(gov.proposals.listForm.newLabelEn).fill('Solar panel installer');
      await listForm.getByRole('button', { name: gov.proposals.listForm.add }).click();
      await listForm.getByLabel(gov.proposals.listForm.legalAct).fill('Ministerieel besluit (voorbeeld)');
      await listForm.getByLabel(gov.proposals.parameterForm.source).fill('Belgisch Staatsblad (voorbeeld)');
      await listForm.getByRole('button', { name: gov.proposals.listForm.submit }).click();
      await page.getByText(gov.proposals.listForm.done).waitFor();
      const own = page.locator('.gov-card').filter({ hasText: gov.proposals.listSubject }).first();
      await own.getByText(gov.proposals.ownProposal).waitFor();
      expect(await own.getByRole('button', { name: gov.proposals.approve }).count()).toBe(0);
      await checkLayout();

      const second = await otherPerson();
      await signInOnPage(second, 'beheerder2');
      await second.waitForURL('**/admin');
      await second.goto('/admin/proposals');
      const card = second.locator('.gov-card').filter({ hasText: gov.proposals.listSubject }).first();
      await card.getByRole('button', { name: gov.proposals.approve }).click();
      await second.getByText(gov.proposals.approved).waitFor();
      await card.getByText(gov.proposals.states.APPROVED).waitFor();
      await second.context().close();

      // The public history, signed out: the new version and its difference with the one before.
      await context.clearCookies();
      await page.goto('/rule-history');
      await expectHeading(page, gov.history.title);
      const diff = page.getByTestId('list-diff');
      await diff.waitFor();
      const diffText = await diff.innerText();
      expect(diffText).toContain('v5');
      expect(diffText).toContain('Installateur zonnepanelen');
      expect(diffText).toContain(removedName);
      await checkLayout();
      const csvHref = await page.getByRole('link', { name: gov.history.downloadCsv }).getAttribute('href');
      const csv = await (await page.request.get(csvHref as string)).text();
      expect(csv).toContain('toegevoegd,zonnepaneelinstallateur,installations,Installateur zonnepanelen');
      const jsonHref = await page.getByRole('link', { name: gov.history.downloadJson }).getAttribute('href');
      const json = (await (await page.request.get(jsonHref as string)).json()) as { added: { id: string }[] };
      expect(json.added.map((e) => e.id)).toEqual(['zonnepaneelinstallateur']);

      // In French: the headings and the functions' names in French.
      await page.getByLabel(nl.shell.languageLabel).selectOption('fr');
      await expectHeading(page, CATALOGUES.fr.governance.history.title);
      await page.getByTestId('list-diff').getByText('Installateur de panneaux solaires').waitFor();
      await checkLayout('fr');
    },
    WALK_TIMEOUT,
  );

  it(
    'a parameter value: proposed on the form, decided by the other administrator; a stale second decision shows the refusal',
    async () => {
      await signInOnPage(page, 'beheerder');
      await page.waitForURL('**/admin');
      await checkLayout();
      await page.goto('/admin/proposals');
      await expectHeading(page, gov.proposals.title);
      // The yearly indexation: figures missing first, then the computed amount is shown and filed.
      const indexForm = page.locator('section', { has: page.locator('#index-form-title') });
      const indexLabels = gov.proposals.indexForm;
      await indexForm.getByRole('button', { name: indexLabels.submit }).click();
      await indexForm.locator('#index-previous-error').waitFor();
      await indexForm.locator('#index-previous').fill('128,9');
      await indexForm.locator('#index-new').fill('131,45');
      await indexForm
        .getByLabel(gov.proposals.parameterForm.source)
        .fill('Statbel, gezondheidsindex (voorbeeld)');
      expect(await indexForm.locator('#index-preview').innerText()).toContain('203,96');
      await checkLayout();
      await indexForm.getByRole('button', { name: indexLabels.submit }).click();
      await page.locator('.gov-card').filter({ hasText: '203,96' }).first().waitFor();
      expect(await page.locator('.gov-card').filter({ hasText: '203,96' }).first().innerText()).toContain(
        '× 131,45 ÷ 128,9',
      );

      const form = page.locator('section', { has: page.locator('#param-form-title') });
      await form
        .getByLabel(gov.proposals.parameterForm.name, { exact: true })
        .selectOption('fee.singlePermit');
      await form.getByLabel(gov.proposals.parameterForm.value, { exact: true }).fill('205');
      await form
        .getByLabel(gov.proposals.parameterForm.source, { exact: true })
        .fill('Besluit van de Vlaamse Regering (voorbeeld)');
      await page.getByRole('button', { name: gov.proposals.parameterForm.submit }).click();
      await page.getByText(gov.proposals.parameterForm.done).waitFor();
      const own = page.locator('.gov-card').filter({ hasText: '€ 205' }).first();
      await own.getByText(gov.proposals.ownProposal).waitFor();
      await checkLayout();

      // The other administrator, in two tabs: the first approves, the second (not reloaded) rejects.
      const second = await otherPerson();
      await signInOnPage(second, 'beheerder2');
      await second.waitForURL('**/admin');
      const stale = await second.context().newPage();
      for (const tab of [second, stale]) await tab.goto('/admin/proposals');
      const card = (tab: Page) => tab.locator('.gov-card').filter({ hasText: '€ 205' }).first();
      await card(second).getByRole('button', { name: gov.proposals.approve }).click();
      await second.getByText(gov.proposals.approved).waitFor();
      await card(stale).getByRole('button', { name: gov.proposals.reject }).click();
      await stale.getByRole('alert').filter({ hasText: 'werd al beslist' }).waitFor();
      await second.context().close();

      // The public history in English has the new fee among the parameters.
      await context.clearCookies();
      await page.goto('/rule-history');
      // Each parameter is named in the reader's language, not by the rule data's English description.
      await page
        .locator('summary', { hasText: new RegExp(`^${parameterLabel('fee.singlePermit', 'nl')}$`) })
        .waitFor();
      await page.getByLabel(nl.shell.languageLabel).selectOption('en');
      await expectHeading(page, CATALOGUES.en.governance.history.title);
      const fee = page.locator('details', {
        has: page.locator('summary', {
          hasText: new RegExp(`^${parameterLabel('fee.singlePermit', 'en')}$`),
        }),
      });
      await fee.locator('summary').click();
      await fee.getByText('€205').waitFor();
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await findHorizontalScroll(page)).toBeNull();
      }
      await expectNoAccessibilityViolations(page);
    },
    WALK_TIMEOUT,
  );

  it(
    'the public histories name each function by ISCO group and ESCO occupation and say what changed, in Dutch',
    async () => {
      const sh = nl.talent.shortageHistory;
      await page.goto('/talent/shortage-history');
      await expectHeading(page, sh.title);
      const functions = page.getByTestId('shortage-functions');
      await functions.waitFor();
      const row = functions.locator('tr', { hasText: 'Technicus voertuigen' });
      expect(await row.innerText()).toContain('ISCO-08 7231');
      expect(await row.innerText()).toContain('automonteur');
      // The v3 → v4 step explains its changed functions; the v4 act is cited in Dutch, no remark in English.
      const changes = await page.getByTestId('shortage-changes-2026').innerText();
      expect(changes).toContain(nl.functionCodes.what.unverified);
      expect(changes).toContain('Technicus voertuigen');
      const body = await page.locator('main').innerText();
      expect(body).not.toMatch(/full text not found|reference §|\.md\b/i);
      expect(body).toContain(sh.unverifiedAct);
      await checkLayout();

      await page.goto('/rule-history?from=v3&to=v4');
      const diff = page.getByTestId('list-diff');
      await diff.waitFor();
      expect(await diff.innerText()).toContain(nl.functionCodes.what.unverified);
      expect(await diff.innerText()).toContain('ISCO-08 7231');
      await checkLayout();
    },
    WALK_TIMEOUT,
  );
});
