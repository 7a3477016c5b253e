import type { MessageKey, Translate } from './i18n.ts';

/**
 * The one name of each category, on every page (employer, worker, staff, statistics): the root
 * catalogue's `categories.<CODE>`. An unknown code shows as itself rather than as a broken key.
 */
export function categoryLabel(t: Translate, category: string): string {
  return t(`categories.${category}` as MessageKey, { defaultValue: category });
}
