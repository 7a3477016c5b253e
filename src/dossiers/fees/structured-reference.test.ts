import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createStructuredReference,
  findStructuredReference,
  isValidStructuredReference,
  parseStructuredReference,
} from './structured-reference.ts';

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

/** The ways a reference is written on paper, in banking apps and in bank statements. */
const WRITTEN_FORMS: readonly ((d: string) => string)[] = [
  (d) => `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`,
  (d) => `***${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}***`,
  (d) => `+++ ${d.slice(0, 3)} / ${d.slice(3, 7)} / ${d.slice(7)} +++`,
  (d) => `+++${d}+++`,
  (d) => `***${d}***`,
  (d) => d,
  (d) => `${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}`,
  (d) => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
];

describe('reading a structured reference back', () => {
  it('parses every reference it creates, in any accepted written form, back to itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.integer({ min: 0, max: WRITTEN_FORMS.length - 1 }),
        fc.constantFrom('', 'Retributie ', 'VL-2026-000123 betaling ', 'Mededeling: '),
        fc.constantFrom('', ' dank u', ' dossier VL-2026-000123', '.'),
        (sequence, form, before, after) => {
          const reference = createStructuredReference(sequence);
          const written = WRITTEN_FORMS[form]!(reference.replace(/\D/g, ''));
          expect(parseStructuredReference(written)).toBe(reference);
          expect(findStructuredReference(`${before}${written}${after}`)).toBe(reference);
        },
      ),
    );
  });

  it('finds nothing where there is no reference with a correct check', () => {
    expect(findStructuredReference('Retributie dossier VL-2026-000123')).toBeNull();
    expect(findStructuredReference('+++000/0000/00102+++')).toBeNull(); // wrong check
    expect(findStructuredReference('')).toBeNull();
    expect(parseStructuredReference('+++000/0000/00101***')).toBeNull(); // delimiters do not match
    expect(parseStructuredReference('+++000/0000/00101')).toBeNull();
  });

  it('does not cut a reference out of a longer number', () => {
    const digits = createStructuredReference(42).replace(/\D/g, '');
    expect(findStructuredReference(`BE71096${digits}`)).toBeNull();
    expect(findStructuredReference(`${digits}9`)).toBeNull();
  });

  it('takes the first valid reference of a communication that holds a wrong one first', () => {
    const good = createStructuredReference(7);
    expect(findStructuredReference(`+++000/0000/00102+++ sorry, correct: ${good}`)).toBe(good);
  });
});
