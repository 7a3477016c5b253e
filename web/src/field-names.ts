import i18next from 'i18next';
import type { FieldError } from './api.ts';

/**
 * Every field error names its field, in the interface language (the server's message says only
 * the rule: "is verplicht", "moet een getal zijn"). A question of the application is named by its
 * label; any other field of the API by the `fields` catalogue; the raw path only as a last resort.
 */
function text(key: string): string | null {
  if (!i18next.exists(key)) return null;
  const value: unknown = i18next.t(key, { returnObjects: true });
  return typeof value === 'string' ? value : null;
}

export function fieldName(path: string): string {
  const bare = path.replace(/^(body|query|params|answers)\./, '');
  const question = bare.replace(/\[\d+\].*$/, '');
  if (/^(application|workerIdentity)\./.test(question)) {
    const label = text(`employer.questions.${question}`);
    if (label) return label;
  }
  const last =
    bare
      .replace(/\[\d+\]/g, '')
      .split('.')
      .at(-1) ?? bare;
  return text(`fields.${bare}`) ?? text(`fields.${last}`) ?? bare;
}

/** "<field> <rule>", e.g. "Geldig tot is verplicht"; `label` when the form knows the field's own label. */
export function describeFieldError(field: FieldError, label?: string): string {
  return `${label ?? fieldName(field.path)} ${field.message}`;
}
