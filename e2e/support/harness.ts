import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pino from 'pino';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.ts';
import { type RunningLoket, startLoket } from '../../src/server/start.ts';
import { demoLoketConfig } from '../../test/demo-template.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import loginNl from '../../web/src/locales/nl.json' with { type: 'json' };

export const CHROMIUM = '/usr/bin/chromium';
export interface E2eServer {
  url: string;
  loket: RunningLoket;
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * The whole service as `npm start` runs it, on a fresh database of its own with the demo: a copy of
 * the demo loaded once for the tier (test/e2e-global-setup.ts), so each file starts on the same data.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const database = await createTestDatabase({ migrate: false, template: inject('demoTemplateDatabase') });
  const config = demoLoketConfig(database.url);
  const loket = await startLoket(config, { log: pino({ level: 'warn' }) });
  await loket.ready;
  return {
    url: loket.url.replace('localhost', '127.0.0.1'),
    loket,
    database,
    async stop() {
      await loket.stop();
      await database.dispose();
    },
  };
}

/**
 * Debian's Chromium, never a downloaded browser. Missing, it fails the browser tests with the
 * install command rather than skipping them: a test that does not run must not pass.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Debian's Chromium at ${CHROMIUM}. Install it with:\n  apt-get update && apt-get install -y chromium`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Playwright waits 30 s for a page or an element by default. Two browser files run at once
  // (docs/testing.md), and on a busy 2-core machine a sign-in with its password
  // hash and the next page can take longer: the wait catches a page that never comes, not a slow one.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(PAGE_WAIT_MS);
    return context;
  };
  return browser;
}

/** How long a browser test waits for a page, an element or a navigation before it fails. */
export const PAGE_WAIT_MS = 60_000;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now; returns the violations. axe is
 * injected once per loaded document, and asked for violations only (the other results cost time).
 */
export async function findAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as a <script> element: the app's Content Security
  // Policy rightly refuses inline scripts, and the test must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** The page is no wider than the window: nothing to scroll sideways (at 390 px, a phone). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Waits for the page's h1 (exactly this text, or matching the pattern). */
export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: typeof text === 'string' }).waitFor();
}

export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page)).toEqual([]);
}

/**
 * The hooks every browser test file needs: the whole service and Chromium for the file (after
 * `prepare`, if given), a fresh context and page for each test. The setters hand them to the file.
 */
export function useBrowserTests(
  set: {
    servers?(server: E2eServer, browser: Browser): void;
    pages(context: BrowserContext, page: Page): void;
  },
  prepare?: (server: E2eServer) => Promise<void>,
): void {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    set.servers?.(server, browser);
    await prepare?.(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await (browser as Browser).newContext({ baseURL: (server as E2eServer).url });
    set.pages(context, await context.newPage());
  });
  afterEach(async () => {
    await context?.close();
  });
}

/** Signs in through the login page as a user does: the demo password unless another is given. */
export async function signInOnPage(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(loginNl.login.username).fill(username);
  await page.getByLabel(loginNl.login.password).fill(password);
  await page.getByRole('button', { name: loginNl.login.submit }).click();
}
