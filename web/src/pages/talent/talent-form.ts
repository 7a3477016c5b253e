import { ApiError, type FieldError } from '../../api.ts';
import type { SummaryItem } from '../../components/error-summary.tsx';

/** A form field as the error summary names it and links to it. */
export interface FormField {
  id: string;
  label: string;
  /** What to enter, said after a broken rule's words ("4 cijfers, bijvoorbeeld 9000"). */
  hint?: string;
  /** Said instead of the rule: the API's rule means nothing to someone who must act on the form. */
  explain?: string;
}

/** The form's own name for a field of the API: `consent.retentionUntil` → `retentionUntil`, `languages[0].level` → `languages`. */
const fieldKey = (path: string) => path.replace(/^consent\./, '').replace(/[[.].*$/, '');

/**
 * The field errors of an API answer, one per field (the first the API gives: a field breaks one
 * rule at a time for its user), said in words the user can act on, and the summary items linking
 * to the fields, each naming its field, in the order of `fields`.
 */
export function formErrors(
  error: unknown,
  fields: Record<string, FormField>,
): { byPath: Record<string, string>; summary: SummaryItem[] } {
  if (!(error instanceof ApiError))
    return { byPath: {}, summary: [{ message: String((error as Error)?.message ?? error) }] };
  const answered: FieldError[] = error.fields;
  if (answered.length === 0) return { byPath: {}, summary: [{ message: error.message }] };
  const byPath: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  for (const field of answered) {
    const key = fieldKey(field.path);
    if (key in byPath) continue;
    const known = fields[key];
    const message = known?.explain
      ? known.explain
      : known?.hint && field.rule !== 'required'
        ? `${field.message} (${known.hint})`
        : field.message;
    byPath[key] = message;
    summary.push(known ? { message: `${known.label} ${message}`, fieldId: known.id } : { message });
  }
  // In the order of the form, as the user reads it (the API answers in its schema's order).
  const order = Object.values(fields).map((field) => field.id);
  const rank = (item: SummaryItem) => {
    const at = item.fieldId ? order.indexOf(item.fieldId) : -1;
    return at === -1 ? order.length : at;
  };
  return { byPath, summary: summary.sort((a, b) => rank(a) - rank(b)) };
}

/** "nl B2, ar C2" → [{lang, level}]: how the forms take languages (one field, plain text). */
export function parseLanguages(text: string): { lang: string; level: string }[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [lang = '', level = ''] = part.split(/\s+/);
      return { lang: lang.toLowerCase(), level: level.toUpperCase() };
    });
}
