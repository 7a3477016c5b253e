import { createInstance, type TFunction } from 'i18next';
import { formatBelgianDate } from '../rules/dates/iso-date.ts';
import en from './catalogues/en.json' with { type: 'json' };
import fr from './catalogues/fr.json' with { type: 'json' };
import nl from './catalogues/nl.json' with { type: 'json' };
import { DEFAULT_LANG, LANGUAGES, type Lang } from './languages.ts';
import { formatMoney } from './number-format.ts';

// One i18next instance for every server-side message (API errors, validation); the web app has its own
// catalogues in web/src/locales. Initialised synchronously: resources are bundled, nothing is fetched.
const i18n = createInstance();
void i18n.init({
  resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } },
  lng: DEFAULT_LANG,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

// `{{amount, money}}` in a catalogue: euros as the pages write them in that language (€ 1.500.000,00).
i18n.services.formatter?.add('money', (value, lng) =>
  typeof value === 'number' ? formatMoney(lng ?? DEFAULT_LANG, value) : String(value),
);

const fixed = new Map<Lang, TFunction>(LANGUAGES.map((lang) => [lang, i18n.getFixedT(lang)]));

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as Belgian forms write it (01/03/2027), not as the API stores it (2027-03-01). */
function readableParam(value: unknown): unknown {
  return typeof value === 'string' && ISO_DAY.test(value) ? formatBelgianDate(value) : value;
}

/**
 * Translates a catalogue key into `lang`; params fill `{{name}}` placeholders. A parameter that is a
 * calendar day (YYYY-MM-DD) is written the Belgian way: messages are read by people, and the API's
 * field and rule codes stay machine-readable beside them.
 */
export function translate(lang: Lang, key: string, params?: Record<string, unknown>): string {
  const t = fixed.get(lang) ?? fixed.get(DEFAULT_LANG)!;
  const readable = params
    ? Object.fromEntries(Object.entries(params).map(([name, value]) => [name, readableParam(value)]))
    : {};
  return t(key, readable) as string;
}

export function hasTranslation(lang: Lang, key: string): boolean {
  return i18n.exists(key, { lng: lang, fallbackLng: false });
}
