import { formatLongDate } from '../i18n/date-format.ts';
import type { Lang } from '../i18n/languages.ts';
import { translate } from '../i18n/translate.ts';

/**
 * Which dossier changes an employer (and a worker who left an address) is told of by e-mail, and
 * the mail's text. Pure. Decided on the status a change leads to, not the action's name, so a new
 * action that ends in one of these statuses is announced without a change here.
 *
 * Mail is not a secure channel: a mail names the dossier number and what happened, never the
 * worker's name, the grounds or any other personal data; the reader signs in to see them.
 */
// REMINDER is not a status change: the reminder job queues it before a request's answer is due.
// HEARING neither: the employer is heard on a proposed withdrawal of its authorisation.
export type MailKind = 'RECEIVED' | 'ACTION_NEEDED' | 'DECISION' | 'REMINDER' | 'HEARING';
export type MailAudience = 'EMPLOYER' | 'WORKER';

const KIND_OF_STATUS: Readonly<Record<string, MailKind>> = {
  SUBMITTED: 'RECEIVED',
  INFORMATION_REQUESTED: 'ACTION_NEEDED',
  INADMISSIBLE: 'DECISION',
  DECIDED_GRANTED: 'DECISION',
  DECIDED_REFUSED: 'DECISION',
  APPEAL_DECIDED: 'DECISION',
  REVOKED: 'DECISION',
};

/** The mail a change from `from` to `to` calls for, or null (no change of status, or nothing to tell). */
export function mailKindFor(from: string, to: string): MailKind | null {
  if (from === to) return null;
  return KIND_OF_STATUS[to] ?? null;
}

/** Who is told of which kind: the worker hears of decisions only; acting is the employer's part. */
export function isToldOf(audience: MailAudience, kind: MailKind): boolean {
  return audience === 'EMPLOYER' || kind === 'DECISION';
}

export interface MailToCompose {
  kind: MailKind;
  audience: MailAudience;
  lang: Lang;
  dossierNumber: string;
  reportedStatus: string;
  /** The service's public address, e.g. https://loket.example.be (no trailing slash). */
  publicUrl: string;
  /** The day an answer is due (YYYY-MM-DD), for a reminder. */
  dueOn?: string | null;
}

/** A day as the reader writes it: "16 maart 2026", "16 mars 2026", "16 March 2026". */
function mailDate(lang: Lang, day: string): string {
  return formatLongDate(lang, day, 'UTC');
}

export interface ComposedMail {
  subject: string;
  text: string;
}

export function composeMail(mail: MailToCompose): ComposedMail {
  const t = (key: string, params?: Record<string, unknown>) => translate(mail.lang, `mail.${key}`, params);
  const link = mail.audience === 'EMPLOYER' ? `${mail.publicUrl}/employer` : `${mail.publicUrl}/worker`;
  const status = translate(mail.lang, `mail.status.${mail.reportedStatus}`);
  const body = [
    t('greeting'),
    '',
    t(`body.${mail.kind}.${mail.audience}`, {
      number: mail.dossierNumber,
      status,
      date: mail.dueOn ? mailDate(mail.lang, mail.dueOn) : '',
    }),
    '',
    t(`where.${mail.audience}`, { link }),
    '',
    t('privacy'),
    '',
    t('signature'),
  ];
  return {
    subject: t(`subject.${mail.kind}`, { number: mail.dossierNumber }),
    text: body.join('\n'),
  };
}

/**
 * The text of a queued mail: an account mail was composed when queued (its link exists only then);
 * a dossier mail is composed now, with the service's address.
 */
export function composeQueuedMail(
  mail: {
    kind: MailKind | 'ACCOUNT_LINK';
    audience: MailAudience | 'ACCOUNT';
    lang: Lang;
    dossier_number: string | null;
    reported_status: string;
    due_on: string | null;
    subject: string | null;
    body_text: string | null;
  },
  publicUrl: string,
): ComposedMail {
  if (mail.kind === 'ACCOUNT_LINK' || mail.audience === 'ACCOUNT') {
    return { subject: mail.subject ?? '', text: mail.body_text ?? '' };
  }
  return composeMail({
    kind: mail.kind,
    audience: mail.audience,
    lang: mail.lang,
    dossierNumber: mail.dossier_number ?? '',
    reportedStatus: mail.reported_status,
    publicUrl,
    dueOn: mail.due_on,
  });
}
