// The names the analyst pages show are the ones the downloads write: the web app's catalogues are
// read as data (JSON, no code), so a renamed province or reason changes screen and file together.
import analystEn from '../../../web/src/locales/analyst/en.json' with { type: 'json' };
import analystFr from '../../../web/src/locales/analyst/fr.json' with { type: 'json' };
import analystNl from '../../../web/src/locales/analyst/nl.json' with { type: 'json' };
import rootEn from '../../../web/src/locales/en.json' with { type: 'json' };
import rootFr from '../../../web/src/locales/fr.json' with { type: 'json' };
import rootNl from '../../../web/src/locales/nl.json' with { type: 'json' };
import type { Lang } from '../../i18n/languages.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import { type DimensionId, TOTAL } from '../dimensions.ts';
import { iscoMajorGroups } from '../isco-groups.ts';

type Labels = Readonly<Record<string, string>>;

const ANALYST = { nl: analystNl, fr: analystFr, en: analystEn } as const;
const CATEGORIES: Readonly<Record<Lang, Labels>> = {
  nl: rootNl.categories,
  fr: rootFr.categories,
  en: rootEn.categories,
};

/** The catalogue group naming each coded dimension's values (as the analyst pages use them). */
const GROUPS = {
  province: 'places',
  region: 'places',
  sex: 'sexes',
  ageBand: 'ageBands',
  kind: 'kinds',
  refusalReason: 'reasons',
  careProfession: 'careProfessions',
  inspectionOrigin: 'inspectionOrigins',
  inspectionOutcome: 'inspectionOutcomes',
  recognitionStatus: 'recognitionStatuses',
  questionCategory: 'questionCategories',
} as const satisfies Partial<Record<DimensionId, keyof typeof analystNl>>;

let migrationListNames: Map<string, Readonly<Record<Lang, string>>> | null = null;

/** Every function any version of the migration list named, by id (read once, on first use). */
function migrationListName(id: string, lang: Lang): string | undefined {
  migrationListNames ??= new Map(
    getDefaultRuleData().migrationList.flatMap((version) =>
      version.entries.map((entry) => [entry.id, entry.labels] as const),
    ),
  );
  return migrationListNames.get(id)?.[lang];
}

function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code; // not a region code Intl knows
  }
}

/**
 * A dimension's value as words in the reader's language, for CSV and XLSX (JSON keeps the codes,
 * for programs). A year stays a number. A code without a name is written as it is.
 */
export function valueLabel(dimension: DimensionId, value: string, lang: Lang): string | number {
  const texts = ANALYST[lang];
  if (value === TOTAL) return texts.table.total;
  if (dimension === 'year') return Number(value);
  if (value === 'UNKNOWN') return texts.values.unknown;
  if (dimension === 'category') return CATEGORIES[lang][value] ?? value;
  if (dimension in GROUPS) {
    const group: Labels = texts[GROUPS[dimension as keyof typeof GROUPS]];
    return group[value] ?? value;
  }
  switch (dimension) {
    case 'nationality':
      return value === 'XX' ? texts.values.multipleNationalities : countryName(value, lang);
    case 'vks':
      return texts.values.vks.replace('{{level}}', value);
    case 'iscoMajorGroup': {
      const name = iscoMajorGroups().get(value)?.[lang];
      return name ? `${value} ${name}` : texts.values.isco.replace('{{group}}', value);
    }
    case 'migrationListFunction':
      return value === 'NONE' ? texts.values.noListFunction : (migrationListName(value, lang) ?? value);
    default:
      return value;
  }
}
