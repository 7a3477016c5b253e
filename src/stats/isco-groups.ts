import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Lang } from '../i18n/languages.ts';

/**
 * The ten ISCO-08 major groups (first digit of the job's ISCO code), labelled from the ESCO export
 * copied into data/esco. The export has English and French only; the Dutch labels follow the
 * Dutch ISCO-08 terms used by Statbel.
 */
const DUTCH: Record<string, string> = {
  '0': 'Militaire beroepen',
  '1': 'Leidinggevende functies',
  '2': 'Intellectuele, wetenschappelijke en artistieke beroepen',
  '3': 'Technici en vakspecialisten',
  '4': 'Administratief personeel',
  '5': 'Dienstverlenend personeel en verkopers',
  '6': 'Geschoolde landbouwers, bosbouwers en vissers',
  '7': 'Ambachtslieden',
  '8': 'Bedieners van machines en installaties, assembleurs',
  '9': 'Elementaire beroepen',
};

export const ISCO_CSV = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'data',
  'esco',
  'isco-groups.csv',
);

export type IscoMajorGroups = ReadonlyMap<string, Record<Lang, string>>;

export function readIscoMajorGroups(file = ISCO_CSV): IscoMajorGroups {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<{
    code: string;
    label_en: string;
    label_fr: string;
  }>;
  return new Map(
    rows
      .filter((row) => /^[0-9]$/.test(row.code))
      .map((row) => [row.code, { nl: DUTCH[row.code] ?? row.label_en, fr: row.label_fr, en: row.label_en }]),
  );
}

let cached: IscoMajorGroups | null = null;

/** Read once, on first use (reports labelling ISCO groups), never at import time. */
export function iscoMajorGroups(): IscoMajorGroups {
  cached ??= readIscoMajorGroups();
  return cached;
}
