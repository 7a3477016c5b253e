import type { MessageKey, Translate } from './i18n.ts';

/**
 * The one name of each dossier status, wherever a status is shown (the employer's list and
 * dossier, the worker's view, the case handler's queue and dossier, the partner's and inspector's
 * pages): the root catalogue's `dossierStatuses.<CODE>`, so an employer and the service never call
 * one state by two names. The e-mails say the same names (src/i18n catalogues, `mail.status`;
 * status-labels.test.ts). An unknown code shows as itself rather than as a broken key.
 */
export function dossierStatusLabel(t: Translate, status: string): string {
  return t(`dossierStatuses.${status}` as MessageKey, { defaultValue: status });
}
