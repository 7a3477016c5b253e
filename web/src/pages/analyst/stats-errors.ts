import { ApiError } from '../../api.ts';
import type { SummaryItem } from '../../components/error-summary.tsx';

export interface FormErrors {
  summary: SummaryItem[];
  /** The server's message per parameter (`from`, `categories`, `rows`, …). */
  byParam: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { summary: [], byParam: {} };

/**
 * A 400 of the statistics API as an error summary and messages next to the fields: each field of
 * the answer names its query parameter (`query.from`); `fieldIds` says which form field that is.
 */
export function toFormErrors(error: ApiError | null, fieldIds: Record<string, string>): FormErrors {
  if (!(error instanceof ApiError) || error.status !== 400) return NO_ERRORS;
  const byParam: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  for (const field of error.fields) {
    const param = field.path.replace(/^query\./, '');
    const fieldId = fieldIds[param];
    byParam[param] = byParam[param] ? `${byParam[param]} ${field.message}` : field.message;
    summary.push(fieldId ? { message: field.message, fieldId } : { message: field.message });
  }
  if (summary.length === 0) summary.push({ message: error.message });
  return { summary, byParam };
}
