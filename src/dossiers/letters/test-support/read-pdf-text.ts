import { inflateSync } from 'node:zlib';

/**
 * Reads back the text of a PDF written by PDFKit, for tests, as a PDF text extractor would: every
 * text operator (`[<hex> kern <hex>] TJ`, `<hex> Tj`) of every content stream, its glyph codes
 * mapped to characters through the font's ToUnicode CMap (embedded fonts) or WinAnsi (standard
 * fonts), and a marked-content span with /ActualText (a right-to-left run) read as that text.
 * Deflated streams are inflated, so it works with and without `compress`. One line per operator:
 * PDFKit writes each wrapped line as one operator.
 */

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const starts = /(\d+) \d+ obj\s*/g;
  for (let match = starts.exec(raw); match !== null; match = starts.exec(raw)) {
    const number = Number(match[1]);
    const endObjAt = raw.indexOf('endobj', match.index);
    const streamAt = raw.indexOf('stream', match.index);
    if (streamAt === -1 || (endObjAt !== -1 && endObjAt < streamAt)) {
      objects.set(number, { dictionary: raw.slice(match.index, endObjAt), stream: null });
      continue;
    }
    const dictionary = raw.slice(match.index, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1] ?? Number.NaN);
    const dataAt = streamAt + (raw.startsWith('stream\r\n', streamAt) ? 8 : 7);
    if (!Number.isInteger(length)) continue;
    starts.lastIndex = dataAt + length;
    const bytes = pdf.subarray(dataAt, dataAt + length);
    let stream: Buffer | null = null;
    if (!/\/Subtype\s*\/Image/.test(dictionary)) {
      try {
        stream = /\/FlateDecode/.test(dictionary) ? inflateSync(bytes) : Buffer.from(bytes);
      } catch {
        stream = null;
      }
    }
    objects.set(number, { dictionary, stream });
  }
  return objects;
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

function decodeUtf16Hex(hex: string): string {
  const clean = hex.replace(/\s+/g, '');
  const units: number[] = [];
  for (let at = 0; at + 4 <= clean.length; at += 4) units.push(Number.parseInt(clean.slice(at, at + 4), 16));
  return String.fromCharCode(...units);
}

/** A ToUnicode CMap's `bfrange` and `bfchar` entries, as glyph code → text. */
function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const ranges = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g;
    for (const range of (block[1] ?? '').matchAll(ranges)) {
      const start = Number.parseInt(range[1] ?? '0', 16);
      const target = range[3] ?? '';
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((entry, offset) => {
          map.set(start + offset, decodeUtf16Hex(entry[1] ?? ''));
        });
      } else {
        const end = Number.parseInt(range[2] ?? '0', 16);
        const first = decodeUtf16Hex(target.slice(1, -1));
        for (let code = start; code <= end; code++) {
          map.set(
            code,
            first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + code - start),
          );
        }
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) {
      map.set(Number.parseInt(entry[1] ?? '0', 16), decodeUtf16Hex(entry[2] ?? ''));
    }
  }
  return map;
}

type FontDecoder = (hex: string) => string;

/** Resource name (`F1`) → how that font's codes become text. */
function readFonts(objects: Map<number, PdfObject>): Map<string, FontDecoder> {
  const decoders = new Map<string, FontDecoder>();
  const winAnsi: FontDecoder = (hex) => decodeWinAnsi(Buffer.from(hex, 'hex'));
  for (const { dictionary } of objects.values()) {
    for (const fontDictionary of dictionary.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const entry of (fontDictionary[1] ?? '').matchAll(/\/([\w.-]+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(entry[2]));
        const toUnicodeRef = /\/ToUnicode (\d+) 0 R/.exec(font?.dictionary ?? '')?.[1];
        const cmap = toUnicodeRef ? objects.get(Number(toUnicodeRef))?.stream : null;
        if (!cmap) {
          decoders.set(entry[1] ?? '', winAnsi);
          continue;
        }
        const map = readToUnicode(cmap.toString('latin1'));
        decoders.set(entry[1] ?? '', (hex) => {
          let text = '';
          for (let at = 0; at + 4 <= hex.length; at += 4) {
            text += map.get(Number.parseInt(hex.slice(at, at + 4), 16)) ?? '\ufffd';
          }
          return text;
        });
      }
    }
  }
  return decoders;
}

