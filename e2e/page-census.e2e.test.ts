import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import type { Lang } from '../src/i18n/languages.ts';
import { CATALOGUES } from '../web/src/i18n.ts';
import { PAGE_IDS } from '../web/src/page-routes.ts';
import {
  type DemoSamples,
  findDemoSamples,
  plannedVisits,
  USERNAMES,
  type Visit,
  type Visitor,
} from './support/census-visits.ts';
import {
  type E2eServer,
  findAccessibilityViolations,
  launchBrowser,
  startE2eServer,
} from './support/harness.ts';
import { findHorizontalScroll, findSpills, findTextProblems, readPageText } from './support/page-checks.ts';

/**
 * The page census: every page of every role (the web app's page table, web/src/page-routes.ts), on
 * the demo data, at a phone's 390 px and a desktop's 1280 px, in Dutch, French and English. A page
 * fails on sideways scrolling, a 5xx answer, a console error, an unfilled placeholder or message
 * key, another language's text, internal text, a raw code, an axe-core violation, or on landing on
 * "not found" / "no access" where it should show itself. See docs/testing.md.
 */
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;
const LANGS: Lang[] = ['nl', 'fr', 'en'];
/**
 * Run time: Dutch, the default, gets every sample; French and English the first sample of each page.
 * axe runs on the Dutch visits only, at 390 px on every sample (where tables become scroll regions)
 * and at 1280 px on the first sample of each page: it judges the page's structure, names and
 * colours, which a language does not change (the text checks judge the other languages' words), and
 * it is about half of the census's time.
 */
const EVERY_SAMPLE_IN: Lang = 'nl';
/** The demo's people: their names are data, not interface text (and carry no role title: src/demo/demo-accounts.test.ts). */
const PEOPLE = DEMO_ACCOUNTS.map((account) => account.displayName);
const VISITORS: Visitor[] = [
  'anonymous',
  'worker',
  'EMPLOYER',
  'CASE_HANDLER',
  'SUPERVISOR',
  'INSPECTOR',
  'ANALYST',
  'ADMIN',
  'PARTNER',
];

/**
 * Failures known today, each naming the issue that will fix it: the census leaves out exactly these
 * (the page, and the problem matching `problem`) and fails on anything else. An entry that no
 * longer occurs is printed at the end of the run, so it can be removed.
 */
const KNOWN_FAILURES: ReadonlyArray<{
  pages: ReadonlyArray<Visit['id']>;
  problem: RegExp;
  issue: string;
}> = [
  // None today. An entry names the page ids, a pattern of the problem and the issue that fixes it.
];

interface Failure {
  visitor: Visitor;
  lang: Lang;
  width: number | 'any';
  visit: Visit;
  problem: string;
}

function isKnown(failure: Failure): (typeof KNOWN_FAILURES)[number] | undefined {
  return KNOWN_FAILURES.find(
    (known) => known.pages.includes(failure.visit.id) && known.problem.test(failure.problem),
  );
}

async function signIn(
  context: BrowserContext,
  visitor: Visitor,
  lang: Lang,
  demo: DemoSamples,
): Promise<void> {
  if (visitor === 'anonymous') return;
  const { csrfToken } = (await (await context.request.get('/api/v1/session')).json()) as {
    csrfToken: string;
  };
  const [url, data] =
    visitor === 'worker'
      ? ['/api/v1/worker-access/redeem', { code: demo.workerCodes[lang] }]
      : ['/api/v1/session', { username: USERNAMES[visitor], password: DEMO_PASSWORD }];
  const response = await context.request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
  if (!response.ok())
    throw new Error(`${visitor}: ${url} answered ${response.status()} ${await response.text()}`);
}

/** Waits until the page has its heading, shows no "loading" and has had no request open for 150 ms. */
async function settle(page: Page, openRequests: () => number): Promise<void> {
  await page.waitForFunction(() => document.querySelector('h1') && !document.querySelector('.loading'));
  let quietSince = Date.now();
  while (Date.now() - quietSince < 150) {
    await page.waitForTimeout(50);
    if (openRequests() > 0) quietSince = Date.now();
  }
}

/** The heading a page must not show: it was meant to show itself, not these. */
function wrongAnswers(lang: Lang): string[] {
  const texts = CATALOGUES[lang];
  return [texts.notFound.title, texts.noAccess.title, texts.workspace.loadError];
}

