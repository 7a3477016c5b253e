import type { Lang } from '../i18n/languages.ts';
import { foldText, matchRank, queryWords } from './search-text.ts';
import { proposeVks, type VksProposal } from './vks-proposal.ts';

/** One ESCO occupation (data/esco/occupations.csv). */
export interface Occupation {
  /** The last part of the ESCO concept URI `http://data.europa.eu/esco/occupation/<id>`. */
  readonly id: string;
  /** The ISCO-08 unit group (4 digits). */
  readonly iscoCode: string;
  readonly labels: Readonly<Partial<Record<Lang, string>>>;
  /** Other names people use, for search (the export has them in Dutch and English only). */
  readonly altLabels: Readonly<Partial<Record<Lang, readonly string[]>>>;
}

export interface OccupationMatch {
  readonly id: string;
  readonly label: string;
  /** The label's language: the asked one, or another when ESCO has no label in it. */
  readonly labelLang: Lang;
  readonly iscoCode: string;
  /** The other name the query matched, when it did not match the label itself. */
  readonly matchedAltLabel: string | null;
  readonly vks: VksProposal | null;
}

interface Entry {
  readonly occupation: Occupation;
  readonly label: string;
  readonly labelLang: Lang;
  readonly folded: string;
  readonly altLabels: readonly { readonly text: string; readonly folded: string }[];
  /** Every other name folded, joined by newlines: one scan rules out most occupations. */
  readonly altJoined: string;
}

/** Per language, every occupation with its label and other names folded once, ready to scan. */
export type OccupationIndex = Readonly<Record<Lang, readonly Entry[]>>;

// Where ESCO lacks a label in the asked language (68 occupations lack French and English, 3
// Dutch), the label is shown in the next language of this list, marked with its language.
const FALLBACK: Record<Lang, readonly Lang[]> = {
  nl: ['nl', 'en', 'fr'],
  fr: ['fr', 'en', 'nl'],
  en: ['en', 'nl', 'fr'],
};

export function buildOccupationIndex(occupations: readonly Occupation[]): OccupationIndex {
  const entriesIn = (lang: Lang): Entry[] =>
    occupations.flatMap((occupation) => {
      const labelLang = FALLBACK[lang].find((candidate) => occupation.labels[candidate]);
      if (!labelLang) return [];
      const label = occupation.labels[labelLang] as string;
      const altLabels = (occupation.altLabels[lang] ?? []).map((text) => ({ text, folded: foldText(text) }));
      const altJoined = altLabels.map((alt) => alt.folded).join('\n');
      return [{ occupation, label, labelLang, folded: foldText(label), altLabels, altJoined }];
    });
  // Sorted once by label (shorter first, then alphabetically), so a search only sorts by rank: the
  // sort is stable, and a collator per comparison was most of a broad query's time.
  const sorted = (lang: Lang) => entriesIn(lang).sort(byLabel(lang));
  return { nl: sorted('nl'), fr: sorted('fr'), en: sorted('en') };
}

export const MAX_LIMIT = 50;
const ISCO_PREFIX = /^[0-9]{1,4}$/;
// A match through another name ranks after every match on the label itself.
const ALT_LABEL_PENALTY = 5;

/**
 * The occupations matching `query` in `lang`, best first: by label (whole, start, whole words,
 * word starts, inside; see `matchRank`), then by other names; ties by shorter label, then alphabetically. Accent- and
 * case-insensitive. Digits alone search by ISCO code prefix (`2221`, `22`).
 */
export function searchOccupations(
  index: OccupationIndex,
  query: string,
  lang: Lang,
  limit = 20,
): OccupationMatch[] {
  const trimmed = query.trim();
  const entries = index[lang];
  if (ISCO_PREFIX.test(trimmed)) {
    return entries
      .filter((entry) => entry.occupation.iscoCode.startsWith(trimmed))
      .sort((a, b) => compareCodes(a.occupation.iscoCode, b.occupation.iscoCode))
      .slice(0, limit)
      .map((entry) => toMatch(entry, null));
  }
  const words = queryWords(trimmed);
  if (words.length === 0) return [];
  const found: { entry: Entry; rank: number; alt: string | null }[] = [];
  for (const entry of entries) {
    const rank = matchRank(entry.folded, words);
    if (rank !== null) {
      found.push({ entry, rank, alt: null });
      continue;
    }
    if (!words.every((word) => entry.altJoined.includes(word))) continue;
    let best: { rank: number; alt: string } | null = null;
    for (const alt of entry.altLabels) {
      const altRank = matchRank(alt.folded, words);
      if (altRank !== null && (best === null || altRank < best.rank)) best = { rank: altRank, alt: alt.text };
    }
    if (best) found.push({ entry, rank: ALT_LABEL_PENALTY + best.rank, alt: best.alt });
  }
  return found
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ entry, alt }) => toMatch(entry, alt));
}

const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byLabel(lang: Lang): (a: Entry, b: Entry) => number {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  return (a, b) => a.label.length - b.label.length || collator.compare(a.label, b.label);
}

function toMatch(entry: Entry, matchedAltLabel: string | null): OccupationMatch {
  const { id, iscoCode } = entry.occupation;
  return {
    id,
    label: entry.label,
    labelLang: entry.labelLang,
    iscoCode,
    matchedAltLabel,
    vks: proposeVks(iscoCode),
  };
}
