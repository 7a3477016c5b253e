import type { Lang } from '../i18n/languages.ts';
import {
  findMigrationListVersionAt,
  type MigrationListVersion,
} from '../rules/migration-list/migration-list.ts';

export interface MigrationListOption {
  readonly id: string;
  readonly label: string;
}

export interface MigrationListOptions {
  /** The version in force on the date, or null before the first list. */
  readonly version: string | null;
  readonly validFrom: string | null;
  /** The functions the list in force names: what a first application may choose. */
  readonly entries: MigrationListOption[];
  /**
   * Functions only earlier versions named. A renewal may keep one (art. 18 §2 as applied in
   * src/rules/conditions/migration-list.ts); the form also needs their names to show an answer.
   */
  readonly earlierEntries: (MigrationListOption & { readonly lastListedIn: string })[];
}

/** The migration list's functions as the application form offers them on a date, in one language. */
export function migrationListOptions(
  versions: readonly MigrationListVersion[],
  date: string,
  lang: Lang,
): MigrationListOptions {
  const inForce = findMigrationListVersionAt(versions, date);
  if (!inForce) return { version: null, validFrom: null, entries: [], earlierEntries: [] };
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const byLabel = (a: MigrationListOption, b: MigrationListOption) => collator.compare(a.label, b.label);
  const earlier = new Map<string, MigrationListOption & { lastListedIn: string }>();
  for (const version of versions) {
    if (version.validFrom >= inForce.validFrom) break;
    for (const entry of version.entries) {
      if (!inForce.ids.has(entry.id))
        earlier.set(entry.id, { id: entry.id, label: entry.labels[lang], lastListedIn: version.id });
    }
  }
  return {
    version: inForce.id,
    validFrom: inForce.validFrom,
    entries: inForce.entries.map((entry) => ({ id: entry.id, label: entry.labels[lang] })).sort(byLabel),
    earlierEntries: [...earlier.values()].sort(byLabel),
  };
}
