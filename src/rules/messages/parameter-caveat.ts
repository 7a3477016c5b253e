import type { Lang } from '../../i18n/languages.ts';

type UnverifiedStatus = 'PROVISIONAL' | 'CONFLICTING';

/**
 * The sentence that ends a PARAMETER_UNVERIFIED message. One place, so that a staff page listing
 * several unverified values can say it once above the list instead of after every value.
 */
export const PARAMETER_CAVEAT: Readonly<Record<Lang, Readonly<Record<UnverifiedStatus, string>>>> = {
  nl: {
    CONFLICTING: 'Deze waarde is nog niet definitief en kan nog wijzigen.',
    PROVISIONAL: 'Deze waarde is voorlopig: ze is nog niet officieel bevestigd en kan nog wijzigen.',
  },
  fr: {
    CONFLICTING: "Cette valeur n'est pas encore définitive et peut encore changer.",
    PROVISIONAL:
      "Cette valeur est provisoire : elle n'est pas encore confirmée officiellement et peut encore changer.",
  },
  en: {
    CONFLICTING: 'This value is not yet final and may still change.',
    PROVISIONAL: 'This value is provisional: it is not yet officially confirmed and may still change.',
  },
};

/** The message without its closing caveat (a message in another form is returned as it is). */
export function withoutParameterCaveat(message: string): string {
  for (const texts of Object.values(PARAMETER_CAVEAT))
    for (const caveat of Object.values(texts))
      if (message.endsWith(` ${caveat}`)) return message.slice(0, -caveat.length - 1);
  return message;
}
