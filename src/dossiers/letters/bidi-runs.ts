/**
 * PDFKit lays text out left to right and does not reorder bidirectional text. fontkit shapes and
 * reverses a right-to-left run (Arabic joining forms, right-to-left glyph order) when the run is laid
 * out as a whole and holds only that script. So a paragraph is cut into runs: right-to-left runs
 * (strong RTL letters with the spaces, marks and joiners between them) and the left-to-right rest.
 * This is the part of the Unicode bidi algorithm a letter needs: names and short phrases in Arabic
 * or Hebrew script inside a Dutch, French or English paragraph. Digits and Latin text stay outside
 * RTL runs, so they keep their left-to-right order.
 */
export interface TextRun {
  text: string;
  rtl: boolean;
}

// Arabic (with its supplements and presentation forms), Hebrew, Syriac, Thaana, N'Ko.
const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
// What may sit inside a right-to-left run between two of its letters.
const RTL_INNER =
  /^(?:[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{M}\u0020\u00a0\u0640]|\u200c|\u200d)$/u;

/** True when the text holds any right-to-left letter. */
export function hasRtl(text: string): boolean {
  return STRONG_RTL.test(text);
}

/** The text cut into left-to-right and right-to-left runs, in logical order; joined they are the text. */
export function splitBidiRuns(text: string): TextRun[] {
  if (!hasRtl(text)) return text === '' ? [] : [{ text, rtl: false }];
  const chars = [...text];
  const runs: TextRun[] = [];
  let ltr = '';
  let index = 0;
  while (index < chars.length) {
    const char = chars[index] as string;
    if (!STRONG_RTL.test(char)) {
      ltr += char;
      index++;
      continue;
    }
    // Extend the run over inner characters, then give back trailing ones that are not RTL letters or marks.
    let end = index + 1;
    let lastStrong = index;
    while (end < chars.length && RTL_INNER.test(chars[end] as string)) {
      if (STRONG_RTL.test(chars[end] as string) || /\p{M}/u.test(chars[end] as string)) lastStrong = end;
      end++;
    }
    if (ltr !== '') runs.push({ text: ltr, rtl: false });
    ltr = '';
    runs.push({ text: chars.slice(index, lastStrong + 1).join(''), rtl: true });
    index = lastStrong + 1;
  }
  if (ltr !== '') runs.push({ text: ltr, rtl: false });
  return runs;
}
