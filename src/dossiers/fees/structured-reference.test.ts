import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStructuredReference, isValidStructuredReference } from './structured-reference.ts';

describe('structured payment reference (OGM/VCS)', () => {
  it('formats ten digits and the mod-97 check as +++NNN/NNNN/NNNNN+++', () => {
    // 0000000001 mod 97 = 1 → check 01
    expect(createStructuredReference(1)).toBe('+++000/0000/00101+++');
    // 0000000097 mod 97 = 0 → check 97, never 00
    expect(createStructuredReference(97)).toBe('+++000/0000/09797+++');
  });

  it('validates every reference it creates and refuses one digit changed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.integer({ min: 0, max: 9 }),
        (sequence, position) => {
          const reference = createStructuredReference(sequence);
          expect(isValidStructuredReference(reference)).toBe(true);
          const digits = reference.replace(/\D/g, '');
          const changed =
            digits.slice(0, position) +
            String((Number(digits[position]) + 1) % 10) +
            digits.slice(position + 1);
          expect(isValidStructuredReference(changed)).toBe(false);
        },
      ),
    );
  });

  it('refuses malformed input', () => {
    expect(isValidStructuredReference('+++000/0000/001+++')).toBe(false);
    expect(isValidStructuredReference('abc')).toBe(false);
    expect(() => createStructuredReference(-1)).toThrow(RangeError);
    expect(() => createStructuredReference(10_000_000_000)).toThrow(RangeError);
  });
});
