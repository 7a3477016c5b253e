import { describe, expect, it } from 'vitest';
import { csvDialect, csvField, csvLine, streamCsv } from './csv.ts';

const nl = csvDialect('nl');
const fr = csvDialect('fr');
const en = csvDialect('en');

async function text(stream: AsyncIterable<unknown>): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe('the CSV writer', () => {
  it('separates with ; and writes decimal commas in Dutch and French, , and . in English', () => {
    expect(nl).toEqual({ separator: ';', decimalMark: ',' });
    expect(fr).toEqual(nl);
    expect(csvLine(['Antwerpen', 0.6923, 12, null], nl)).toBe('Antwerpen;0,6923;12;\r\n');
    expect(csvLine(['Antwerp', 0.6923, 12, null], en)).toBe('Antwerp,0.6923,12,\r\n');
  });

  it('writes numbers without grouping or exponent: years stay years', () => {
    expect(csvField(2026, nl)).toBe('2026');
    expect(csvField(1_234_567.5, fr)).toBe('1234567,5');
    expect(csvField(1e-7, en)).toBe('0.0000001');
    expect(csvField(-3.5, nl)).toBe('-3,5');
    expect(csvField(Number.NaN, nl)).toBe('');
  });

  it('quotes a field holding the separator, a quote or a line break, and only then', () => {
    expect(csvField('a;b', nl)).toBe('"a;b"');
    expect(csvField('a,b', nl)).toBe('a,b');
    expect(csvField('a,b', en)).toBe('"a,b"');
    expect(csvField('a;b', en)).toBe('a;b');
    expect(csvField('say "hi"', en)).toBe('"say ""hi"""');
    expect(csvField('two\nlines', nl)).toBe('"two\nlines"');
    expect(csvField('cr\r', en)).toBe('"cr\r"');
    expect(csvField('Côte d’Ivoire', fr)).toBe('Côte d’Ivoire');
  });

  it('keeps a text that a spreadsheet would run as a formula a text', () => {
    expect(csvField('=HYPERLINK("x")', en)).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+32 2 555', nl)).toBe("'+32 2 555");
    expect(csvField('@SUM(A1)', nl)).toBe("'@SUM(A1)");
  });

  it('streams a byte-order mark, the header and every line, CRLF-ended', async () => {
    const lines = Array.from({ length: 1203 }, (_, i) => [2019 + (i % 10), i / 4]);
    const out = await text(streamCsv({ header: ['Jaar', 'Aandeel'], lines }, nl));
    expect(out.startsWith('\uFEFFJaar;Aandeel\r\n2019;0\r\n2020;0,25\r\n')).toBe(true);
    expect(out.split('\r\n')).toHaveLength(1203 + 2);
    expect(out.endsWith('2021;300,5\r\n')).toBe(true);
    expect(await text(streamCsv({ header: ['Year', 'Share'], lines: [[2026, 0.5]] }, en))).toBe(
      '\uFEFFYear,Share\r\n2026,0.5\r\n',
    );
  });
});
