import type { Lang } from '../../i18n/languages.ts';
import { renderLegalBasis } from './legal-basis.ts';

/**
 * A web address or a private firm's name in a source: commercial and press pages that the research
 * behind a value read (they stay in the YAML's notes), never what staff are shown as its source.
 */
const UNOFFICIAL =
  /\b[\w-]+\.(?:be|com|eu|org|net|nl)\b|\b(?:vanhavermaet|acerta|fragomen|chambers|hbvl|partena|propay|securex|sd worx)\b/i;

const NOT_CONFIRMED: Readonly<Record<Lang, string>> = {
  nl: 'niet bevestigd door een officiële bron',
  fr: 'non confirmé par une source officielle',
  en: 'not confirmed by an official source',
};

/**
 * A parameter's source as staff read it: the official parts (laws, decrees, the Government's
 * notes, Statbel) in the reader's language; a part citing a website or a firm is left out, and a
 * source with no official part left says plainly that no official source confirms the value. The
 * rule data cites official sources only (rules/parameters), but a database seeded earlier, and
 * values proposed since, may still hold the older citations.
 */
export function renderParameterSource(source: string, lang: Lang): string {
  const official = source
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !UNOFFICIAL.test(part));
  if (official.length === 0) return NOT_CONFIRMED[lang];
  return renderLegalBasis(official.join('; '), lang);
}
