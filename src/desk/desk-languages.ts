import { isLang, type Lang } from '../i18n/languages.ts';

/**
 * The desk speaks Loket's three languages plus Turkish: Turkey leads the medium-skilled shortage
 * category and ties with Morocco in the other labour-market categories of the project's calibrated
 * statistics (src/stats/generate/profiles.ts), where wage and housing abuse is most often reported,
 * and Turkish workers read French or English far less often than Moroccan ones (decision 014).
 * Texts in a language other than Dutch are translations; the Dutch text prevails.
 */
export const DESK_LANGUAGES = ['nl', 'fr', 'en', 'tr'] as const;
export type DeskLang = (typeof DESK_LANGUAGES)[number];

export function isDeskLang(value: unknown): value is DeskLang {
  return typeof value === 'string' && (DESK_LANGUAGES as readonly string[]).includes(value);
}

/** Server messages exist in Loket's languages; a Turkish reader gets them in English. */
export function messageLang(lang: DeskLang): Lang {
  return isLang(lang) ? lang : 'en';
}
