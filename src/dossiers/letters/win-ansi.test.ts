import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWinAnsi } from './test-support/read-pdf-text.ts';
import { toWinAnsi } from './win-ansi.ts';

/** Every character Windows-1252 can encode: its printable bytes 0x20–0xFF minus the five holes, and newline. */
const WIN_ANSI = new Set(
  [...decodeWinAnsi(Uint8Array.from({ length: 224 }, (_, i) => i + 32))].filter(
    (char) => char !== '\ufffd' && !/\p{Cc}/u.test(char),
  ),
);
WIN_ANSI.add('\n');

describe('toWinAnsi', () => {
  it('brings Polish and Vietnamese names to their closest Latin form', () => {
    expect(toWinAnsi('Łukasz Żółć')).toBe('Lukasz Zólc');
    expect(toWinAnsi('Nguyễn Thị Minh Khai')).toBe('Nguyen Thi Minh Khai');
    expect(toWinAnsi('Đặng Văn Lâm')).toBe('Dang Van Lâm');
    expect(toWinAnsi('Ahmet Yıldız, Əliyev')).toBe('Ahmet Yildiz, Eliyev');
  });

  it('keeps what WinAnsi has, including accents, Ž, € and typographic quotes', () => {
    const text = 'Élodie Müller-Šťastná – “Café” € 200 Žižek œuvre';
    expect(toWinAnsi(text)).toBe('Élodie Müller-Štastná – “Café” € 200 Žižek œuvre');
  });

  it('composes decomposed input first, so an accent WinAnsi has is kept', () => {
    expect(toWinAnsi('Jose\u0301')).toBe('José');
  });

  it('turns the narrow no-break space of French number grouping into a no-break space', () => {
    expect(toWinAnsi('48\u202f912,00\u00a0EUR')).toBe('48\u00a0912,00\u00a0EUR');
  });

  it('drops invisible characters and writes ? for what has no Latin form', () => {
    expect(toWinAnsi('a\u200bb\ufeffc')).toBe('abc');
    expect(toWinAnsi('Иван 李')).toBe('???? ?');
  });

  it('always returns text the standard fonts can encode, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          // Typographic and Central-European characters, where WinAnsi and Latin-1 differ.
          fc.string({ unit: fc.constantFrom(...'–—‘’“”€ŒœŠšŽžŸŁłŻżĆćŐőẞ\u202f\u00a0'), maxLength: 20 }),
        ),
        (text) => {
          const result = toWinAnsi(text);
          for (const char of result) expect(WIN_ANSI.has(char)).toBe(true);
          expect(toWinAnsi(result)).toBe(result);
        },
      ),
    );
  });
});
