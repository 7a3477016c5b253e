/**
 * Text as the pickers compare it: lower case, accents and ligatures folded, punctuation as spaces.
 * Pure and dependency-free, so the web app's local filters (the migration list) fold text exactly
 * as the server's occupation search does.
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ĳ: 'ij', ø: 'o', ł: 'l', đ: 'd' };

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function foldText(text: string): string {
  // Most labels are plain ASCII: skip the Unicode decomposition for them (it dominates indexing).
  if (PLAIN_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200d\u2060]/g, '') // soft hyphens and zero-width marks join a word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæßĳøłđ]/g, (letter) => LIGATURES[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The query's words, folded; empty when nothing searchable was typed. */
export function queryWords(query: string): string[] {
  const folded = foldText(query);
  return folded === '' ? [] : folded.split(' ');
}

export type MatchRank = 0 | 1 | 2 | 3 | 4;

/**
 * How well a folded text matches the query's words, lower is better; null when a word is missing.
 * 0 the whole text; 1 the text starts with the query as whole words; 2 every word is a whole word
 * of the text; 3 every word starts a word of the text; 4 every word is inside the text.
 */
export function matchRank(folded: string, words: readonly string[]): MatchRank | null {
  if (words.length === 0) return null;
  const query = words.join(' ');
  if (folded === query) return 0;
  if (folded.startsWith(query) && folded[query.length] === ' ') return 1;
  let worst: MatchRank = 2;
  for (const word of words) {
    const at = folded.indexOf(word);
    if (at < 0) return null;
    if (worst === 4) continue;
    const place = bestPlace(folded, word, at);
    if (place > worst) worst = place;
  }
  return worst;
}

/** 2 when `word` occurs as a whole word, 3 when it only starts one, 4 when it is only inside words. */
function bestPlace(folded: string, word: string, firstAt: number): 2 | 3 | 4 {
  let best: 2 | 3 | 4 = 4;
  for (let at = firstAt; at >= 0; at = folded.indexOf(word, at + 1)) {
    if (at !== 0 && folded[at - 1] !== ' ') continue;
    const end = at + word.length;
    if (end === folded.length || folded[end] === ' ') return 2;
    best = 3;
  }
  return best;
}
