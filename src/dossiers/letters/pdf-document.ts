import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Lang } from '../../i18n/languages.ts';
import { splitBidiRuns } from './bidi-runs.ts';

/**
 * What every Loket PDF shares: A4, an embedded font that prints every name as written (DejaVu Sans,
 * bundled in ./fonts: Latin with all its accents, Vietnamese, Cyrillic, Greek, Arabic), a tagged
 * structure for screen readers (PDF/UA style: headings, paragraphs, lists, tables, figures with
 * alternative text, page furniture as artifacts), document metadata, and a byte-for-byte
 * deterministic output for the same input: the only moving part, the creation date, is an argument.
 */
export interface PdfSettings {
  lang: Lang;
  title: string;
  author: string;
  subject: string;
  generatedAt: Date;
  /** Deflate the content streams (default). Tests switch it off to read the text operators. */
  compress?: boolean;
}

export type Pdf = PDFKit.PDFDocument;

/** The language tag written in the catalogue's /Lang: Belgian Dutch and French, British English. */
export const PDF_LANGUAGE_TAGS: Readonly<Record<Lang, string>> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

export const FONT = 'LoketSans';
export const FONT_BOLD = 'LoketSans-Bold';
export const MARGIN = 64;
const FOOTER_HEIGHT = 40;
const MM = 72 / 25.4;

/**
 * Where the addressee is printed: the window of a DL or C5/6 envelope with the window on the right
 * (90 × 45 mm), for an A4 letter folded in three. The first third (99 mm) holds sender and window.
 */
export const ADDRESS_WINDOW = { left: 110 * MM, top: 50 * MM, width: 85 * MM, height: 40 * MM } as const;

/** The structure elements a drawing helper may open; PDF 1.7 standard structure types. */
export type BlockRole = 'P' | 'H1' | 'H2' | 'Lbl' | 'TH' | 'TD';
export type GroupRole = 'Div' | 'L' | 'LI' | 'LBody' | 'Table' | 'TR';
type StructureOptions = { title?: string; lang?: string; alt?: string; actual?: string };

let parsedFonts: { regular: fontkit.Font; bold: fontkit.Font } | undefined;

/**
 * The bundled fonts, read and parsed once per process (parsing and the shaping tables cost more
 * than a whole letter); each document embeds only the glyphs it uses (a subset).
 */
