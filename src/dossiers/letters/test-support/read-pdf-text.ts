import { inflateSync } from 'node:zlib';

/**
 * Reads back the text of a PDF written by PDFKit with the standard fonts, for tests: every text
 * operator (`[<hex> kern <hex>] TJ`, `<hex> Tj`) of every content stream, decoded from WinAnsi.
 * Deflated streams are inflated, so it works with and without `compress`. One line per operator:
 * PDFKit writes each wrapped line as one operator.
 */
export function readPdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const objects = /\d+ \d+ obj\s*<</g;
  for (let match = objects.exec(raw); match !== null; match = objects.exec(raw)) {
    const streamAt = raw.indexOf('stream', match.index);
    const endObjAt = raw.indexOf('endobj', match.index);
    // A dictionary-only object ends before any `stream` keyword: nothing to read in it.
    if (streamAt === -1 || (endObjAt !== -1 && endObjAt < streamAt)) continue;
    const dictionary = raw.slice(match.index, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1] ?? Number.NaN);
    const dataAt = streamAt + (raw.startsWith('stream\r\n', streamAt) ? 8 : 7);
    if (!Number.isInteger(length)) continue;
    objects.lastIndex = dataAt + length;
    if (/\/Subtype\s*\/Image/.test(dictionary)) continue;
    const bytes = pdf.subarray(dataAt, dataAt + length);
    let content: string;
    try {
      content = (/\/FlateDecode/.test(dictionary) ? inflateSync(bytes) : bytes).toString('latin1');
    } catch {
      continue;
    }
    lines.push(...readTextOperators(content));
  }
  return lines;
}

/**
 * Windows-1252 bytes 0x80–0x9F (holes as U+FFFD), written out because Node's TextDecoder treats
 * 'windows-1252' as Latin-1 there. The rest of the code page is Latin-1.
 */
export const WIN_1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

export function decodeWinAnsi(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? WIN_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}

function decodeHex(hex: string): string {
  return decodeWinAnsi(Buffer.from(hex, 'hex'));
}

function readTextOperators(content: string): string[] {
  const lines: string[] = [];
  const operators = /\[((?:\s*(?:<[0-9a-fA-F]*>|-?[\d.]+))*)\s*\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
  for (let match = operators.exec(content); match !== null; match = operators.exec(content)) {
    if (match[2] !== undefined) {
      lines.push(decodeHex(match[2]));
      continue;
    }
    const pieces = [...(match[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((piece) =>
      decodeHex(piece[1] ?? ''),
    );
    lines.push(pieces.join(''));
  }
  return lines;
}

/** All the text of a PDF, one line per text operator. */
export function readPdfText(pdf: Buffer): string {
  return readPdfTextLines(pdf).join('\n');
}

/**
 * The text without any white space, for assertions that must not depend on where a line wraps:
 * `expect(squash(readPdfText(pdf))).toContain(squash(sentence))`.
 */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, '');
}
