import { type ChangeKind, changeKindWord, entryChanges } from '../../governance/rule-data/rule-versions.ts';
import type { Lang } from '../../i18n/languages.ts';
import {
  classifyFunction,
  ESCO_URI_BASE,
  type FunctionClassification,
} from '../../occupations/function-classification.ts';
import type { MigrationListEntry, MigrationListVersion } from '../../rules/migration-list/migration-list.ts';
import { findMigrationListVersionAt } from '../../rules/migration-list/migration-list.ts';
import { csvDialect, csvLine } from '../../stats/export/csv.ts';

/**
 * The shortage lists over time (issue 17; seed 000, question 3: "een overzicht van deze lijst vanaf
 * 2014 en de evolutie per 2 jaar"). Pure. Two lists, as the minister's answer distinguishes them:
 *
 * - the ministerial migration list of medium-skilled shortage functions (art. 18 §2 BVR 7 Dec 2018),
 *   read from the rule data (the YAML seed or the versions approved through governance, issue 15):
 *   every version with its legal act, source and dates, and which functions came and went;
 * - the size of VDAB's yearly knelpuntberoepenlijst, the wider list the category "other" relies on
 *   since 1 May 2024; only its counts are in the sources (research notes: ../shared/domain/reference.md
 *   §3.5; the public texts below name the press sources only).
 *
 * Before 1 January 2019 there was no migration list: the first ministerial decree took effect then
 * (seed 000, the minister's answer: "trad in werking op 1 januari 2019 (B.S. 29-01-2019)").
 */

export const HISTORY_FROM_YEAR = 2014;

export interface VdabListSize {
  year: number;
  functions: number;
  /** A remark on the count, in nl/fr/en (public text). */
  note: Readonly<Record<Lang, string>> | null;
}

/** Where the counts come from: the press and advisory sources, cited together, not year by year. */
export const VDAB_SIZES_SOURCE =
  'metrotime 2023; nieuwsblad 2020; atv 2021; hbvl 2022; SERV advies; vanhavermaet 2025; focus-wtv 2026-02';

/** 2014–2017 and 2019 are not in the sources. */
export const VDAB_SHORTAGE_LIST_SIZES: readonly VdabListSize[] = [
  { year: 2018, functions: 158, note: null },
  { year: 2020, functions: 188, note: null },
  { year: 2021, functions: 190, note: null },
  { year: 2022, functions: 207, note: null },
  {
    year: 2023,
    functions: 234,
    note: { nl: 'sommige bronnen: 241', fr: 'certaines sources : 241', en: 'some sources: 241' },
  },
  { year: 2024, functions: 241, note: null },
  {
    year: 2025,
    functions: 251,
    note: {
      nl: 'gepubliceerd op 1 februari 2025',
      fr: 'publiée le 1er février 2025',
      en: 'published 1 February 2025',
    },
  },
  { year: 2026, functions: 227, note: null },
];

export interface VersionInHistory {
  version: string;
  validFrom: string;
  /** The day before the next version starts; null while in force. */
  validUntil: string | null;
  /** The act as cited (in Dutch, the language it is published in in Flanders). */
  legalAct: string;
  source: string;
  /** False while the act's full text is not found: the functions then follow secondary sources. */
  verified: boolean;
  functions: number;
}

/** A function in the reader's language, with its ISCO-08 group and ESCO occupation. */
export interface FunctionName extends FunctionClassification {
  id: string;
  label: string;
}

/** A function kept from one list to the next whose name, group, classification or checking changed. */
export interface ChangedFunction extends FunctionName {
  what: ChangeKind[];
  /** The name and list group before → after (the same text twice where only something else changed). */
  before: { label: string; group: string };
  after: { label: string; group: string };
}

export interface Checkpoint {
  /** 1 January of every second year from 2014. */
  date: string;
  year: number;
  /** The migration list version in force that day, or null before the first. */
  version: string | null;
  legalAct: string | null;
  functions: number | null;
  /** Against the previous checkpoint's version (every function is new at the first list). */
  added: FunctionName[];
  removed: FunctionName[];
  changed: ChangedFunction[];
  vdabFunctions: number | null;
}

export interface ShortageHistory {
  versions: VersionInHistory[];
  /** Every function that was ever on the list, classified, with the versions that list it. */
  functions: Array<FunctionName & { versions: string[] }>;
  vdabSizes: ReadonlyArray<{ year: number; functions: number; note: string | null }>;
  vdabSource: string;
  checkpoints: Checkpoint[];
}

function functionName(entry: MigrationListEntry, lang: Lang): FunctionName {
  return { id: entry.id, label: entry.labels[lang], ...classifyFunction(entry, lang) };
}

/** Each function once, named as in the last version that lists it, in order of first appearance. */
function everyFunction(versions: readonly MigrationListVersion[], lang: Lang): ShortageHistory['functions'] {
  const byId = new Map<string, { entry: MigrationListEntry; versions: string[] }>();
  for (const version of versions) {
    for (const entry of version.entries) {
      const seen = byId.get(entry.id);
      byId.set(entry.id, { entry, versions: [...(seen?.versions ?? []), version.id] });
    }
  }
  return [...byId.values()].map(({ entry, versions: ids }) => ({
    ...functionName(entry, lang),
    versions: ids,
  }));
}