describe('page census: every page, every role, 390 and 1280 px, nl/fr/en', () => {
  let server: E2eServer;
  let browser: Browser;
  let demo: DemoSamples;
  let allSamples: Map<Visitor, Visit[]>;
  let firstSamples: Map<Visitor, Visit[]>;
  /** Seconds spent per step, summed over the run: printed at the end, to keep the run time in view. */
  const seconds: Record<string, number> = {};
  async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      seconds[step] = (seconds[step] ?? 0) + (performance.now() - start) / 1000;
    }
  }
  const failures: Failure[] = [];
  const visited = new Set<string>();
  const started = Date.now();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    demo = await findDemoSamples(server.url);
    allSamples = plannedVisits(demo, true);
    firstSamples = plannedVisits(demo, false);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function census(visitor: Visitor, lang: Lang): Promise<Failure[]> {
    const context = await browser.newContext({ baseURL: server.url, viewport: WIDTHS[0] });
    await context.addInitScript((chosen) => window.localStorage.setItem('loket.lang', chosen), lang);
    const found: Failure[] = [];
    try {
      await signIn(context, visitor, lang, demo);
      const page = await context.newPage();
      let open = 0;
      let current: { visit: Visit; width: number } | null = null;
      const fail = (problem: string, width: number | 'any' = current?.width ?? 'any') => {
        if (current) found.push({ visitor, lang, width, visit: current.visit, problem });
      };
      page.on('request', () => open++);
      page.on('requestfinished', () => open--);
      page.on('requestfailed', () => open--);
      page.on('response', (response) => {
        if (response.status() >= 500)
          fail(`${response.status()} from ${response.request().method()} ${response.url()}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') fail(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => fail(`page error: ${error.message}`));

      const visits = (lang === EVERY_SAMPLE_IN ? allSamples : firstSamples).get(visitor) ?? [];
      for (const visit of visits) {
        visited.add(visit.id);
        await page.setViewportSize(WIDTHS[0]);
        current = { visit, width: WIDTHS[0].width };
        await timed('load', async () => {
          await page.goto(visit.path);
          await settle(page, () => open);
        });
        const heading = ((await page.locator('h1').first().textContent()) ?? '').trim();
        const expectsWrongAnswer = visit.id === 'notFound' || visit.id === 'noAccess';
        if (!expectsWrongAnswer && wrongAnswers(lang).includes(heading))
          fail(`shows "${heading}" instead of the page`);
        if ((await page.getAttribute('html', 'lang')) !== lang) fail(`<html lang> is not ${lang}`);
        const text = await timed('text', () => readPageText(page));
        for (const problem of findTextProblems(text, lang, PEOPLE)) fail(problem, 'any');
        for (const size of WIDTHS) {
          current = { visit, width: size.width };
          await page.setViewportSize(size);
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
          const scroll = await timed('layout', () => findHorizontalScroll(page));
          if (scroll) fail(scroll);
          for (const spill of await timed('layout', () => findSpills(page))) fail(spill);
          const runAxe = lang === EVERY_SAMPLE_IN && (size.width === 390 || visit.first);
          for (const violation of runAxe ? await timed('axe', () => findAccessibilityViolations(page)) : []) {
            fail(
              `axe ${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
            );
          }
        }
      }
    } finally {
      await context.close();
    }
    return found;
  }

  it('has text checks that catch what they are meant to catch', () => {
    const page = (visible: string) => ({ visible, attributes: '' });
    const dutch = `${CATALOGUES.nl.login.title}\n${CATALOGUES.nl.notFound.text}`;
    expect(findTextProblems(page(dutch), 'nl')).toEqual([]);
    const caught = (visible: string, lang: Lang) => findTextProblems(page(visible), lang).join('\n');
    expect(caught(`${dutch}\n${CATALOGUES.en.notFound.text}`, 'nl')).toMatch(
      /^en catalogue text on a nl page/m,
    );
    expect(caught(CATALOGUES.nl.notFound.text, 'fr')).toMatch(/^nl catalogue text on a fr page/m);
    expect(caught('Bezig met laden, please wait', 'nl')).toMatch(/^English word on a nl page: "please"/m);
    expect(caught('Nog {{days}} dagen', 'nl')).toMatch(/^placeholder left unfilled/m);
    expect(caught('staff.overview.title', 'nl')).toMatch(/^message key instead of text/m);
    expect(caught('Zie reference.md', 'nl')).toMatch(/^internal text: "reference.md"/m);
    expect(caught('Status: IN_REVIEW', 'nl')).toMatch(/^raw code instead of a label: "IN_REVIEW"/m);
    expect(caught('Sociaal inspecteur Karim', 'fr')).toMatch(/^nl catalogue text/m);
    expect(findTextProblems(page('Sociaal inspecteur Karim'), 'fr', ['Sociaal inspecteur Karim'])).toEqual(
      [],
    );
  });

  // Visitors run side by side (up to the e2e tier's maxConcurrency), each in its own browser
  // context: most of a visit is waiting for the page to settle, which other visitors can use.
  describe.concurrent('every visitor and language', () => {
    for (const visitor of VISITORS) {
      for (const lang of LANGS) {
        // A visitor's walk is 10 to 40 pages; the limit catches a hang, not a loaded machine (the
        // anonymous Dutch walk, every open-data report, took 400 s on a busy 2-core CI machine).
        it(`${visitor} in ${lang}`, { timeout: 900_000 }, async () => {
          const found = await census(visitor, lang);
          failures.push(...found);
          const unknown = found.filter((failure) => !isKnown(failure));
          const report = unknown.map(
            (f) =>
              `${f.visit.path} (${f.visit.id}${f.visit.note ? ` ${f.visit.note}` : ''}) at ${f.width} px: ${f.problem}`,
          );
          expect([...new Set(report)]).toEqual([]);
        });
      }
    }
  });

  it('visited every page of the table, and lists known failures that no longer occur', () => {
    expect(PAGE_IDS.filter((id) => !visited.has(id))).toEqual([]);
    const stale = KNOWN_FAILURES.filter((known) => !failures.some((failure) => isKnown(failure) === known));
    if (stale.length) console.warn('page census: known failures that no longer occur (remove them):', stale);
    console.info(
      `page census: ${failures.length} failures (known ones included) in ${Math.round((Date.now() - started) / 1000)} s`,
      Object.entries(seconds).map(([step, s]) => `${step} ${s.toFixed(1)} s`),
    );
  });
});
