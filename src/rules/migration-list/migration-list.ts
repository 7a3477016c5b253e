import type { Lang } from '../../i18n/languages.ts';

/**
 * The ministerial migration list of medium-skilled shortage functions (art. 18 §2 BVR), kept as
 * versioned data: each version holds from its `validFrom` until the next version starts.
 */
export interface MigrationListEntry {
  /** Loket's own stable slug, e.g. `truck-driver`. */
  readonly id: string;
  readonly group: string;
  readonly labels: Readonly<Record<Lang, string>>;
  /** False where the entry is reconstructed rather than read in the act itself. */
  readonly verified: boolean;
  /** The ISCO-08 unit group (4 digits, data/esco/isco-groups.csv). Optional: a proposal may omit it. */
  readonly isco?: string;
  /** The ESCO occupation (its id in data/esco/occupations.csv) where one fits the function clearly. */
  readonly esco?: string;
  /** `none`: no ESCO occupation fits clearly (the function spans several, or none matches its level). */
  readonly escoFit?: 'none';
}

export interface MigrationListVersion {
  /** `v1`, `v2`, … */
  readonly id: string;
  readonly validFrom: string;
  readonly legalAct: string;
  readonly source: string;
  readonly verified: boolean;
  readonly note: string | null;
  readonly entries: readonly MigrationListEntry[];
  /** Entry ids for O(1) membership checks. */
  readonly ids: ReadonlySet<string>;
}

export interface MigrationListDiff {
  readonly from: string;
  readonly to: string;
  readonly added: readonly MigrationListEntry[];
  readonly removed: readonly MigrationListEntry[];
  readonly kept: readonly MigrationListEntry[];
}

const ISO_DATE_LIKE = /^\d{4}-\d{2}-\d{2}$/;

/** The version in force on an ISO date, or undefined before the first version. */
export function findMigrationListVersionAt(
  versions: readonly MigrationListVersion[],
  date: string,
): MigrationListVersion | undefined {
  let found: MigrationListVersion | undefined;
  for (const version of versions) {
    if (version.validFrom > date) break;
    found = version;
  }
  return found;
}

/**
 * A version by its id (`v3`, `V3` or `3`) or by a date (`2024-01-01`: the version in force then).
 * Throws a plain error naming the known versions when nothing matches.
 */
export function findMigrationListVersion(
  versions: readonly MigrationListVersion[],
  idOrDate: string | number,
): MigrationListVersion {
  const key = String(idOrDate).trim();
  const found = ISO_DATE_LIKE.test(key)
    ? findMigrationListVersionAt(versions, key)
    : versions.find((v) => v.id === key.toLowerCase() || v.id === `v${key}`);
  if (!found) {
    throw new Error(
      `No migration list version "${key}"; known: ${versions.map((v) => `${v.id} (from ${v.validFrom})`).join(', ')}`,
    );
  }
  return found;
}

/** What changed between two versions: entries added in `b`, removed from `a`, and kept in both. */
export function diffVersions(a: MigrationListVersion, b: MigrationListVersion): MigrationListDiff {
  return {
    from: a.id,
    to: b.id,
    added: b.entries.filter((entry) => !a.ids.has(entry.id)),
    removed: a.entries.filter((entry) => !b.ids.has(entry.id)),
    kept: b.entries.filter((entry) => a.ids.has(entry.id)),
  };
}
