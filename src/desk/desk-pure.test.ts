import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PNG_BYTES } from '../../test/crafted-pdfs.ts';
import { leadingZeroBits, solve, solves } from './proof-of-work.ts';
import { newFollowUpCode, newReference, normaliseCode, reportedEnterprise } from './report-input.ts';
import { stripMetadata } from './strip-metadata.ts';

describe('the proof-of-work challenge', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0x80]))).toBe(8);
    expect(leadingZeroBits(Uint8Array.from([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Uint8Array.from([0xff]))).toBe(0);
  });

  it('accepts a found nonce and refuses another', () => {
    const nonce = solve('salt-1', 10);
    expect(solves('salt-1', nonce, 10)).toBe(true);
    const digest = createHash('sha256').update(`salt-1:${nonce}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(10);
    // The same nonce for another salt almost never works (1 in 1024).
    expect(solves('salt-2', nonce, 10) && solves('salt-3', nonce, 10)).toBe(false);
  });
});

describe('references and codes', () => {
  it('makes references and codes without look-alike characters, and reads codes as typed', () => {
    expect(newReference()).toMatch(/^M-[A-HJ-NP-Z2-9]{8}$/);
    const code = newFollowUpCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{16}$/);
    expect(normaliseCode(`${code.slice(0, 4).toLowerCase()} - ${code.slice(4)}`)).toBe(code);
  });

  it('keeps a valid enterprise number as its digits and names the problem of an invalid one', () => {
    const message = (problem: string) => `bad: ${problem}`;
    expect(reportedEnterprise('0403.170.701', message)).toEqual({ digits: '0403170701', errors: [] });
    expect(reportedEnterprise('  ', message)).toEqual({ digits: null, errors: [] });
    expect(reportedEnterprise('0403.170.702', message).errors).toEqual([
      { path: 'enterpriseNumber', rule: 'CHECK_DIGITS', message: 'bad: CHECK_DIGITS' },
    ]);
  });
});

function jpegWithExif(): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.from('Exif\0\0GPS 51.05N 3.72E Owner Jan Peeters', 'latin1')),
    segment(0xfe, Buffer.from('comment: Jan', 'latin1')),
    segment(0xdb, Buffer.alloc(67, 1)),
    Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]),
  ]);
}

describe('metadata removed from a reporter’s images', () => {
  it('cuts EXIF and comments out of a JPEG and keeps the image segments', () => {
    const original = jpegWithExif();
    const stripped = stripMetadata(original, 'image/jpeg');
    expect(stripped.toString('latin1')).not.toContain('Jan');
    expect(stripped.toString('latin1')).not.toContain('GPS');
    expect(stripped.toString('latin1')).toContain('JFIF');
    expect(stripped.subarray(-9)).toEqual(original.subarray(-9));
    expect(stripped.length).toBe(original.length - (4 + 40) - (4 + 12));
  });

  it('cuts text chunks out of a PNG', () => {
    const text = Buffer.from('Author\0Jan Peeters', 'latin1');
    const chunk = Buffer.alloc(12 + text.length);
    chunk.writeUInt32BE(text.length, 0);
    chunk.write('tEXt', 4, 'latin1');
    text.copy(chunk, 8);
    const png = Buffer.concat([PNG_BYTES.subarray(0, 33), chunk, PNG_BYTES.subarray(33)]);
    const stripped = stripMetadata(png, 'image/png');
    expect(stripped.toString('latin1')).not.toContain('Jan');
    expect(stripped).toEqual(PNG_BYTES);
  });

  it('leaves a PDF as it is', () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    expect(stripMetadata(pdf, 'application/pdf')).toBe(pdf);
  });
});
