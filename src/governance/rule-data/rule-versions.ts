import { Compile } from 'typebox/compile';
import type { Lang } from '../../i18n/languages.ts';
import {
  classifyFunction,
  ESCO_URI_BASE,
  type FunctionClassification,
} from '../../occupations/function-classification.ts';
import {
  addDays,
  buildRuleData,
  isParameterName,
  type MigrationListEntry,
  type MigrationListVersion,
  PARAMETER_DEFINITIONS,
  type ParameterName,
  type ParameterPeriod,
  type ParameterTimeline,
  type RuleData,
} from '../../rules/index.ts';

/**
 * The rule data as the service manages it (issue 15): dated versions of each parameter and of the
 * migration list, approved under four eyes, turned into the very `RuleData` the engine reads from
 * YAML. Pure: the rows come from rule-versions.repo.ts.
 */

export interface ParameterRow {
  name: string;
  unit: string;
  description: string;
  validFrom: string;
  validUntil: string | null;
  value: unknown;
  source: string;
  verified: boolean;
  status: ParameterPeriod['status'];
}

export interface ListRow {
  version: string;
  validFrom: string;
  legalAct: string;
  source: string;
  verified: boolean;
  note: string | null;
  entries: readonly MigrationListEntry[];
}

/**
 * Approved rows to rule data. A period written with an end that a later approved version starts
 * inside is cut the day before it: the newer decision wins, as in "until the next period".
 */
export function ruleDataFromRows(parameters: readonly ParameterRow[], lists: readonly ListRow[]): RuleData {
  const byName = new Map<string, ParameterRow[]>();
  for (const row of parameters) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  const timelines: ParameterTimeline[] = [];
  for (const [name, rows] of byName) {
    if (!isParameterName(name)) continue; // a parameter the engine no longer reads
    rows.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    const periods = rows.map((row, index): ParameterPeriod => {
      const next = rows[index + 1];
      const cut = next ? addDays(next.validFrom, -1) : null;
      const until = row.validUntil !== null && cut !== null && row.validUntil > cut ? cut : row.validUntil;
      return {
        validFrom: row.validFrom,
        validUntil: until,
        value: row.value,
        source: row.source,
        verified: row.verified,
        status: row.status,
      };
    });
    const first = rows[0] as ParameterRow;
    timelines.push({ name, unit: first.unit, description: first.description, periods });
  }
  const migrationList: MigrationListVersion[] = lists.map((row) => ({
    id: row.version,
    validFrom: row.validFrom,
    legalAct: row.legalAct,
    source: row.source,
    verified: row.verified,
    note: row.note,
    entries: row.entries,
    ids: new Set(row.entries.map((entry) => entry.id)),
  }));
  return buildRuleData({
    timelines,
    migrationList,
    parameterDir: 'database: rule_parameter_versions',
    migrationListDir: 'database: rule_list_versions',
  });
}

const validators = new Map(
  Object.entries(PARAMETER_DEFINITIONS).map(([name, definition]) => [name, Compile(definition.schema)]),
);

/** Whether `value` has the shape the engine expects of parameter `name`. */
export function isValidParameterValue(name: ParameterName, value: unknown): boolean {
  return validators.get(name)?.Check(value) ?? false;
}

/**
 * The first day a new version may take effect: never a day on which a filing was already made
 * (those dossiers keep the values of their date), and never before today.
 */
export function earliestEffectiveDate(today: string, latestFiling: string | null): string {
  const afterFilings = latestFiling ? addDays(latestFiling, 1) : today;
  return afterFilings > today ? afterFilings : today;
}

export interface ListDiff {
  from: string;
  to: string;
  added: MigrationListEntry[];
  removed: MigrationListEntry[];
  /** Same function, another name, group, classification or verification, with what changed. */
  changed: { before: MigrationListEntry; after: MigrationListEntry; what: ChangeKind[] }[];
  unchanged: number;
}

/**
 * What made a kept function "changed": its name (renamed), its group on the list (regrouped), its
 * ISCO group or ESCO occupation (reclassified), or whether the act was read for it (verified, or
 * unverified: reconstructed from secondary sources while the act's text is not found).
 */
export type ChangeKind = 'renamed' | 'regrouped' | 'reclassified' | 'verified' | 'unverified';

export function entryChanges(a: MigrationListEntry, b: MigrationListEntry): ChangeKind[] {
  const what: ChangeKind[] = [];
  if (a.labels.nl !== b.labels.nl || a.labels.fr !== b.labels.fr || a.labels.en !== b.labels.en)
    what.push('renamed');
  if (a.group !== b.group) what.push('regrouped');
  if (a.isco !== b.isco || a.esco !== b.esco || a.escoFit !== b.escoFit) what.push('reclassified');
  if (a.verified !== b.verified) what.push(b.verified ? 'verified' : 'unverified');
  return what;
}

