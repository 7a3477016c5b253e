import type { FieldError } from '../../api.ts';

/**
 * Pure helpers of the administrator's and the public rule-data pages: where a server's field error
 * belongs on a form, and how a moment is written.
 */

/** `body.mandates[1].enterpriseNumber` (schema) and `body.mandates.1.enterpriseNumber` (rules) alike. */
export function fieldKey(path: string): string {
  return path
    .replace(/^(body|query|params)\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

/**
 * The server's field errors by the form's field key, each message prefixed with the label the form
 * shows (the server words only the rule: "is verplicht"). A path the form does not know goes to
 * `fallback` (e.g. `id`: the message is a whole sentence, shown without a label).
 */
export function errorsByField(
  fields: readonly FieldError[],
  labels: Readonly<Record<string, string>>,
  fallback = 'form',
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const key = fieldKey(field.path);
    const known = Object.hasOwn(labels, key);
    const target = known ? key : fallback;
    const message = known ? `${labels[key]} ${field.message}` : capitalise(field.message);
    errors[target] = errors[target] ? `${errors[target]}; ${message}` : message;
  }
  return errors;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date and time in Brussels, in the reader's language: "2 dec. 2026 09:15". */
export function formatMoment(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(new Date(iso));
}

/** A calendar date (`2027-01-01`) in the reader's language, without shifting it by a time zone. */
export function formatDay(day: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** The calendar day `days` after `day` (`2026-12-31` + 1 → `2027-01-01`). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The two versions to compare: from the address, else the last two. */
export function diffChoice(search: string, versions: readonly string[]): { from: string; to: string } | null {
  if (versions.length < 2) return null;
  const query = new URLSearchParams(search);
  const known = (v: string | null) => (v && versions.includes(v) ? v : null);
  return {
    from: known(query.get('from')) ?? (versions.at(-2) as string),
    to: known(query.get('to')) ?? (versions.at(-1) as string),
  };
}
