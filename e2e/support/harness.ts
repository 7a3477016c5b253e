import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/server/config.ts';
import { type RunningLoket, startLoket } from '../../src/server/start.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\nBrowser tests skipped: ${CHROMIUM} not found. Install Debian's Chromium with:\n  apt-get update && apt-get install -y chromium\n`,
  );
}

export interface E2eServer {
  url: string;
  loket: RunningLoket;
  database: TestDatabase;
  stop(): Promise<void>;
}

/** The whole service as `npm start` runs it, on a fresh database of its own with the demo accounts. */
export async function startE2eServer(): Promise<E2eServer> {
  const database = await createTestDatabase({ migrate: false });
  const config = {
    ...loadConfig({ LOKET_DEMO: '1', LOG_LEVEL: 'warn' }),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
  };
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

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now; returns the violations. */
export async function findAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}
