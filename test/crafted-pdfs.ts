import { deflateSync } from 'node:zlib';

/**
 * Small but well-formed PDFs for the upload checks: a real cross-reference table (or stream) so a
 * reader opens them (`pdfinfo -js file.pdf` shows the script of the ones with JavaScript).
 * Object 1 is the catalogue, 2 the page tree, 3 the page; `catalogueExtra` adds keys to the
 * catalogue and `objects` adds objects from number 4 on.
 */
export function craftPdf(options: { catalogueExtra?: string; objects?: string[] } = {}): Buffer {
  const bodies = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalogueExtra ?? ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    ...(options.objects ?? []),
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A PDF 1.5 whose catalogue (with an /OpenAction) and JavaScript action live only inside a
 * FlateDecode object stream, found through a cross-reference stream: nothing of the script shows
 * in the file's plain bytes.
 */
export function craftObjectStreamPdf(action = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>'): Buffer {
  const packed = [
    [1, '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>'],
    [4, action],
  ] as const;
  let header = '';
  let body = '';
  for (const [number, object] of packed) {
    header += `${number} ${body.length} `;
    body += `${object}\n`;
  }
  const objectStream = deflateSync(Buffer.from(header + body, 'latin1'));
  const parts: Buffer[] = [];
  let length = 0;
  const push = (chunk: string | Buffer) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(bytes);
    length += bytes.length;
  };
  const offsets = new Map<number, number>();
  push('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n');
  offsets.set(2, length);
  push('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n');
  offsets.set(3, length);
  push('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n');
  offsets.set(5, length);
  push(
    `5 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${header.length} /Filter /FlateDecode /Length ${objectStream.length} >>\nstream\n`,
  );
  push(objectStream);
  push('\nendstream\nendobj\n');
  const xrefAt = length;
  // Entries for 0..6: type 1 = at an offset, type 2 = inside object stream 5 at an index.
  const entry = (type: number, field2: number, field3: number) => {
    const row = Buffer.alloc(7);
    row.writeUInt8(type, 0);
    row.writeUInt32BE(field2, 1);
    row.writeUInt16BE(field3, 5);
    return row;
  };
  const rows = Buffer.concat([
    entry(0, 0, 65535),
    entry(2, 5, 0),
    entry(1, offsets.get(2) as number, 0),
    entry(1, offsets.get(3) as number, 0),
    entry(2, 5, 1),
    entry(1, offsets.get(5) as number, 0),
    entry(1, xrefAt, 0),
  ]);
  const xrefStream = deflateSync(rows);
  push(
    `6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${xrefStream.length} >>\nstream\n`,
  );
  push(xrefStream);
  push(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2216bc00000000049454e44ae426082',
  'hex',
);
