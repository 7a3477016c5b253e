import { createHash } from 'node:crypto';

/**
 * A local proof-of-work challenge instead of a third-party CAPTCHA (decision 014): the browser
 * finds a nonce such that SHA-256(`salt:nonce`) starts with `bits` zero bits, about 2^bits hashes.
 * Cheap for one honest report, costly for thousands; nobody outside the service sees the reporter.
 */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function solves(salt: string, nonce: string, bits: number): boolean {
  return leadingZeroBits(createHash('sha256').update(`${salt}:${nonce}`).digest()) >= bits;
}

/** The search the browser does (web/src/pages/desk/proof-of-work.ts does it with Web Crypto). */
export function solve(salt: string, bits: number): string {
  for (let nonce = 0; ; nonce++) if (solves(salt, String(nonce), bits)) return String(nonce);
}
