import { Readable } from 'node:stream';
import type { Lang } from '../../i18n/languages.ts';
import type { TableLines, Value } from './table-lines.ts';

/**
 * Loket's one CSV writer (every CSV download goes through it; docs/statistics.md#downloads).
 * RFC 4180 otherwise: CRLF line ends, a field quoted when it holds the separator, a quote or a line
 * break (quotes doubled), and a UTF-8 byte-order mark first so Excel reads the accents. The
 * separator and the decimal mark follow the reader's language, as a Belgian Excel expects them when
 * it opens the file with a double click: `;` and `,` in Dutch and French, `,` and `.` in English.
 * Numbers are written without grouping (2026, never "2,026"). Streamed a few hundred lines at a time.
 */
export const CSV_BOM = '\uFEFF';

export interface CsvDialect {
  separator: ';' | ',';
  decimalMark: ',' | '.';
}

const SEMICOLON: CsvDialect = { separator: ';', decimalMark: ',' };
const COMMA: CsvDialect = { separator: ',', decimalMark: '.' };

export function csvDialect(lang: Lang): CsvDialect {
  return lang === 'en' ? COMMA : SEMICOLON;
}

/** A number as digits, the dialect's decimal mark, no grouping and never an exponent. */
function csvNumber(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(20).replace(/\.?0+$/, '');
  return dialect.decimalMark === '.' ? text : text.replace('.', dialect.decimalMark);
}

export function csvField(value: Value, dialect: CsvDialect): string {
  if (value === null) return '';
  if (typeof value === 'number') return csvNumber(value, dialect);
  // A text a spreadsheet would take for a formula (=, +, -, @) is kept as text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const mustQuote = text.includes(dialect.separator) || /["\r\n]/.test(text);
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly Value[], dialect: CsvDialect): string {
  return `${values.map((value) => csvField(value, dialect)).join(dialect.separator)}\r\n`;
}

export function streamCsv(table: TableLines, dialect: CsvDialect): Readable {
  return Readable.from(
    (function* () {
      yield CSV_BOM + csvLine(table.header, dialect);
      // Lines are batched a few hundred at a time: one chunk per line would cost more than the text.
      let batch = '';
      let count = 0;
      for (const line of table.lines) {
        batch += csvLine(line, dialect);
        if (++count % 500 === 0) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
    })(),
    { objectMode: false },
  );
}