function changedFunctions(
  previous: MigrationListVersion | undefined,
  version: MigrationListVersion | undefined,
  lang: Lang,
): ChangedFunction[] {
  if (!previous || !version || previous === version) return [];
  const before = new Map(previous.entries.map((e) => [e.id, e]));
  return version.entries.flatMap((entry) => {
    const old = before.get(entry.id);
    const what = old ? entryChanges(old, entry) : [];
    if (!old || what.length === 0) return [];
    return [
      {
        ...functionName(entry, lang),
        what,
        before: { label: old.labels[lang], group: old.group },
        after: { label: entry.labels[lang], group: entry.group },
      },
    ];
  });
}

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function shortageHistory(
  versions: readonly MigrationListVersion[],
  lang: Lang,
  today: string,
): ShortageHistory {
  const lastYear = Number(today.slice(0, 4));
  const checkpoints: Checkpoint[] = [];
  let previous: MigrationListVersion | undefined;
  for (let year = HISTORY_FROM_YEAR; year <= lastYear; year += 2) {
    const date = `${year}-01-01`;
    const version = findMigrationListVersionAt(versions, date);
    const name = (entry: MigrationListEntry) => functionName(entry, lang);
    checkpoints.push({
      date,
      year,
      version: version?.id ?? null,
      legalAct: version?.legalAct ?? null,
      functions: version ? version.entries.length : null,
      added: version ? version.entries.filter((e) => !previous?.ids.has(e.id)).map(name) : [],
      removed: previous ? previous.entries.filter((e) => !version?.ids.has(e.id)).map(name) : [],
      changed: changedFunctions(previous, version, lang),
      vdabFunctions: VDAB_SHORTAGE_LIST_SIZES.find((size) => size.year === year)?.functions ?? null,
    });
    previous = version;
  }
  return {
    versions: versions.map((v, i) => {
      const next = versions[i + 1];
      return {
        version: v.id,
        validFrom: v.validFrom,
        validUntil: next ? dayBefore(next.validFrom) : null,
        legalAct: v.legalAct,
        source: v.source,
        verified: v.verified,
        functions: v.entries.length,
      };
    }),
    functions: everyFunction(versions, lang),
    vdabSizes: VDAB_SHORTAGE_LIST_SIZES.map((size) => ({ ...size, note: size.note?.[lang] ?? null })),
    vdabSource: VDAB_SIZES_SOURCE,
    checkpoints,
  };
}

const CSV_HEADERS: Record<Lang, string[]> = {
  nl: [
    'jaar',
    'datum',
    'migratielijst',
    'rechtsgrond',
    'functies',
    'toegevoegd',
    'geschrapt',
    'toegevoegde functies',
    'geschrapte functies',
    'gewijzigd',
    'gewijzigde functies',
    'functies op de VDAB-knelpuntberoepenlijst',
  ],
  fr: [
    'année',
    'date',
    'liste de migration',
    'base juridique',
    'fonctions',
    'ajoutées',
    'supprimées',
    'fonctions ajoutées',
    'fonctions supprimées',
    'modifiées',
    'fonctions modifiées',
    'fonctions sur la liste des métiers en pénurie du VDAB',
  ],
  en: [
    'year',
    'date',
    'migration list',
    'legal basis',
    'functions',
    'added',
    'removed',
    'functions added',
    'functions removed',
    'changed',
    'functions changed',
    "functions on VDAB's shortage occupation list",
  ],
};

/** The evolution per two years as CSV in the reader's language (Loket's one CSV writer). */
export function shortageHistoryCsv(history: ShortageHistory, lang: Lang): string {
  const dialect = csvDialect(lang);
  // Each function with its codes: "Vrachtwagenbestuurder (ISCO 8332; ESCO http://…)".
  const coded = (f: FunctionName) => {
    const codes = [f.isco ? `ISCO ${f.isco}` : null, f.esco ? `ESCO ${ESCO_URI_BASE}${f.esco}` : null];
    const known = codes.filter(Boolean);
    return known.length > 0 ? `${f.label} (${known.join('; ')})` : f.label;
  };
  const names = (list: FunctionName[]) => list.map(coded).join(' | ');
  const changes = (list: ChangedFunction[]) =>
    list
      .map((f) => {
        const renamed =
          f.before.label === f.after.label ? f.after.label : `${f.before.label} → ${f.after.label}`;
        const regrouped = f.before.group === f.after.group ? '' : ` [${f.before.group} → ${f.after.group}]`;
        return `${renamed}${regrouped}: ${f.what.map((kind) => changeKindWord(kind, lang)).join(', ')}`;
      })
      .join(' | ');
  return [
    csvLine(CSV_HEADERS[lang], dialect),
    ...history.checkpoints.map((c) =>
      csvLine(
        [
          c.year,
          c.date,
          c.version,
          c.legalAct,
          c.functions,
          c.version ? c.added.length : null,
          c.version || c.removed.length > 0 ? c.removed.length : null,
          names(c.added),
          names(c.removed),
          c.version ? c.changed.length : null,
          changes(c.changed),
          c.vdabFunctions,
        ],
        dialect,
      ),
    ),
  ].join('');
}
