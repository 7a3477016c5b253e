import { constants, inflateSync } from 'node:zlib';

/**
 * Finds active content in a PDF: what a reader may run or open by itself (JavaScript, launch
 * actions, embedded files, automatic actions, Flash/RichMedia, XFA forms). Supporting documents
 * (passports, diplomas, contracts) never need any of it, and staff open them on their own
 * machines, so an upload carrying it is refused (docs/case-handling.md#documents).
 *
 * What is read: every name token of the file, with `#xx` escapes decoded (`/#4A#53` is `/JS`), and
 * the objects packed in FlateDecode-compressed object streams (`/Type /ObjStm`, or any stream with
 * `/N` and `/First`). Not read, so honestly out of reach: other stream filters (an object stream
 * with one is "uncheckable" and refused), strings and content streams (JavaScript code itself is
 * not parsed: the keys that would run it are what counts), and encrypted object streams (refused
 * as uncheckable). A name inside a literal string, e.g. a title "(/JavaScript)", is counted too:
 * a false alarm we accept over parsing PDF syntax in full.
 */

/** Keys and action types that make a PDF do something by itself. */
const ACTIVE_NAMES = new Map<string, string>([
  ['JS', 'JavaScript'],
  ['JavaScript', 'JavaScript'],
  ['Launch', 'Launch'],
  ['EmbeddedFile', 'EmbeddedFile'],
  ['EmbeddedFiles', 'EmbeddedFile'],
  ['GoToE', 'EmbeddedFile'],
  ['RichMedia', 'RichMedia'],
  ['XFA', 'XFA'],
  ['AA', 'AA'],
]);

/** At most this much inflated from one file: a small "zip bomb" must not cost the server memory. */
const MAX_INFLATED_BYTES = 64 * 1_048_576;

export interface PdfInspection {
  /** Kinds of active content found, sorted (e.g. `["AA", "JavaScript", "OpenAction"]`). */
  active: string[];
  /** True when an object stream could not be read (other filter, encrypted, corrupt, too large). */
  uncheckable: boolean;
}

const NAME = /\/([^\s/[\]<>(){}%]*)/g;

/** A name token with its `#xx` escapes decoded (PDF 1.2+). */
export function decodePdfName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(NAME)) names.add(decodePdfName(match[1] ?? ''));
  return names;
}

/** The `<< … >>` dictionary that ends just before `end` (nested dictionaries included), or null. */
function dictionaryBefore(text: string, end: number): string | null {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1] as string)) i -= 1;
  if (text.slice(i - 2, i) !== '>>') return null;
  let depth = 0;
  for (let j = i - 2; j > 0 && i - j < 65_536; j -= 1) {
    const pair = text.slice(j, j + 2);
    if (pair === '>>') depth += 1;
    else if (pair === '<<') {
      depth -= 1;
      if (depth === 0) return text.slice(j, i);
    }
  }
  return null;
}

interface Stream {
  dictionary: string;
  data: Buffer;
}

function* streamsOf(pdf: Buffer, text: string): Generator<Stream> {
  let from = 0;
  for (;;) {
    const at = text.indexOf('stream', from);
    if (at === -1) return;
    from = at + 6;
    if (text.slice(at - 3, at) === 'end') continue;
    const eol = text.startsWith('\r\n', from) ? 2 : text[from] === '\n' || text[from] === '\r' ? 1 : -1;
    if (eol === -1) continue;
    const dictionary = dictionaryBefore(text, at);
    if (!dictionary) continue;
    const start = from + eol;
    const end = text.indexOf('endstream', start);
    if (end === -1) return;
    from = end + 9;
    yield { dictionary, data: pdf.subarray(start, end) };
  }
}

function isObjectStream(names: Set<string>, dictionary: string): boolean {
  return names.has('ObjStm') || (names.has('N') && names.has('First') && /\/First\s+\d/.test(dictionary));
}

/** The filters of a stream's dictionary, in order (`/Filter /FlateDecode` or `/Filter [ … ]`). */
function filtersOf(dictionary: string): string[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>(){}%]*)/.exec(dictionary);
  if (!match) return [];
  return [...(match[1] as string).matchAll(NAME)].map((m) => decodePdfName(m[1] ?? ''));
}

export function inspectPdf(pdf: Buffer, options: { maxInflatedBytes?: number } = {}): PdfInspection {
  const text = pdf.toString('latin1');
  const names = namesIn(text);
  let uncheckable = false;
  let budget = options.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  for (const stream of streamsOf(pdf, text)) {
    // Escapes decoded first: `/Fil#74er /Flat#65Decode` must not pass as "no filter".
    const dictionary = decodePdfName(stream.dictionary);
    if (!isObjectStream(namesIn(stream.dictionary), dictionary)) continue;
    const filters = filtersOf(dictionary);
    const predictor = /\/Predictor\s+(\d+)/.exec(dictionary);
    if (filters.some((f) => f !== 'FlateDecode' && f !== 'Fl') || (predictor && Number(predictor[1]) > 1)) {
      uncheckable = true;
      continue;
    }
    let content = stream.data;
    try {
      for (let i = 0; i < filters.length; i += 1) {
        // Sync flush: a stream cut short still gives what it holds, as a lenient reader would.
        content = inflateSync(content, { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH });
        budget -= content.length;
      }
    } catch {
      uncheckable = true; // encrypted, corrupt, or over the budget
      continue;
    }
    for (const name of namesIn(content.toString('latin1'))) names.add(name);
  }
  const active = new Set<string>();
  for (const name of names) {
    const kind = ACTIVE_NAMES.get(name);
    if (kind) active.add(kind);
  }
  // An /OpenAction is harmless as a "go to page 1"; it counts with JavaScript or a launch action.
  if (names.has('OpenAction') && (active.has('JavaScript') || active.has('Launch'))) active.add('OpenAction');
  return { active: [...active].sort(), uncheckable };
}
