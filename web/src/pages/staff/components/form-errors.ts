import { ApiError } from '../../../api.ts';
import type { SummaryItem } from '../../../components/error-summary.tsx';
import { describeFieldError } from '../../../field-names.ts';

/** A form's errors: the summary at the top of the page and one message next to each field. */
export interface FormErrors {
  summary: SummaryItem[];
  byField: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { summary: [], byField: {} };

/** How a request's field (the server's `path`) maps to the form: the input's id and its label. */
export type FieldMap = Record<string, { id: string; label: string }>;

/**
 * Turns a failed request into the summary and the per-field messages (the login page's pattern):
 * messages come from the server in the user's language; a field of the form gets its label in
 * front, anything else (an illegal transition, a field the form does not show) only the summary.
 */
export function toFormErrors(error: unknown, fields: FieldMap, networkMessage: string): FormErrors {
  if (!(error instanceof ApiError)) return { summary: [{ message: networkMessage }], byField: {} };
  const byField: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  const others: string[] = [];
  for (const field of error.fields) {
    const target = fields[field.path.replace(/^body\./, '')];
    if (!target) {
      others.push(describeFieldError(field)); // still named: "<field> <rule>", never the rule alone
      continue;
    }
    const message = `${target.label}: ${field.message}`;
    byField[target.id] = byField[target.id] ? `${byField[target.id]}; ${field.message}` : message;
    summary.push({ message, fieldId: target.id });
  }
  if (summary.length === 0 || others.length > 0) {
    summary.unshift({ message: error.message });
    for (const message of others) summary.push({ message });
  }
  return { summary, byField };
}
