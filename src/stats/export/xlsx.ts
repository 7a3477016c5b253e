import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TableLines } from './table-lines.ts';

/**
 * XLSX through exceljs's streaming writer: each row is committed as soon as it is added, so a
 * large table never sits in memory as a workbook. The caller pipes the returned stream out.
 */
export function streamXlsx(table: TableLines, sheetName: string): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  void (async () => {
    try {
      const header = sheet.addRow(table.header);
      header.font = { bold: true };
      header.commit();
      for (const line of table.lines) sheet.addRow(line).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return output;
}
