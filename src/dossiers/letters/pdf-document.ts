import PDFDocument from 'pdfkit';
import type { Lang } from '../../i18n/languages.ts';
import { toWinAnsi } from './win-ansi.ts';

/**
 * What every Loket PDF shares: A4, the standard Helvetica fonts (no font files to ship), document
 * metadata (title, author, language for screen readers) and a byte-for-byte deterministic output
 * for the same input: the only moving part, the creation date, is an argument.
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

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
export const MARGIN = 64;
const FOOTER_HEIGHT = 40;

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
      displayTitle: true,
      bufferPages: true,
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
      doc.font(FONT);
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** The width between the margins. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Writes a paragraph at the left margin, transliterated to what the standard fonts can show. */
export function writeParagraph(
  doc: Pdf,
  text: string,
  options: { bold?: boolean; size?: number; gapAfter?: number; indent?: number } = {},
): void {
  doc
    .font(options.bold ? FONT_BOLD : FONT)
    .fontSize(options.size ?? 10.5)
    .text(toWinAnsi(text), doc.page.margins.left + (options.indent ?? 0), doc.y, {
      width: contentWidth(doc) - (options.indent ?? 0),
    });
  doc.moveDown(options.gapAfter ?? 0.6);
}

/** Starts a new page when fewer than `height` points are left, so a block is not split over pages. */
export function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Writes `footer(page, pages)` at the bottom of every page; call once everything else is drawn. */
export function writeFooters(doc: Pdf, footer: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would make PDFKit open a new page: lift the margin while writing.
    margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#555555')
      .text(toWinAnsi(footer(index - range.start + 1, range.count)), margins.left, doc.page.height - MARGIN, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      })
      .fillColor('black');
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
