import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DESK_LANGUAGES, type DeskLang, isDeskLang } from '../../../../src/desk/desk-languages.ts';
import { isLang } from '../../../../src/i18n/languages.ts';
import { changeLang, currentLang } from '../../i18n.ts';
import { useSearch } from '../../routing.tsx';
import { type DeskT, deskText } from './desk-catalogues.ts';

/** The desk's language now, and its texts; re-renders when the interface language changes. */
export function useDesk(): { lang: DeskLang; t: DeskT; languages: readonly DeskLang[] } {
  useTranslation();
  const asked = new URLSearchParams(useSearch()).get('lang');
  const lang = isDeskLang(asked) ? asked : currentLang();
  // The desk's own language links switch the whole page (header, footer, error summary) when the
  // interface speaks that language too; a desk-only language (Turkish) leaves the interface as it is.
  useEffect(() => {
    if (isLang(asked) && asked !== currentLang()) void changeLang(asked);
  }, [asked]);
  return { lang, t: deskText(lang), languages: DESK_LANGUAGES };
}

/** A desk address in the desk's language (the language is left out when it is the interface's). */
export function deskHref(path: string, lang: DeskLang): string {
  return lang === currentLang() ? path : `${path}?lang=${lang}`;
}
