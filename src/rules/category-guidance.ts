import { CATEGORY_DEFINITIONS } from './categories.ts';
import { checkHighlySkilledFunction } from './conditions/function-level.ts';
import { checkHighlySkilledSalary } from './conditions/highly-skilled.ts';
import { checkOnMigrationList } from './conditions/migration-list.ts';
import { CATEGORIES, type Category } from './contract.ts';
import type { RuleData } from './data/rule-data.ts';
import { findMigrationListVersionAt } from './migration-list/migration-list.ts';

/**
 * Which category fits a function, for the employer who does not know: pure, and only from the
 * rule data. A function whose name is on the migration list in force fits the categories that
 * check the migration list; a nurse fits the categories whose salary condition lowers the
 * threshold for nurses, at the share the parameter gives on that date (and, where the function
 * level is checked, may take another care function while the diploma is being recognised). The
 * categories come from the category table, never from a list kept here.
 *
 * The one thing the rule data does not hold is which ISCO-08 groups are the schema's professions:
 * that is the classification's (ISCO-08 2221 nursing professionals, 3221 nursing associate
 * professionals), so it is kept here.
 */
const PROFESSION_ISCO_GROUPS = { NURSE: ['2221', '3221'] } as const;
export type GuidedProfession = keyof typeof PROFESSION_ISCO_GROUPS;

export interface FunctionToGuide {
  iscoCode: string;
  /** The function's names in any language (label and other names), as typed or as ESCO has them. */
  names: readonly string[];
}

export type CategoryHint =
  | {
      kind: 'MIGRATION_LIST';
      categories: Category[];
      migrationListVersion: string;
      functionId: string;
      functionLabels: Readonly<Record<'nl' | 'fr' | 'en', string>>;
    }
  | {
      kind: 'PROFESSION';
      profession: GuidedProfession;
      categories: Category[];
      /** The share of the average wage the reduced threshold asks (0.8), or null when none is in force. */
      reducedShare: number | null;
      /** Whether the function-level condition, with its exception for care functions, applies on the date. */
      careFunctionException: boolean;
    };

function categoriesChecking(name: string): Category[] {
  return CATEGORIES.filter((category) =>
    CATEGORY_DEFINITIONS[category].conditions.some((condition) => condition.name === name),
  );
}

/** Text compared as words: lower case, accents folded, punctuation as spaces, padded for whole-word tests. */
function words(text: string): string {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${folded} `;
}

export function guideCategory(data: RuleData, fn: FunctionToGuide, date: string): CategoryHint[] {
  const hints: CategoryHint[] = [];
  const version = findMigrationListVersionAt(data.migrationList, date);
  const names = fn.names.map(words).filter((name) => name.trim() !== '');
  const listCategories = categoriesChecking(checkOnMigrationList.name);
  if (version && listCategories.length > 0) {
    for (const entry of version.entries) {
      const labels = Object.values(entry.labels).map(words);
      // The list's name as whole words of one of the function's names ("aide-soignant" in
      // "aide-soignant en institution"), in any language.
      if (labels.some((label) => names.some((name) => name.includes(label)))) {
        hints.push({
          kind: 'MIGRATION_LIST',
          categories: listCategories,
          migrationListVersion: version.id,
          functionId: entry.id,
          functionLabels: entry.labels,
        });
      }
    }
  }
  for (const [profession, groups] of Object.entries(PROFESSION_ISCO_GROUPS) as [
    GuidedProfession,
    readonly string[],
  ][]) {
    if (!groups.includes(fn.iscoCode)) continue;
    const share = data.parameters.resolve('threshold.share.highlySkilledReduced', date)?.value;
    const functionLevel = data.parameters.resolve('function.highlySkilledMinimumRequiredVks', date)?.value;
    hints.push({
      kind: 'PROFESSION',
      profession,
      categories: categoriesChecking(checkHighlySkilledSalary.name),
      reducedShare: typeof share === 'number' ? share : null,
      careFunctionException:
        typeof functionLevel === 'number' && categoriesChecking(checkHighlySkilledFunction.name).length > 0,
    });
  }
  return hints;
}
