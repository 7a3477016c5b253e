import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { craftObjectStreamPdf, craftPdf } from '../../../test/crafted-pdfs.ts';
import { decodePdfName, inspectPdf } from './pdf-active-content.ts';

const JS_ACTION = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';

async function pdfkitPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.text('Arbeidsovereenkomst / Contrat de travail / Employment contract').addPage().text('Page 2');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('active content in a PDF', () => {
  it('finds none in plain PDFs, a generated one with compressed pages included', async () => {
    expect(inspectPdf(craftPdf())).toEqual({ active: [], uncheckable: false });
    expect(inspectPdf(await pdfkitPdf())).toEqual({ active: [], uncheckable: false });
    // A go-to-page-1 opening action is no active content.
    expect(inspectPdf(craftPdf({ catalogueExtra: '/OpenAction [3 0 R /Fit]' })).active).toEqual([]);
  });

  it('finds JavaScript run on opening, and names the opening action', () => {
    const pdf = craftPdf({ catalogueExtra: '/OpenAction 4 0 R', objects: [JS_ACTION] });
    expect(inspectPdf(pdf).active).toEqual(['JavaScript', 'OpenAction']);
  });

  it('decodes #xx escapes in names', () => {
    expect(decodePdfName('#4A#53')).toBe('JS');
    const pdf = craftPdf({
      catalogueExtra: '/Open#41ction 4 0 R',
      objects: ['<< /S /#4A#61va#53cript /#4a#53 (app.alert\\(1\\)) >>'],
    });
    expect(inspectPdf(pdf).active).toEqual(['JavaScript', 'OpenAction']);
  });

  it('finds launch actions, automatic actions, embedded files, RichMedia and XFA', () => {
    const cases: Array<[string, string[], string]> = [
      ['/AA << /O 4 0 R >>', ['<< /S /Launch /F (cmd.exe) >>'], 'Launch'],
      ['/AA << /O 4 0 R >>', ['<< /S /Launch /F (cmd.exe) >>'], 'AA'],
      [
        '/Names << /EmbeddedFiles 4 0 R >>',
        ['<< /Names [(a.exe) 5 0 R] >>', '<< /Type /EmbeddedFile >>'],
        'EmbeddedFile',
      ],
      ['/AcroForm << /Fields [] /XFA 4 0 R >>', ['<< >>'], 'XFA'],
      ['', ['<< /Type /Annot /Subtype /RichMedia >>'], 'RichMedia'],
    ];
    for (const [catalogueExtra, objects, kind] of cases) {
      expect(inspectPdf(craftPdf({ catalogueExtra, objects })).active, kind).toContain(kind);
    }
  });

  it('inflates FlateDecode object streams, where the plain bytes show nothing', () => {
    const pdf = craftObjectStreamPdf();
    expect(pdf.toString('latin1')).not.toContain('JavaScript');
    expect(inspectPdf(pdf)).toEqual({ active: ['JavaScript', 'OpenAction'], uncheckable: false });
    expect(inspectPdf(craftObjectStreamPdf('<< /S /#4A#61vaScript /JS 7 0 R >>')).active).toContain(
      'JavaScript',
    );
    const escaped = craftObjectStreamPdf()
      .toString('latin1')
      .replace('/Type /ObjStm', '/Type /Obj#53tm')
      .replace('/Filter /FlateDecode', '/Fil#74er /Flat#65Decode');
    expect(escaped).toContain('/Fil#74er');
    expect(inspectPdf(Buffer.from(escaped, 'latin1')).active).toContain('JavaScript');
    expect(inspectPdf(craftObjectStreamPdf('<< /S /GoTo /D [3 0 R /Fit] >>'))).toEqual({
      active: [],
      uncheckable: false,
    });
  });

  it('calls an object stream it cannot read uncheckable', () => {
    const lzw = craftPdf({
      objects: ['<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode /Length 3 >>\nstream\nabc\nendstream'],
    });
    expect(inspectPdf(lzw).uncheckable).toBe(true);
    const garbage = craftPdf({
      objects: [
        '<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 9 >>\nstream\nnot zlib!\nendstream',
      ],
    });
    expect(inspectPdf(garbage).uncheckable).toBe(true);
    // Without /Type but with /N and /First: still read as an object stream.
    const packed = deflateSync(Buffer.from(`4 0 ${JS_ACTION}`, 'latin1'));
    const untyped = Buffer.concat([
      Buffer.from(
        `%PDF-1.5\n4 0 obj\n<< /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
      ),
      packed,
      Buffer.from('\nendstream\nendobj\n%%EOF\n'),
    ]);
    expect(inspectPdf(untyped).active).toContain('JavaScript');
  });

  it('stops inflating a zip bomb and calls it uncheckable', () => {
    const bomb = deflateSync(Buffer.alloc(2 * 1_048_576, 0x20));
    const pdf = Buffer.concat([
      Buffer.from(
        `%PDF-1.5\n4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`,
      ),
      bomb,
      Buffer.from('\nendstream\nendobj\n%%EOF\n'),
    ]);
    expect(bomb.length).toBeLessThan(5_000);
    expect(inspectPdf(pdf, { maxInflatedBytes: 1_048_576 }).uncheckable).toBe(true);
    expect(inspectPdf(pdf, { maxInflatedBytes: 4 * 1_048_576 }).uncheckable).toBe(false);
  });
});