/** A PDF string object (`(literal)` or `<FEFF…>` hex) as text. */
function decodePdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    return /^feff/i.test(hex) ? decodeUtf16Hex(hex.slice(4)) : decodeWinAnsi(Buffer.from(hex, 'hex'));
  }
  const bytes = token
    .slice(1, -1)
    .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, code: string) =>
      /^[0-7]/.test(code)
        ? String.fromCharCode(Number.parseInt(code, 8))
        : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[code] ?? code),
    );
  // A text string with a byte order mark is UTF-16BE (PDF 1.7, 7.9.2.2).
  if (!bytes.startsWith('\u00fe\u00ff')) return bytes;
  let text = '';
  for (let at = 2; at + 1 < bytes.length; at += 2) {
    text += String.fromCharCode((bytes.charCodeAt(at) << 8) | bytes.charCodeAt(at + 1));
  }
  return text;
}

/** One piece of text as drawn: a text operator, or a whole /ActualText span with the glyphs in it. */
export interface PdfTextPiece {
  text: string;
  /** Where the text starts (the last `Tm`), in PDF units from the bottom left of the page. */
  x: number;
  y: number;
  /** For an /ActualText span: the text of its glyphs in drawing (visual) order. */
  glyphText?: string;
  /** For an /ActualText span: the glyph codes drawn, in visual order (shaped forms differ). */
  glyphCodes?: string[];
}

function readContent(content: string, fonts: Map<string, FontDecoder>): PdfTextPiece[] {
  const pieces: PdfTextPiece[] = [];
  const fallback: FontDecoder = (hex) => decodeWinAnsi(Buffer.from(hex, 'hex'));
  let decode = fallback;
  let x = 0;
  let y = 0;
  // Marked-content depth, and the open /ActualText span: the glyphs inside it are read as its text.
  let depth = 0;
  let span: { depth: number; piece: PdfTextPiece } | null = null;
  const operators =
    /([-\d.]+) ([-\d.]+) Tm|\/([\w.-]+)\s+[\d.]+\s+Tf|\/\w+\s*<<[^>]*?\/ActualText\s*(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>)[^>]*>>\s*BDC|(BDC|BMC)\b|\bEMC\b|\[((?:\s*(?:<[0-9a-fA-F]*>|-?[\d.]+))*)\s*\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
  for (let match = operators.exec(content); match !== null; match = operators.exec(content)) {
    const [token, tmX, tmY, fontName, actual, opens, array, single] = match;
    if (tmX !== undefined) {
      x = Number(tmX);
      y = Number(tmY);
    } else if (fontName !== undefined) decode = fonts.get(fontName) ?? fallback;
    else if (actual !== undefined) {
      depth++;
      if (span === null) {
        span = { depth, piece: { text: decodePdfString(actual), x, y, glyphText: '', glyphCodes: [] } };
        pieces.push(span.piece);
      }
    } else if (opens !== undefined) depth++;
    else if (token === 'EMC') {
      if (span?.depth === depth) span = null;
      depth--;
    } else {
      const text =
        single !== undefined
          ? decode(single)
          : [...(array ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((piece) => decode(piece[1] ?? '')).join('');
      if (span) {
        if (span.piece.x === 0 && span.piece.y === 0) Object.assign(span.piece, { x, y });
        span.piece.glyphText += text;
        const hex =
          single ?? [...(array ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((piece) => piece[1]).join('');
        span.piece.glyphCodes?.push(...(hex.match(/.{4}/g) ?? []));
      } else pieces.push({ text, x, y });
    }
  }
  return pieces;
}

/** The text pieces of a PDF with their positions, in content order. */
export function readPdfTextPositions(pdf: Buffer): PdfTextPiece[] {
  const objects = readObjects(pdf);
  const fonts = readFonts(objects);
  const pieces: PdfTextPiece[] = [];
  for (const { dictionary, stream } of objects.values()) {
    // Content streams: not fonts, CMaps, metadata or images.
    if (!stream || /\/Type\s*\/(Metadata|XObject)|\/Length1|\/Subtype/.test(dictionary)) continue;
    const content = stream.toString('latin1');
    if (/begincmap/.test(content)) continue;
    pieces.push(...readContent(content, fonts));
  }
  return pieces;
}

/** The /ActualText spans of a PDF (right-to-left runs): their text, and their glyphs in visual order. */
export function readPdfGlyphRuns(
  pdf: Buffer,
): { actualText: string; glyphText: string; glyphCodes: string[] }[] {
  return readPdfTextPositions(pdf)
    .filter((piece) => piece.glyphText !== undefined)
    .map((piece) => ({
      actualText: piece.text,
      glyphText: piece.glyphText ?? '',
      glyphCodes: piece.glyphCodes ?? [],
    }));
}

/** The text of a PDF, one entry per text operator (or per /ActualText span), in content order. */
export function readPdfTextLines(pdf: Buffer): string[] {
  return readPdfTextPositions(pdf).map((piece) => piece.text);
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
