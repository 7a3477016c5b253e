import i18next from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { DEFAULT_LANG, isLang, LANGUAGES, type Lang } from '../../src/i18n/languages.ts';
import analystEn from './locales/analyst/en.json' with { type: 'json' };
import analystFr from './locales/analyst/fr.json' with { type: 'json' };
import analystNl from './locales/analyst/nl.json' with { type: 'json' };
import employerEn from './locales/employer/en.json' with { type: 'json' };
import employerFr from './locales/employer/fr.json' with { type: 'json' };
import employerNl from './locales/employer/nl.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import governanceEn from './locales/governance/en.json' with { type: 'json' };
import governanceFr from './locales/governance/fr.json' with { type: 'json' };
import governanceNl from './locales/governance/nl.json' with { type: 'json' };
import inspectorEn from './locales/inspector/en.json' with { type: 'json' };
import inspectorFr from './locales/inspector/fr.json' with { type: 'json' };
import inspectorNl from './locales/inspector/nl.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };
import staffEn from './locales/staff/en.json' with { type: 'json' };
import staffFr from './locales/staff/fr.json' with { type: 'json' };
import staffNl from './locales/staff/nl.json' with { type: 'json' };

/**
 * One catalogue per language: the shell's texts, with the employer portal's, the service side's,
 * the statistics pages', the administrator's and the inspector's texts under `employer.`, `staff.`,
 * `analyst.`, `governance.` and `inspector.` (kept in their own files so each area's texts stay together).
 */
export const CATALOGUES = {
  nl: {
    ...nl,
    employer: employerNl,
    staff: staffNl,
    analyst: analystNl,
    governance: governanceNl,
    inspector: inspectorNl,
  },
  fr: {
    ...fr,
    employer: employerFr,
    staff: staffFr,
    analyst: analystFr,
    governance: governanceFr,
    inspector: inspectorFr,
  },
  en: {
    ...en,
    employer: employerEn,
    staff: staffEn,
    analyst: analystEn,
    governance: governanceEn,
    inspector: inspectorEn,
  },
};

/** Every text's key, e.g. `login.title`: the catalogues all have the Dutch one's shape (locales.test.ts). */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<(typeof CATALOGUES)['nl']>;
export type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

/**
 * The translate function for components: re-renders on a language change, and a key that is not in
 * the catalogues fails to compile. (i18next's own key typing is global, and the server shares this
 * tsconfig with other catalogues, so it is typed here instead.)
 */
export function useT(): Translate {
  const { t } = useTranslation();
  return useCallback<Translate>((key, params) => t(key, params ?? {}), [t]);
}

export { LANGUAGES, type Lang };

const STORAGE_KEY = 'loket.lang';

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG; // storage blocked (private mode, policy): Dutch
  }
}

/** The language the interface speaks now; the API client sends it as Accept-Language. */
export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : DEFAULT_LANG;
}

/** Switches the interface language, remembers the choice and sets `<html lang>`. */
export async function changeLang(lang: Lang): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // The choice then lasts for this page only.
  }
  await i18next.changeLanguage(lang);
}

export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (lang) => {
    document.documentElement.lang = lang;
  });
  await i18next.use(initReactI18next).init({
    resources: {
      nl: { translation: CATALOGUES.nl },
      fr: { translation: CATALOGUES.fr },
      en: { translation: CATALOGUES.en },
    },
    lng: readStoredLang(),
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    showSupportNotice: false,
  });
  document.documentElement.lang = currentLang();
}

export type TaskKey = keyof typeof nl.workspace.tasks;

/** Whether the catalogues have a text for a workspace task the server sent. */
export function isTaskKey(task: string): task is TaskKey {
  return Object.hasOwn(nl.workspace.tasks, task);
}
