/**
 * A day written out in the reader's language, for the pages and the server's texts alike: "1 maart
 * 2026", "1er mars 2026", "March 1, 2026". French writes the first of the month as an ordinal ("le
 * 1er janvier"), which Intl does not; every other day is Intl's.
 */
export function formatLongDate(lang: string, value: string, timeZone = 'Europe/Brussels'): string {
  // A calendar day is taken at noon, so no time zone moves it to the day before or after.
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  const parts = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone })
    .formatToParts(date)
    .map((part) => (lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value));
  return parts.join('');
}
