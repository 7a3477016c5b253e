import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuleDataError, type RuleDataProblem } from '../errors.ts';
import { PARAMETER_NAMES } from '../parameters/parameter-definitions.ts';
import { DEFAULT_RULES_DIR, loadRuleData } from './load-rule-data.ts';

/** Each test copies the real rule data, breaks one file, and expects the problem at its file and line. */

let root: string;
let rulesDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'loket-rules-'));
  rulesDir = join(root, 'rules');
  cpSync(join(DEFAULT_RULES_DIR, 'parameters'), join(rulesDir, 'parameters'), { recursive: true });
  cpSync(join(DEFAULT_RULES_DIR, 'migration-list'), join(rulesDir, 'migration-list'), { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeParameter(name: string, text: string): void {
  writeFileSync(join(rulesDir, 'parameters', `${name}.yaml`), text);
}

function problemsOf(load: () => unknown): RuleDataProblem[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleDataError);
    const dataError = error as RuleDataError;
    expect(dataError.code).toBe('LOKET_RULE_DATA_INVALID');
    return [...dataError.problems];
  }
  throw new Error('expected the rule data to be rejected');
}

const FEE_FILE = 'rules/parameters/fee.singlePermit.yaml';

describe('loadRuleData', () => {
  it('loads the real rule data: every parameter and four migration-list versions', () => {
    const data = loadRuleData();
    for (const name of PARAMETER_NAMES)
      expect(data.parameters.timeline(name)?.periods.length).toBeGreaterThan(0);
    expect(data.migrationList.map((v) => v.id)).toEqual(['v1', 'v2', 'v3', 'v4']);
  });

  it('rejects overlapping periods, naming the file and line of the later period', () => {
    writeParameter(
      'fee.singlePermit',
      `description: fee
unit: EUR
values:
  2019-01-01:
    value: 0
    source: seed
    verified: true
    until: 2026-06-30
  2026-01-01:
    value: 200
    source: seed
    verified: false
`,
    );
    expect(problemsOf(() => loadRuleData(rulesDir))).toEqual([
      expect.objectContaining({ file: FEE_FILE, line: 9, message: expect.stringContaining('overlaps') }),
    ]);
  });

  it('rejects two values starting on one date as an overlap', () => {
    writeParameter(
      'fee.singlePermit',
      `description: fee
unit: EUR
values:
  2019-01-01: { value: 0, source: seed, verified: true }
  2019-01-01: { value: 1, source: seed, verified: true }
`,
    );
    expect(problemsOf(() => loadRuleData(rulesDir))).toContainEqual(
      expect.objectContaining({ file: FEE_FILE, line: 5, message: expect.stringContaining('overlap') }),
    );
  });

  it('rejects a gap between periods', () => {
    writeParameter(
      'fee.singlePermit',
      `description: fee
unit: EUR
values:
  2019-01-01: { value: 0, source: seed, verified: true, until: 2025-06-30 }
  2026-01-01: { value: 200, source: seed, verified: false }
`,
    );
    expect(problemsOf(() => loadRuleData(rulesDir))).toEqual([
      expect.objectContaining({
        file: FEE_FILE,
        line: 5,
        message: expect.stringMatching(/gap between 2025-06-30 and 2026-01-01/),
      }),
    ]);
  });

  it('rejects an unknown key (a typo must not silently drop a source)', () => {
    writeParameter(
      'fee.singlePermit',
      `description: fee
unit: EUR
values:
  2019-01-01:
    value: 0
    sorce: seed
    verified: true
`,
    );
    const problems = problemsOf(() => loadRuleData(rulesDir));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: FEE_FILE,
        line: 6,
        message: expect.stringContaining('unknown key "sorce"'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: FEE_FILE,
        line: 5,
        message: expect.stringContaining('missing "source"'),
      }),
    );
  });

  it('rejects a value without a source, at the line of that value', () => {
    writeParameter(
      'fee.singlePermit',
      `description: fee
unit: EUR
values:
  2019-01-01:
    value: 0
    source: seed
    verified: true
  2026-01-01:
    value: 200
    verified: false
`,
    );
    expect(problemsOf(() => loadRuleData(rulesDir))).toEqual([
      expect.objectContaining({
        file: FEE_FILE,
        line: 9,
        message: expect.stringContaining('missing "source"'),
      }),
    ]);
  });

  it('rejects a source citing a project file, and a status that contradicts verified', () => {
    writeParameter(
      'fee.singlePermit',
      `description: fee
unit: EUR
values:
  2019-01-01:
    value: 0
    source: "agii.be (reference.md §4.2)"
    verified: true
  2026-01-01:
    value: 200
    source: "a policy note"
    status: conflicting
    verified: true
`,
    );
    expect(problemsOf(() => loadRuleData(rulesDir))).toEqual([
      expect.objectContaining({
        file: FEE_FILE,
        line: 6,
        message: expect.stringContaining('"reference.md"'),
      }),
      expect.objectContaining({ file: FEE_FILE, line: 11, message: expect.stringContaining('contradicts') }),
    ]);
  });

  it('reads the status of an unverified value: provisional unless written conflicting', () => {
    const data = loadRuleData(DEFAULT_RULES_DIR);
    const fee = data.parameters.resolve('fee.singlePermit', '2026-02-01');
    expect(fee).toMatchObject({ verified: false, status: 'CONFLICTING' });
    expect(data.parameters.resolve('salary.averageGrossAnnual', '2026-02-01')?.status).toBe('PROVISIONAL');
    expect(data.parameters.resolve('salary.averageGrossAnnual', '2025-02-01')?.status).toBe('VERIFIED');
  });

  it('rejects a value of the wrong shape, a wrong unit, and an empty source', () => {
    writeParameter(
      'fee.singlePermit',
      `description: fee
unit: days
values:
  2019-01-01: { value: free, source: '', verified: yes }
`,
    );
    const messages = problemsOf(() => loadRuleData(rulesDir)).map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2: .*unit "days" does not match/),
        expect.stringMatching(/^4: .*source must be non-empty text/),
        expect.stringMatching(/^4: .*verified must be true or false/),
        expect.stringMatching(/^4: .*value "free" is not a valid fee.singlePermit/),
      ]),
    );
  });

  it('rejects a parameter file the engine does not know and a missing one', () => {
    writeParameter('salary.averageGrosAnnual', 'description: typo\nunit: EUR\nvalues: {}\n');
    unlinkSync(join(rulesDir, 'parameters', 'seasonal.maximumDays.yaml'));
    const problems = problemsOf(() => loadRuleData(rulesDir));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'rules/parameters/salary.averageGrosAnnual.yaml',
        message: expect.stringContaining('not a parameter'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'rules/parameters/seasonal.maximumDays.yaml', line: null }),
    );
  });

  it('rejects a migration-list entry without a French label and with an unknown key', () => {
    const file = join(rulesDir, 'migration-list', 'v1.yaml');
    const text = readFileSync(file, 'utf8')
      .replace(/\n {6}fr: "Chauffeur poids lourd[^\n]*/, '')
      .replace('  - id: pipefitter\n', '  - id: pipefitter\n    colour: red\n');
    writeFileSync(file, text);
    const problems = problemsOf(() => loadRuleData(rulesDir));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'rules/migration-list/v1.yaml',
        message: expect.stringContaining('missing "fr"'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'rules/migration-list/v1.yaml',
        message: expect.stringContaining('unknown key "colour"'),
      }),
    );
    expect(problems.every((p) => typeof p.line === 'number')).toBe(true);
  });

  it('rejects a malformed ISCO group, ESCO id, escoFit, and esco together with escoFit: none', () => {
    const file = join(rulesDir, 'migration-list', 'v1.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('    isco: "8332"\n', '    isco: "833"\n')
      .replace('    esco: 7259dc48-004a-4ceb-aa4e-5bbd548c2397\n', '    esco: heating-engineer\n')
      .replace(/( {2}- id: pipefitter\n(?:.*\n){2}) {4}escoFit: none/, '$1    escoFit: unclear')
      .replace(
        '    esco: 5dbb9cf0-b226-402c-a295-2f42ef05ff8b\n',
        '    esco: 5dbb9cf0-b226-402c-a295-2f42ef05ff8b\n    escoFit: none\n',
      );
    writeFileSync(file, text);
    const messages = problemsOf(() => loadRuleData(rulesDir)).map((p) => p.message);
    expect(messages).toContainEqual(expect.stringContaining('entry truck-driver: isco must be an ISCO-08'));
    expect(messages).toContainEqual(expect.stringContaining('entry heating-technician: esco must be the id'));
    expect(messages).toContainEqual(expect.stringContaining('entry pipefitter: escoFit must be "none"'));
    expect(messages).toContainEqual(
      expect.stringContaining('entry residential-electrician: esco and escoFit: none exclude each other'),
    );
  });

  it('reads the classification of an entry, and accepts an entry without one', () => {
    const file = join(rulesDir, 'migration-list', 'v1.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '    isco: "7511"\n    esco: 37c7880e-cfee-4c41-a41b-061682fefde3\n',
        '',
      ),
    );
    const v1 = loadRuleData(rulesDir).migrationList[0];
    const byId = new Map(v1?.entries.map((e) => [e.id, e]));
    expect(byId.get('truck-driver')).toMatchObject({
      isco: '8332',
      esco: '45037d43-a8f5-4f46-b332-b2935bc305f4',
    });
    expect(byId.get('pipefitter')).toMatchObject({ isco: '7126', escoFit: 'none' });
    expect(byId.get('pipefitter')?.esco).toBeUndefined();
    const butcher = byId.get('butcher');
    expect(butcher).toBeDefined();
    expect(butcher?.isco).toBeUndefined();
    expect(butcher?.esco).toBeUndefined();
  });
});