function bundledFonts(): { regular: fontkit.Font; bold: fontkit.Font } {
  const parse = (file: string) => fontkit.create(readFileSync(new URL(`./fonts/${file}`, import.meta.url)));
  parsedFonts ??= { regular: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') };
  return parsedFonts;
}

// The open structure elements of each document, innermost last; the first is the Document element.
const structureStacks = new WeakMap<Pdf, PDFKit.PDFStructureElement[]>();

function currentParent(doc: Pdf): PDFKit.PDFStructureElement {
  const stack = structureStacks.get(doc);
  const parent = stack?.[stack.length - 1];
  if (!parent) throw new Error('structure helpers only work inside renderPdf');
  return parent;
}

// The XMP packet PDFKit writes inlines Title/Subject without escaping: keep XML out of them.
function toMetadataText(text: string): string {
  return text.replace(/[<>&]/g, ' ');
}

/**
 * Draws a document with `draw` and resolves with its bytes. `draw` runs synchronously; an exception
 * in it rejects the promise instead of leaving a half-written stream behind.
 */
export function renderPdf(settings: PdfSettings, draw: (doc: Pdf) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
      compress: settings.compress ?? true,
      pdfVersion: '1.7',
      lang: PDF_LANGUAGE_TAGS[settings.lang],
      tagged: true,
      displayTitle: true,
      bufferPages: true,
      // No default Helvetica: every glyph comes from the embedded font.
      font: null as unknown as string,
      info: {
        Title: toMetadataText(settings.title),
        Author: toMetadataText(settings.author),
        Subject: toMetadataText(settings.subject),
        Creator: 'Loket',
        CreationDate: settings.generatedAt,
        ModDate: settings.generatedAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const fonts = bundledFonts();
      // pdfkit takes a parsed fontkit font as it takes a file (PDFFontFactory: anything with `layout`).
      doc.registerFont(FONT, fonts.regular as unknown as Buffer);
      doc.registerFont(FONT_BOLD, fonts.bold as unknown as Buffer);
      doc.font(FONT);
      const root = doc.struct('Document');
      doc.addStructure(root);
      structureStacks.set(doc, [root]);
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * A structure element holding other elements (a list, a list item, a table row): elements drawn
 * inside `draw` become its children.
 */
export function withStructure(
  doc: Pdf,
  role: GroupRole,
  draw: () => void,
  options: StructureOptions = {},
): void {
  const element = doc.struct(role, options);
  currentParent(doc).add(element);
  const stack = structureStacks.get(doc) as PDFKit.PDFStructureElement[];
  stack.push(element);
  try {
    draw();
  } finally {
    stack.pop();
  }
  element.end();
}

/** A structure element whose content is what `draw` puts on the page (text, an image). */
export function withContent(
  doc: Pdf,
  role: BlockRole | 'Figure',
  draw: () => void,
  options: StructureOptions = {},
): void {
  const element = doc.struct(role, options);
  currentParent(doc).add(element);
  const content = doc.markStructureContent(role);
  draw();
  doc.endMarkedContent();
  element.add(content);
  element.end();
}

/**
 * `doc.text` with right-to-left runs in their reading order: each RTL run is laid out on its own
 * (fontkit shapes it and reverses its glyphs) and carries its logical text as /ActualText, so
 * copying and screen readers get the name as written, not its visual order.
 */
export function drawText(doc: Pdf, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions) {
  const runs = splitBidiRuns(text);
  if (!runs.some((run) => run.rtl)) {
    doc.text(text, x, y, options);
    return;
  }
  runs.forEach((run, index) => {
    // An empty feature list makes PDFKit lay the run out whole instead of word by word.
    const runOptions = { ...options, continued: index < runs.length - 1, features: run.rtl ? [] : undefined };
    if (run.rtl) doc.markContent('Span', { actual: run.text });
    if (index === 0) doc.text(run.text, x, y, runOptions);
    else doc.text(run.text, runOptions);
    if (run.rtl) doc.endMarkedContent();
  });
}

/** The width between the margins. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export interface ParagraphOptions {
  bold?: boolean;
  size?: number;
  gapAfter?: number;
  indent?: number;
  /** The structure element: a paragraph (default) or a heading. */
  role?: 'P' | 'H1' | 'H2';
}

/** Writes a paragraph (or heading) at the left margin, as written, tagged as one structure element. */
export function writeParagraph(doc: Pdf, text: string, options: ParagraphOptions = {}): void {
  const indent = options.indent ?? 0;
  withContent(doc, options.role ?? 'P', () => {
    doc
      .font(options.bold ? FONT_BOLD : FONT)
      .fontSize(options.size ?? 10.5)
      .fillColor('black');
    drawText(doc, text, doc.page.margins.left + indent, doc.y, { width: contentWidth(doc) - indent });
  });
  doc.moveDown(options.gapAfter ?? 0.6);
}

/**
 * One item of a list: its label ("1.") in the left gutter, and its body (the paragraphs `draw`
 * writes, indented by the caller past the label) as list body.
 */
export function writeListItem(doc: Pdf, label: string, labelIndent: number, draw: () => void): void {
  withStructure(doc, 'LI', () => {
    const top = doc.y;
    withContent(doc, 'Lbl', () => {
      doc.font(FONT).fontSize(10.5);
      drawText(doc, label, doc.page.margins.left + labelIndent, top, { lineBreak: false });
    });
    doc.y = top;
    withStructure(doc, 'LBody', draw);
  });
}

export interface Addressee {
  /** The first line, in bold: the enterprise's name. */
  name: string;
  /** Street and number, postal code and municipality, and any reference line. */
  lines: string[];
}

/**
 * The addressee where the envelope's window shows it, as one paragraph; the text after it starts
 * below the window, whatever was above.
 */
export function writeAddressBlock(doc: Pdf, addressee: Addressee): void {
  const { left, top, width, height } = ADDRESS_WINDOW;
  withContent(doc, 'P', () => {
    doc.font(FONT_BOLD).fontSize(10.5).fillColor('black');
    drawText(doc, addressee.name, left, top, { width, height: height / 2, ellipsis: true });
    doc.font(FONT);
    for (const line of addressee.lines) drawText(doc, line, left, doc.y, { width });
  });
  doc.x = doc.page.margins.left;
  doc.y = Math.max(doc.y, top + height) + 12;
}

/** Starts a new page when fewer than `height` points are left, so a block is not split over pages. */
export function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Writes `footer(page, pages)` at the bottom of every page, as page furniture (an artifact). */
export function writeFooters(doc: Pdf, footer: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would make PDFKit open a new page: lift the margin while writing.
    margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(FONT).fontSize(8).fillColor('#555555');
    drawText(doc, footer(index - range.start + 1, range.count), margins.left, doc.page.height - MARGIN, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.fillColor('black');
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
}

const BRUSSELS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Brussels of an instant, as `YYYY-MM-DD`: a letter is dated where it is sent. */
export function toBrusselsIsoDate(instant: Date): string {
  return BRUSSELS_DATE.format(instant);
}
