import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { solves } from '../../../../src/desk/proof-of-work.ts';
import { sha256Words, solveChallenge } from './proof-of-work.ts';

const hex = (words: Uint32Array) => [...words].map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');

describe("the browser's proof of work", () => {
  it('hashes like node:crypto, across block boundaries', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'salt_-AZ09:123456789012'])
      expect(hex(sha256Words(text))).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('finds a nonce the server accepts', async () => {
    const nonce = await solveChallenge('Q2hhbGxlbmdlLXNhbHQtMQ', 12);
    expect(solves('Q2hhbGxlbmdlLXNhbHQtMQ', nonce, 12)).toBe(true);
  });
});
