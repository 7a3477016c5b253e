import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { buildEpcQrPayload } from './epc-qr-payload.ts';
import { DEFAULT_QR_TITLE, renderQrPng, renderQrSvg } from './payment-qr.ts';
import { createStructuredReference } from './structured-reference.ts';

const PAYLOAD = buildEpcQrPayload({
  beneficiaryName: 'Vlaamse overheid – Economische Migratie',
  iban: 'BE71 0961 2345 6769',
  amountEur: 200,
  remittance: createStructuredReference(123_456),
});

/** Checks that tags nest and close, attributes are quoted and no stray `<` or `&` is left. */
function expectWellFormedXml(xml: string): void {
  const open: string[] = [];
  const tokens = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let consumed = 0;
  for (let match = tokens.exec(xml); match !== null; match = tokens.exec(xml)) {
    consumed = tokens.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    } else if (closing) {
      expect(open.pop()).toBe(name);
    } else if (!selfClosing) {
      open.push(name!);
    }
  }
  expect(consumed).toBe(xml.length);
  expect(open).toEqual([]);
}

/** Reads the dark modules back from the SVG path qrcode draws (`M x y`, `m dx 0`, `h n`). */
function readModules(
  svg: string,
  margin: number,
): { size: number; isDark: (row: number, col: number) => boolean } {
  const viewBox = /viewBox="0 0 (\d+) \d+"/.exec(svg);
  const size = Number(viewBox?.[1]) - 2 * margin;
  const path = /<path stroke="[^"]*" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([Mmh])(\d+(?:\.\d+)?)(?: (\d+(?:\.\d+)?))?/g)) {
    if (command === 'M') {
      x = Number(a);
      y = Number(b);
    } else if (command === 'm') {
      x += Number(a);
    } else {
      for (let i = 0; i < Number(a); i++) dark.add(`${y - 0.5 - margin},${x + i - margin}`);
      x += Number(a);
    }
  }
  return { size, isDark: (row, col) => dark.has(`${row},${col}`) };
}

describe('EPC QR code image', () => {
  it('is a well-formed SVG with a title for screen readers', async () => {
    const svg = await renderQrSvg(PAYLOAD);
    expectWellFormedXml(svg);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="qr-title"/);
    expect(svg).toContain(`<title id="qr-title">${DEFAULT_QR_TITLE}</title>`);
    const titled = await renderQrSvg(PAYLOAD, { title: 'Pay <now> & "scan"' });
    expectWellFormedXml(titled);
    expect(titled).toContain('<title id="qr-title">Pay &lt;now&gt; &amp; &quot;scan&quot;</title>');
  });

  it('gives the same SVG and PNG for the same payload, another for another payload', async () => {
    expect(await renderQrSvg(PAYLOAD)).toBe(await renderQrSvg(PAYLOAD));
    expect((await renderQrPng(PAYLOAD)).equals(await renderQrPng(PAYLOAD))).toBe(true);
    const other = PAYLOAD.replace('EUR200.00', 'EUR180.00');
    expect(await renderQrSvg(other)).not.toBe(await renderQrSvg(PAYLOAD));
  });

  it('draws the symbol of the payload at error-correction level M, as EPC069-12 requires', async () => {
    const svg = await renderQrSvg(PAYLOAD);
    const { size, isDark } = readModules(svg, 4);
    const expected = QRCode.create(PAYLOAD, { errorCorrectionLevel: 'M' }).modules;
    expect(size).toBe(expected.size);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        expect(isDark(row, col), `module ${row},${col}`).toBe(expected.get(row, col) === 1);
      }
    }
    // Format information (ISO/IEC 18004 §7.9), read from the image itself: the two level bits sit at
    // (8,0) and (8,1), masked with 1 and 0. Level M is 00, so the modules read dark, light.
    expect([isDark(8, 0), isDark(8, 1)]).toEqual([true, false]);
    expect([isDark(size - 1, 8), isDark(size - 2, 8)]).toEqual([true, false]);
  });

  it('renders a PNG of the symbol with its quiet zone', async () => {
    const png = await renderQrPng(PAYLOAD);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const modules = QRCode.create(PAYLOAD, { errorCorrectionLevel: 'M' }).modules.size + 8;
    expect(png.readUInt32BE(16)).toBe(modules * 8); // IHDR width: 8 pixels per module
    expect(png[25]).toBe(0); // IHDR colour type 0: grey, no alpha channel for PDFKit to split off
    const sized = await renderQrPng(PAYLOAD, { width: 300 });
    expect(sized.readUInt32BE(16)).toBeGreaterThanOrEqual(modules);
    expect(sized.readUInt32BE(16)).toBeLessThanOrEqual(300);
  });
});
