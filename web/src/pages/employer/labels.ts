import { formatLongDate } from '../../../../src/i18n/date-format.ts';
import { categoryLabel } from '../../category-labels.ts';
import type { TagTone } from '../../components/tag.tsx';
import { fieldName } from '../../field-names.ts';
import { formatMoney } from '../../format.ts';
import type { MessageKey, Translate } from '../../i18n.ts';
import { dossierStatusLabel } from '../../status-labels.ts';
import type { Category, DossierAction, DossierStatus, Reason } from './dossier-model.ts';

// The texts of codes the server sends (categories, statuses, question paths…). Their keys are
// built from the code, so they are cast; locales.test.ts checks every catalogue has the same keys.
const key = (text: string) => text as MessageKey;

export function categoryName(t: Translate, category: Category | string): string {
  return categoryLabel(t, category);
}

export function categoryExplanation(t: Translate, category: Category | string): string {
  return t(key(`employer.categories.${category}.explanation`));
}

export function statusName(t: Translate, status: DossierStatus | string): string {
  return dossierStatusLabel(t, status);
}

export function actionName(t: Translate, action: DossierAction | string): string {
  return t(key(`employer.historyActions.${action}`));
}

export function documentTypeName(t: Translate, type: string): string {
  return t(key(`employer.documentTypes.${type}`));
}

export function stepName(t: Translate, stepId: string): string {
  return t(key(`employer.steps.${stepId}`));
}

export function outcomeName(t: Translate, outcome: string): string {
  return t(key(`employer.outcomes.${outcome}`));
}

/** A question's label: the catalogue nests it by the question's own dotted path. */
export function questionLabel(t: Translate, path: string): string {
  return t(key(`employer.questions.${path}`));
}

/**
 * A reason's message as the employer reads it. The rules name missing facts by their path
 * (`worker.qualificationVks`); the form names them by the question's label.
 */
export function reasonMessage(t: Translate, reason: Pick<Reason, 'code' | 'message' | 'facts'>): string {
  const fields = reason.code === 'MISSING_INFORMATION' ? reason.facts?.fields : undefined;
  if (!Array.isArray(fields) || fields.length === 0) return reason.message;
  const labels = fields.map((field) => fieldName(`application.${String(field)}`));
  return t('employer.assessment.missingInformation', { fields: labels.join('; ') });
}

/** An option's text: the VKS levels by number, every other option by its code. */
export function optionLabel(t: Translate, option: string | number): string {
  if (typeof option === 'number') return t('employer.options.vksLevel', { level: option });
  return t(key(`employer.options.${option}`));
}

/** The tone of a status tag; the status's name always says it in words too. */
export function statusTone(status: DossierStatus | string): TagTone {
  switch (status) {
    case 'DRAFT':
      return 'neutral';
    case 'INFORMATION_REQUESTED':
      return 'action';
    case 'DECIDED_GRANTED':
      return 'success';
    // An allowed appeal leads to a grant or back to review; APPEAL_DECIDED is a dismissed one.
    case 'APPEAL_DECIDED':
    case 'DECIDED_REFUSED':
    case 'INADMISSIBLE':
    case 'WITHDRAWN':
    case 'REVOKED':
      return 'failure';
    default:
      return 'progress';
  }
}

export function outcomeTone(outcome: string): TagTone {
  if (outcome === 'ELIGIBLE') return 'success';
  if (outcome === 'INELIGIBLE') return 'failure';
  // Nothing to apply for: informative, neither a refusal nor a task.
  if (outcome === 'NOT_REQUIRED') return 'neutral';
  return 'action';
}

/**
 * A date (YYYY-MM-DD or ISO) in the reader's language, e.g. "23 november 2026". A moment is dated
 * in Brussels, where the service's acts are dated, whatever the reader's clock: a letter made at
 * 00:30 in Brussels is of that day, not of the day before in UTC.
 */
export function formatDate(lang: string, value: string | null | undefined): string {
  return value ? formatLongDate(lang, value) : '';
}

export function formatEuro(lang: string, amount: number): string {
  return formatMoney(lang, amount);
}
