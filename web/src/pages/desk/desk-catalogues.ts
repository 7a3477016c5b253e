import type { DeskLang } from '../../../../src/desk/desk-languages.ts';
import en from '../../locales/desk/en.json' with { type: 'json' };
import fr from '../../locales/desk/fr.json' with { type: 'json' };
import nl from '../../locales/desk/nl.json' with { type: 'json' };
import tr from '../../locales/desk/tr.json' with { type: 'json' };

/**
 * The desk speaks one language more than the rest of Loket (Turkish, decision 014), so its texts
 * have their own catalogues (web/src/locales/desk), all of the Dutch one's shape (desk-texts.test.ts).
 * The desk's language is the page's `?lang=`, else the interface language.
 */
export const DESK_CATALOGUES: Record<DeskLang, typeof nl> = { nl, fr, en, tr };

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type DeskKey = Leaves<typeof nl>;
export type DeskT = (key: DeskKey, params?: Record<string, string | number>) => string;

/** Each language's name in itself, as language choices are written. */
export const LANGUAGE_NAMES: Record<DeskLang, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
  tr: 'Türkçe',
};

export function deskText(lang: DeskLang): DeskT {
  return (key, params = {}) => {
    let node: unknown = DESK_CATALOGUES[lang];
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    return String(node).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
