import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real executable, spawned as a user would run it, on real files. */

const LOKET = resolve(import.meta.dirname, '../../bin/loket');
const dir = mkdtempSync(join(tmpdir(), 'loket-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function run(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(LOKET, args, { cwd: resolve(import.meta.dirname, '../..') });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const application = (overrides: Record<string, unknown> = {}) => ({
  applicationDate: '2025-06-02',
  category: 'HIGHLY_SKILLED',
  employer: { enterpriseNumber: '0403.170.701' },
  worker: { birthDate: '1985-01-01', nationality: 'IN', qualificationVks: 6 },
  job: { grossAnnualSalary: 50000, workplacePostalCode: '9000' },
  ...overrides,
});

describe.concurrent('loket CLI', { timeout: 30_000 }, () => {
  it('assess prints one assessment and exits 0 whatever the outcome', async () => {
    const refused = file(
      'refused.json',
      application({ job: { grossAnnualSalary: 1000, workplacePostalCode: '9000' } }),
    );
    const result = await run(['assess', refused, '--lang', 'en']);
    expect(result.code).toBe(0);
    const assessment = JSON.parse(result.stdout);
    expect(assessment).toMatchObject({
      outcome: 'INELIGIBLE',
      reasons: [{ code: 'SALARY_BELOW_THRESHOLD' }],
    });
    expect(assessment.reasons[0].message).toMatch(/^The gross annual salary \(€\d/);
  });

  it('assess --at applies the rules of that date', async () => {
    const result = await run(['assess', file('at.json', application()), '--at', '2024-03-01']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      rulesAt: '2024-03-01',
      procedure: { regionalDeadlineDays: 120 },
    });
  });

  it('assess exits 2 and names every offending field with the reason', async () => {
    const bad = file('bad.json', {
      applicationDate: '2025-02-30',
      category: 'HIGH',
      employer: { enterpriseNumber: 12 },
      worker: { birthDate: '1990-03-14', nationality: 'in', qualificationVks: 9, shoeSize: 44 },
      job: {},
    });
    const result = await run(['assess', bad, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    for (const path of [
      'applicationDate: must be a valid date',
      'category: must be one of',
      'employer.enterpriseNumber: must be text',
      'worker.nationality',
      'worker.qualificationVks: must be at most 8',
      'worker.shoeSize: is not a known field',
      'job.workplacePostalCode: is required',
    ]) {
      expect(result.stderr).toContain(path);
    }
  });

  it('assess exits 2 on invalid JSON and on a date before 2019', async () => {
    const json = await run(['assess', file('broken.json', '{"applicationDate":')]);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/not valid JSON/);
    const early = await run(['assess', file('early.json', application({ applicationDate: '2018-12-31' }))]);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/applicationDate.*LOKET_RULES_DATE_OUT_OF_RANGE/);
  });

  it('assess --ndjson answers one line per input line, in order, and goes on after bad lines', async () => {
    const lines = [
      JSON.stringify(application()),
      '{not json',
      JSON.stringify(application({ category: 'NOPE' })),
      '',
      JSON.stringify(application({ job: { grossAnnualSalary: 1, workplacePostalCode: '1000' } })),
    ];
    const result = await run(['assess', '--ndjson', '--lang', 'fr'], `${lines.join('\r\n')}\n`);
    expect(result.code).toBe(0);
    const out = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ outcome: 'ELIGIBLE' });
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'LOKET_INVALID_JSON' } });
    expect(out[2]).toMatchObject({
      line: 3,
      error: { code: 'LOKET_APPLICATION_INVALID', fields: [{ path: 'category', rule: 'enum' }] },
    });
    expect(out[3]).toMatchObject({ line: 4, error: { code: 'LOKET_INVALID_JSON' } });
    expect(out[4]).toMatchObject({ outcome: 'INELIGIBLE', procedure: { region: 'BRUSSELS' } });
    expect(out[4].reasons[0].message).toMatch(/Région flamande/);
  });

  it('simulate counts the outcomes a reform changes, per category and direction', async () => {
    const overrides = file(
      'reform.yaml',
      'salary.averageGrossAnnual:\n  values:\n    2025-01-01:\n      value: 55000\n      source: reform proposal\n',
    );
    const dossiers = [
      application({ job: { grossAnnualSalary: 50000, workplacePostalCode: '9000' } }),
      application({ job: { grossAnnualSalary: 60000, workplacePostalCode: '9000' } }),
      application({ category: 'EXECUTIVE', job: { grossAnnualSalary: 80000, workplacePostalCode: '9000' } }),
    ]
      .map((a) => JSON.stringify(a))
      .concat('{oops')
      .join('\n');
    const text = await run(['simulate', '--parameters', overrides], dossiers);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('HIGHLY_SKILLED: 1 of 2 change (ELIGIBLE→INELIGIBLE 1)');
    expect(text.stdout).toContain('EXECUTIVE: 1 of 1 change (ELIGIBLE→INELIGIBLE 1)');
    expect(text.stdout).toContain('Skipped 1 line');
    const json = await run(['simulate', '--parameters', overrides, '--json'], dossiers);
    expect(JSON.parse(json.stdout)).toMatchObject({
      total: 3,
      changed: 2,
      categories: { HIGHLY_SKILLED: { total: 2, changed: 1, transitions: { 'ELIGIBLE→INELIGIBLE': 1 } } },
      skipped: [{ line: 4 }],
    });
  });

  it('simulate rejects a broken override file naming file and line', async () => {
    const broken = file(
      'broken.yaml',
      'salary.averageGrossAnnual:\n  values:\n    2025-01-01: { value: -5 }\n',
    );
    const result = await run(['simulate', '--parameters', broken], '');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.yaml:3: .*not a valid salary\.averageGrossAnnual/);
  });

  it('has --help for each command and exits 2 on misuse', async () => {
    for (const args of [['--help'], ['assess', '--help'], ['simulate', '--help']]) {
      const result = await run(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Usage/);
    }
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['assess', '--lang', 'de', 'x.json'])).code).toBe(2);
    expect((await run(['simulate'])).stderr).toMatch(/--parameters/);
  }, 120_000); // three CLI starts: slow only on a loaded machine
});
