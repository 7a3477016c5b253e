import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * `npm ci && npm start` must serve the web app on a fresh clone, so the first start builds it
 * (a few seconds). Production images build it ahead (`npm run build`) and may omit Vite.
 */
export async function ensureWebBuild(distDir: string, log: Logger): Promise<void> {
  if (existsSync(path.join(distDir, 'index.html'))) return;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    log.warn('web app not built and Vite not installed: run `npm run build`; serving the API only');
    return;
  }
  log.info({ distDir }, 'building the web app (first start)');
  await vite.build({
    configFile: path.resolve('web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir },
  });
}
