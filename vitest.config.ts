import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three tiers with their own scripts (docs/testing.md): pure unit tests, database tests on a
// real PostgreSQL (embedded unless DATABASE_URL is set), and browser tests in Debian's Chromium.
export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker (cores - 1): every file in turn. Unit and
    // database files mostly wait on PostgreSQL or a child process, so three run at once (cores + 1
    // on a bigger machine). Override with `--maxWorkers N`.
    maxWorkers: Math.max(3, availableParallelism() + 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts'],
          globalSetup: ['test/database-global-setup.ts'],
          // A hang detector: on 2 busy cores (a developer's other work, CI's neighbours) a CPU-heavy
          // test takes several times its idle time.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e-global-setup.ts'],
          // A walk through several pages with letters takes 10-30 s on an idle machine; the limit
          // catches a hang, not slowness, so it leaves room for a machine shared with other work.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each browser file runs a server, its own copy of the demo database and Chromium: two at a
          // time (they wait on pages and the simulated registers as much as they compute). A group of
          // its own, after the others when one `vitest run` runs every tier; `npm test` runs it as a
          // phase of its own after them (test/run-tiers.ts).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // Tests a file marks concurrent (the page census's visitors) run at most three at once.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
