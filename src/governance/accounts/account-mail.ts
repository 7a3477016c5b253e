import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';

/** The page where a link's user sets their password; the token travels in the fragment, never to a log. */
export const PASSWORD_PAGE = '/password';
const LINK = /\/password#[A-Za-z0-9_-]+/g;

/** The mail carrying a one-time link to set (new account) or reset a password. Pure. */
export function composeAccountMail(mail: {
  lang: Lang;
  purpose: 'SET' | 'RESET';
  username: string;
  publicUrl: string;
  token: string;
  validHours: number;
}): { subject: string; text: string } {
  const t = (key: string, params?: Record<string, unknown>) => translate(mail.lang, `mail.${key}`, params);
  const link = `${mail.publicUrl}${PASSWORD_PAGE}#${mail.token}`;
  return {
    subject: t(`account.subject.${mail.purpose}`),
    text: [
      t('greeting'),
      '',
      t(`account.body.${mail.purpose}`, { username: mail.username }),
      '',
      link,
      '',
      t('account.validity', { hours: mail.validHours }),
      '',
      t('signature'),
    ].join('\n'),
  };
}

/** The same text with the link's token blanked: what the outbox keeps once sent, and shows. */
export function withoutLinkToken(text: string): string {
  return text.replace(LINK, `${PASSWORD_PAGE}#…`);
}
