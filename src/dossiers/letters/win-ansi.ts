/**
 * Letters are set in the PDF standard fonts (Helvetica), which need no font files but only know
 * WinAnsi (Windows-1252). PDFKit writes any other character as a code of more than two hex digits,
 * which shifts every following glyph: a worker called "Łukasz" would corrupt the whole line. So
 * every text is brought to WinAnsi first: letters keep their accent where WinAnsi has it (é, ö, Ž),
 * others lose it (NFKD, marks stripped: "Nguyễn" → "Nguyen"), a few letters without a decomposition
 * get their usual Latin form (Ł → L), and '?' is the last resort.
 */

/** Characters of Windows-1252 outside Latin-1's printable ranges (0x80–0x9F). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Letters that NFKD leaves whole, and typographic signs with a plain equivalent. */
const LATIN_FORMS: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ŋ: 'N',
  ŋ: 'n',
  ĸ: 'k',
  Ə: 'E',
  ə: 'e',
  ẞ: 'SS',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u202f': '\u00a0', // narrow no-break space: Intl's fr-BE digit grouping; keep it unbreakable
  '\u2007': '\u00a0',
  '\t': ' ',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRAS.has(char)
  );
}

function transliterate(char: string): string {
  const latin = LATIN_FORMS[char];
  if (latin !== undefined) return latin;
  // Invisible characters (zero-width joiners, byte-order marks, controls) and stray combining marks go.
  if (/^[\p{Cc}\p{Cf}\p{M}]$/u.test(char)) return '';
  const stripped = char.normalize('NFKD').replace(/\p{M}/gu, '');
  const parts = [...stripped].map((part) => (isWinAnsi(part) ? part : (LATIN_FORMS[part] ?? null)));
  return stripped.length > 0 && parts.every((part) => part !== null) ? parts.join('') : '?';
}

/** The text with every character outside WinAnsi replaced by its closest Latin form, or '?'. */
export function toWinAnsi(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) result += isWinAnsi(char) ? char : transliterate(char);
  return result;
}
