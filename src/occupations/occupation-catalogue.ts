import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { buildOccupationIndex, type Occupation, type OccupationIndex } from './occupation-search.ts';

/** ESCO occupations copied into data/esco (see its README for source and licence). */
export const OCCUPATIONS_CSV = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'data',
  'esco',
  'occupations.csv',
);

interface Row {
  uri: string;
  isco_group: string;
  label_nl: string;
  label_fr: string;
  label_en: string;
  alt_labels_nl: string;
  alt_labels_en: string;
}

const splitAltLabels = (cell: string): string[] =>
  cell
    .split(' | ')
    .map((label) => label.trim())
    .filter(Boolean);

export function readOccupations(file = OCCUPATIONS_CSV): Occupation[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
  return rows.map((row) => ({
    id: row.uri,
    iscoCode: row.isco_group,
    labels: {
      ...(row.label_nl ? { nl: row.label_nl } : {}),
      ...(row.label_fr ? { fr: row.label_fr } : {}),
      ...(row.label_en ? { en: row.label_en } : {}),
    },
    altLabels: { nl: splitAltLabels(row.alt_labels_nl), en: splitAltLabels(row.alt_labels_en) },
  }));
}

let cached: OccupationIndex | null = null;
let byId: ReadonlyMap<string, Occupation> | null = null;

/** One occupation by its ESCO id (read once, on first use), or undefined. */
export function findOccupation(id: string): Occupation | undefined {
  byId ??= new Map(readOccupations().map((occupation) => [occupation.id, occupation]));
  return byId.get(id);
}

/** Read and indexed once, on first use (the first search), never at import time. */
export function occupationIndex(): OccupationIndex {
  cached ??= buildOccupationIndex(readOccupations());
  return cached;
}
