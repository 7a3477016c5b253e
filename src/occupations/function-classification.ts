import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import { ISCO_CSV } from '../stats/isco-groups.ts';
import { findOccupation } from './occupation-catalogue.ts';

/**
 * How a shortage function of the migration list is classified (issue 15): its ISCO-08 unit group
 * and, where one fits clearly, its ESCO occupation, named in the reader's language. The ISCO export
 * has English and French labels only: a Dutch reader gets the English name, with `iscoNameLang`
 * saying so; an ESCO occupation without a label in the language falls back the same way.
 */

export interface FunctionCodes {
  readonly isco?: string;
  readonly esco?: string;
  readonly escoFit?: 'none';
}

export interface FunctionClassification {
  isco: string | null;
  iscoName: string | null;
  iscoNameLang: Lang | null;
  esco: string | null;
  escoLabel: string | null;
  escoLabelLang: Lang | null;
  /** `none` where no ESCO occupation fits clearly; null where nobody has classified the function. */
  escoFit: 'none' | null;
}

export const ESCO_URI_BASE = 'http://data.europa.eu/esco/occupation/';

type IscoLabels = Readonly<Partial<Record<Lang, string>>>;

export function readIscoGroups(file = ISCO_CSV): ReadonlyMap<string, IscoLabels> {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<{
    code: string;
    label_en: string;
    label_fr: string;
  }>;
  return new Map(rows.map((row) => [row.code, { en: row.label_en, fr: row.label_fr }]));
}

let groups: ReadonlyMap<string, IscoLabels> | null = null;

/** The ISCO-08 group of a code at any level (read once, on first use), or undefined. */
export function findIscoGroup(code: string): IscoLabels | undefined {
  groups ??= readIscoGroups();
  return groups.get(code);
}

function inLanguage(labels: IscoLabels, lang: Lang): { text: string; lang: Lang } | null {
  for (const candidate of [lang, 'en', ...LANGUAGES] as Lang[]) {
    const text = labels[candidate];
    if (text) return { text, lang: candidate };
  }
  return null;
}

export function classifyFunction(codes: FunctionCodes, lang: Lang): FunctionClassification {
  const group = codes.isco ? findIscoGroup(codes.isco) : undefined;
  const iscoName = group ? inLanguage(group, lang) : null;
  const occupation = codes.esco ? findOccupation(codes.esco) : undefined;
  const escoLabel = occupation ? inLanguage(occupation.labels, lang) : null;
  return {
    isco: codes.isco ?? null,
    iscoName: iscoName?.text ?? null,
    iscoNameLang: iscoName?.lang ?? null,
    esco: codes.esco ?? null,
    escoLabel: escoLabel?.text ?? null,
    escoLabelLang: escoLabel?.lang ?? null,
    escoFit: codes.escoFit ?? null,
  };
}

/** Codes that are not in the shipped CSVs, or an ESCO occupation outside the entry's ISCO group. */
export function unknownCodes(codes: FunctionCodes): string[] {
  const problems: string[] = [];
  if (codes.isco && !findIscoGroup(codes.isco)) problems.push(`ISCO ${codes.isco} is not in isco-groups.csv`);
  if (codes.esco) {
    const occupation = findOccupation(codes.esco);
    if (!occupation) problems.push(`ESCO ${codes.esco} is not in occupations.csv`);
    else if (codes.isco && occupation.iscoCode !== codes.isco)
      problems.push(`ESCO ${codes.esco} belongs to ISCO ${occupation.iscoCode}, not ${codes.isco}`);
  }
  return problems;
}