/** What changed from one list version to another: functions added, removed, renamed or regrouped. */
export function diffLists(
  from: { version: string; entries: readonly MigrationListEntry[] },
  to: { version: string; entries: readonly MigrationListEntry[] },
): ListDiff {
  const before = new Map(from.entries.map((e) => [e.id, e]));
  const after = new Map(to.entries.map((e) => [e.id, e]));
  const changed: ListDiff['changed'] = [];
  let unchanged = 0;
  for (const entry of to.entries) {
    const old = before.get(entry.id);
    if (!old) continue;
    const what = entryChanges(old, entry);
    if (what.length === 0) unchanged += 1;
    else changed.push({ before: old, after: entry, what });
  }
  return {
    from: from.version,
    to: to.version,
    added: to.entries.filter((e) => !before.has(e.id)),
    removed: from.entries.filter((e) => !after.has(e.id)),
    changed,
    unchanged,
  };
}

export type ClassifiedEntry = MigrationListEntry & { classification: FunctionClassification };

/** The diff with each function's ISCO group and ESCO occupation named in the reader's language. */
export function classifiedDiff(diff: ListDiff, lang: Lang) {
  const named = (entry: MigrationListEntry): ClassifiedEntry => ({
    ...entry,
    classification: classifyFunction(entry, lang),
  });
  return {
    ...diff,
    added: diff.added.map(named),
    removed: diff.removed.map(named),
    changed: diff.changed.map((c) => ({ ...c, before: named(c.before), after: named(c.after) })),
  };
}

const CSV_HEADERS: Record<Lang, string[]> = {
  nl: ['wijziging', 'functie', 'groep', 'naam', 'vorige naam', 'wat gewijzigd', 'ISCO-08', 'ESCO'],
  fr: ['modification', 'fonction', 'groupe', 'nom', 'nom précédent', 'quoi', 'CITP-08', 'ESCO'],
  en: ['change', 'function', 'group', 'name', 'previous name', 'what changed', 'ISCO-08', 'ESCO'],
};
const CSV_CHANGE: Record<Lang, Record<'added' | 'removed' | 'changed' | ChangeKind, string>> = {
  nl: {
    added: 'toegevoegd',
    removed: 'geschrapt',
    changed: 'gewijzigd',
    renamed: 'andere naam',
    regrouped: 'andere groep',
    reclassified: 'andere ISCO/ESCO-indeling',
    verified: 'nu nagekeken in het besluit',
    unverified: 'niet nagekeken in het besluit',
  },
  fr: {
    added: 'ajoutée',
    removed: 'supprimée',
    changed: 'modifiée',
    renamed: 'autre nom',
    regrouped: 'autre groupe',
    reclassified: 'autre classement CITP/ESCO',
    verified: "désormais vérifiée dans l'arrêté",
    unverified: "non vérifiée dans l'arrêté",
  },
  en: {
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    renamed: 'renamed',
    regrouped: 'regrouped',
    reclassified: 'reclassified (ISCO/ESCO)',
    verified: 'now checked in the decree',
    unverified: 'not checked in the decree',
  },
};

/** What changed, in words of the reader's language (CSV exports). */
export function changeKindWord(kind: ChangeKind, lang: Lang): string {
  return CSV_CHANGE[lang][kind];
}

const esco = (e: MigrationListEntry) => (e.esco ? `${ESCO_URI_BASE}${e.esco}` : '');

function csvCell(value: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The diff as CSV in the reader's language, one function per line. */
export function listDiffCsv(diff: ListDiff, lang: Lang): string {
  const words = CSV_CHANGE[lang];
  const rows = [
    ...diff.added.map((e) => [words.added, e.id, e.group, e.labels[lang], '', '', e.isco ?? '', esco(e)]),
    ...diff.removed.map((e) => [words.removed, e.id, e.group, e.labels[lang], '', '', e.isco ?? '', esco(e)]),
    ...diff.changed.map(({ before, after, what }) => [
      words.changed,
      after.id,
      after.group,
      after.labels[lang],
      before.labels[lang] === after.labels[lang] ? '' : before.labels[lang],
      what.map((kind) => words[kind]).join('; '),
      after.isco ?? '',
      esco(after),
    ]),
  ];
  return `${[CSV_HEADERS[lang], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
