import { Readable } from 'node:stream';
import type { TableLines, Value } from './table-lines.ts';

/**
 * CSV as RFC 4180 says: comma-separated, CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break (quotes doubled). A UTF-8 byte-order mark comes first so Excel opens the
 * accents right; numbers use a dot as decimal sign (docs/statistics.md). Streamed line by line.
 */
export const CSV_BOM = '\uFEFF';

export function csvField(value: Value): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly Value[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function streamCsv(table: TableLines): Readable {
  return Readable.from(
    (function* () {
      yield CSV_BOM + csvLine(table.header);
      // Lines are batched a few hundred at a time: one chunk per line would cost more than the text.
      let batch = '';
      let count = 0;
      for (const line of table.lines) {
        batch += csvLine(line);
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
