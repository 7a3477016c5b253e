import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_RULES_DIR } from './data/load-rule-data.ts';
import { assess, isRefusalGroundCode, refusalGroundsOf } from './index.ts';

/**
 * Runs the YAML legal cases of `rules/tests/**` (format in rules/tests/README.md): one `describe`
 * per file, one `it` per case, named by the case's sentence.
 */

interface LegalCase {
  name: string;
  at?: string;
  lang?: 'nl' | 'fr' | 'en';
  application: unknown;
  expected: {
    outcome?: string;
    reasons?: string[];
    warnings?: string[];
    procedure?: Record<string, unknown>;
    fee?: Record<string, unknown>;
    facts?: Record<string, Record<string, unknown>>;
    error?: string;
  };
}

const TESTS_DIR = join(DEFAULT_RULES_DIR, 'tests');

function findCaseFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findCaseFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

const sorted = (codes: readonly string[]) => [...new Set(codes)].sort();

function runCase(legalCase: LegalCase): void {
  const options = {
    ...(legalCase.at ? { at: String(legalCase.at) } : {}),
    ...(legalCase.lang ? { lang: legalCase.lang } : {}),
  };
  const { expected } = legalCase;
  if (expected.error) {
    expect(() => assess(legalCase.application, options)).toThrow(
      expect.objectContaining({ code: expected.error }),
    );
    return;
  }
  const assessment = assess(legalCase.application, options);
  const summary = assessment.reasons.map((r) => `${r.code}: ${r.message}`).join('\n');
  if (expected.outcome) expect(assessment.outcome, summary).toBe(expected.outcome);
  if (expected.reasons)
    expect(sorted(assessment.reasons.map((r) => r.code)), summary).toEqual(sorted(expected.reasons));
  if (expected.warnings) {
    expect(sorted(assessment.warnings.map((w) => w.code))).toEqual(sorted(expected.warnings));
  }
  if (expected.procedure) expect(assessment.procedure).toMatchObject(expected.procedure);
  if (expected.fee) expect(assessment.fee).toMatchObject(expected.fee);
  for (const [code, facts] of Object.entries(expected.facts ?? {})) {
    const reason = assessment.reasons.find((r) => r.code === code);
    expect(reason, `no ${code} reason`).toBeDefined();
    expect(reason?.facts).toMatchObject(facts);
  }
  // Every ground the rules find is one a case handler can pick for the category (refusal-grounds.ts).
  const grounds = refusalGroundsOf(assessment.category).map((ground) => ground.code as string);
  for (const reason of assessment.reasons) {
    if (isRefusalGroundCode(reason.code)) expect(grounds, reason.code).toContain(reason.code);
  }
}

for (const file of findCaseFiles(TESTS_DIR).sort()) {
  const cases = (parse(readFileSync(file, 'utf8')) ?? []) as LegalCase[];
  describe(relative(TESTS_DIR, file), () => {
    for (const legalCase of cases) it(legalCase.name, () => runCase(legalCase));
  });
}
