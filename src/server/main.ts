import pino from 'pino';
import { EmbeddedDatabaseAccessError } from '../db/embedded-postgres-access.ts';
import { ConfigError, loadConfig } from './config.ts';
import { loggerOptions } from './logger.ts';
import { startLoket } from './start.ts';
import { ensureWebBuild } from './web-build.ts';

// `npm start`: configuration from the environment (README "Configuration").
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const log = pino(loggerOptions(config.logLevel));
await ensureWebBuild(config.webDist, log);
let loket: Awaited<ReturnType<typeof startLoket>>;
try {
  loket = await startLoket(config, { log, announce: (text) => console.log(`\n${text}\n`) });
} catch (error) {
  // A set-up problem the operator can fix gets the fix, not a stack trace.
  if (error instanceof EmbeddedDatabaseAccessError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// embedded-postgres installs its own exit hooks, which stop PostgreSQL at once on Ctrl-C, before
// requests in flight could commit. We take over: close HTTP first, then jobs, pool, database.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping Loket');
    loket.stop().then(
      () => process.exit(0),
      (error) => {
        log.error({ reason: (error as Error).message }, 'error while stopping');
        process.exit(1);
      },
    );
  });
}
