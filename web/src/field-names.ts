import i18next from 'i18next';
import type { ApiError, FieldError } from './api.ts';

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

/** A failed load said in one line: the server's message and each field's error, else `fallback`. */
export function describeLoadError(error: ApiError | null | undefined, fallback: string): string {
  return (
    [error?.message, ...(error?.fields ?? []).map((field) => describeFieldError(field))]
      .filter(Boolean)
      .join(' ') || fallback
  );
}

/**
 * An answer's error as said beside its field, which already shows the label: a sentence that does
 * not repeat it ("Ce champ est obligatoire.", "Dit antwoord moet een getal zijn."). The server's
 * message is the rule alone ("est obligatoire", "moet een getal zijn"); a message that is already
 * a sentence of its own (it starts with a capital) is kept as it is.
 */
export function answerErrorBeside(fields: readonly Pick<FieldError, 'rule' | 'message'>[]): string {
  return fields.map((field) => sentenceOf(field).text).join(' ');
}

/**
 * The same error in the summary at the top of the page, where it names its field once: in Dutch and
 * English the label is the subject of the rule ("Voornamen is verplicht"); French, whose labels
 * carry no article, puts the label before the sentence ("Prénoms : ce champ est obligatoire.").
 */
export function answerErrorInSummary(
  label: string,
  fields: readonly Pick<FieldError, 'rule' | 'message'>[],
): string {
  const sentences = fields.map(sentenceOf);
  const [first, ...rest] = sentences;
  if (!first) return label;
  // After "<label> :" the sentence goes on in lower case when it is ours ("Date : ce champ …").
  const opening = first.isOurs ? first.text.charAt(0).toLocaleLowerCase() + first.text.slice(1) : first.text;
  const style = i18next.t('fieldError.summaryStyle') === 'colon' ? 'summaryColon' : 'summarySubject';
  return i18next.t(`fieldError.${style}`, {
    label,
    fragment: fields.map((field) => field.message.trim()).join('; '),
    sentence: [opening, ...rest.map((sentence) => sentence.text)].join(' '),
    interpolation: { escapeValue: false },
  });
}

function sentenceOf(field: Pick<FieldError, 'rule' | 'message'>): { text: string; isOurs: boolean } {
  if (field.rule === 'required') return { text: i18next.t('fieldError.required'), isOurs: true };
  const message = field.message.trim();
  const isOurs = !/^\p{Lu}/u.test(message);
  const sentence = isOurs
    ? i18next.t('fieldError.beside', { message, interpolation: { escapeValue: false } })
    : message;
  return { text: /[.!?]$/.test(sentence) ? sentence : `${sentence}.`, isOurs };
}
