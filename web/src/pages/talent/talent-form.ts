import { addMonths, isIsoDate } from '../../../../src/rules/dates/iso-date.ts';
import { CEFR_LEVELS, MAX_RETENTION_MONTHS, TALENT_LANGUAGES } from '../../../../src/talent/talent-model.ts';
import { isCountryCode } from '../../../../src/validation/country-codes.ts';
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
  if (error.fields.length === 0) return { byPath: {}, summary: [{ message: error.message }] };
  return fieldErrorsView(error.fields, fields);
}

/** Field errors (the server's or the form's own) by field and as the summary's items. */
export function fieldErrorsView(
  answered: readonly FieldError[],
  fields: Record<string, FormField>,
): { byPath: Record<string, string>; summary: SummaryItem[] } {
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

/** The candidate form as typed: what the browser can check before sending it. */
export interface CandidateDraft {
  reference: string;
  occupationChosen: boolean;
  languages: string;
  circle: string;
  postalCode: string;
  nationality: string;
  availableFrom: string;
  retentionUntil: string;
}

/** The words of a broken rule, from the page's catalogue (talent.errors.*). */
export type RuleWords = (
  rule:
    | 'required'
    | 'reference'
    | 'occupation'
    | 'language'
    | 'languageTwice'
    | 'postalCode'
    | 'postalCodeForBelgium'
    | 'nationality'
    | 'date'
    | 'retentionPast'
    | 'retentionTooLong',
  params?: Record<string, unknown>,
) => string;

const REFERENCE = /^[A-Za-z0-9._/-]{1,40}$/;
const POSTAL_CODE = /^[1-9][0-9]{3}$/;

/**
 * Every rule the browser can know, all at once (the server checks them again, with those only it
 * knows: the ESCO catalogue, a reference already used). The retention limit is the organisation's
 * own, at most 24 months after today's consent.
 */
export function candidateDraftErrors(
  draft: CandidateDraft,
  context: { today: string; retentionMonths: number; words: RuleWords },
): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (path: string, rule: Parameters<RuleWords>[0], params?: Record<string, unknown>) =>
    errors.push({ path, rule, message: context.words(rule, params) });
  const reference = draft.reference.trim();
  if (reference === '') fail('reference', 'required');
  else if (!REFERENCE.test(reference)) fail('reference', 'reference');
  if (!draft.occupationChosen) fail('occupationIds', 'occupation');
  const languages = parseLanguages(draft.languages);
  if (
    languages.some(
      (skill) =>
        !(TALENT_LANGUAGES as readonly string[]).includes(skill.lang) ||
        !(CEFR_LEVELS as readonly string[]).includes(skill.level),
    )
  )
    fail('languages', 'language');
  else if (new Set(languages.map((skill) => skill.lang)).size !== languages.length)
    fail('languages', 'languageTwice');
  const postalCode = draft.postalCode.trim();
  if (postalCode !== '' && !POSTAL_CODE.test(postalCode)) fail('postalCode', 'postalCode');
  else if ((draft.circle === 'BELGIUM') !== (postalCode !== '')) fail('postalCode', 'postalCodeForBelgium');
  if (!isCountryCode(draft.nationality)) fail('nationality', 'nationality');
  if (!isIsoDate(draft.availableFrom)) fail('availableFrom', 'date');
  const months = Math.min(context.retentionMonths, MAX_RETENTION_MONTHS);
  if (!isIsoDate(draft.retentionUntil)) fail('retentionUntil', 'date');
  else if (draft.retentionUntil <= context.today) fail('retentionUntil', 'retentionPast');
  else if (draft.retentionUntil > addMonths(context.today, months))
    fail('retentionUntil', 'retentionTooLong', { months });
  return errors;
}
