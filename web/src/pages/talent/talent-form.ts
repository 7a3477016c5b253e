import { ApiError, type FieldError } from '../../api.ts';
import type { SummaryItem } from '../../components/error-summary.tsx';

/** The field errors of an API answer by path, and the summary items linking to the fields. */
export function formErrors(
  error: unknown,
  fields: Record<string, { id: string; label: string }>,
): { byPath: Record<string, string>; summary: SummaryItem[] } {
  if (!(error instanceof ApiError))
    return { byPath: {}, summary: [{ message: String((error as Error)?.message ?? error) }] };
  const answered: FieldError[] = error.fields;
  if (answered.length === 0) return { byPath: {}, summary: [{ message: error.message }] };
  const byPath: Record<string, string> = {};
  for (const field of answered) {
    const path = field.path.replace(/\[\d+\]$/, '').replace(/^consent\./, '');
    byPath[path] ??= field.message;
  }
  return {
    byPath,
    summary: answered.map((field) => {
      const known = fields[field.path.replace(/\[\d+\]$/, '').replace(/^consent\./, '')];
      return known
        ? { message: `${known.label} ${field.message}`, fieldId: known.id }
        : { message: field.message };
    }),
  };
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
