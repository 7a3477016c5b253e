import { COUNTRY_CODES } from '../../../../src/validation/country-codes.ts';

export { COUNTRY_CODES };

/** The countries with their names in `lang`, sorted by name as that language sorts. */
export function countryOptions(lang: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
    a.label.localeCompare(b.label, lang),
  );
}
