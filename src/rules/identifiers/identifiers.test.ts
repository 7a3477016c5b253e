import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEnterpriseNumber,
  checkEstablishmentNumber,
  formatEnterpriseNumber,
  isValidEnterpriseNumber,
  isValidEstablishmentNumber,
} from './enterprise-number.ts';
import { checkInsz, inszCheckDigits, isValidInsz } from './insz.ts';
import { mod97Check } from './mod97.ts';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A well-formed KBO number whose first digit is in `firstDigits`, with correct check digits. */
const kboNumber = (firstDigits: number[]) =>
  fc.tuple(fc.constantFrom(...firstDigits), digits(7)).map(([first, rest]) => {
    const base = `${first}${rest}`;
    return base + pad2(mod97Check(base));
  });

describe('KBO enterprise numbers', () => {
  it('accepts known real numbers, with or without dots', () => {
    expect(isValidEnterpriseNumber('0403.170.701')).toBe(true);
    expect(isValidEnterpriseNumber('0403170701')).toBe(true);
    expect(isValidEnterpriseNumber('0353.456.320')).toBe(true);
    expect(isValidEnterpriseNumber('0403 170 701')).toBe(true);
  });

  it('names the problem: format, check digits, establishment unit', () => {
    expect(checkEnterpriseNumber('403.170.701')).toEqual({ ok: false, problem: 'FORMAT' });
    expect(checkEnterpriseNumber('04031707011')).toEqual({ ok: false, problem: 'FORMAT' });
    expect(checkEnterpriseNumber('0403.170.702')).toEqual({ ok: false, problem: 'CHECK_DIGITS' });
    expect(checkEnterpriseNumber('2.147.812.701')).toEqual({
      ok: false,
      problem: 'ESTABLISHMENT_UNIT_NUMBER',
    });
  });

  it('accepts every 0- or 1-series number with correct check digits', () => {
    fc.assert(fc.property(kboNumber([0, 1]), (n) => isValidEnterpriseNumber(n)));
  });

  it('accepts the same number written with dots', () => {
    fc.assert(fc.property(kboNumber([0, 1]), (n) => isValidEnterpriseNumber(formatEnterpriseNumber(n))));
  });

  it('rejects any change to the check digits', () => {
    fc.assert(
      fc.property(kboNumber([0, 1]), fc.integer({ min: 1, max: 96 }), (n, delta) => {
        const wrong = (Number(n.slice(8)) + delta) % 100;
        return !isValidEnterpriseNumber(n.slice(0, 8) + pad2(wrong));
      }),
    );
  });

  it('rejects any single-digit change in the body (mod 97 detects it)', () => {
    fc.assert(
      fc.property(
        kboNumber([0, 1]),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (n, at, delta) => {
          const changed = (Number(n[at]) + delta) % 10;
          return !isValidEnterpriseNumber(n.slice(0, at) + changed + n.slice(at + 1));
        },
      ),
    );
  });
});

describe('KBO establishment unit numbers', () => {
  it('accepts the examples of the reference (2.147.812.701, 2.147.812.897)', () => {
    expect(isValidEstablishmentNumber('2.147.812.701')).toBe(true);
    expect(isValidEstablishmentNumber('2.147.812.897')).toBe(true);
    expect(checkEstablishmentNumber('0403.170.701')).toEqual({
      ok: false,
      problem: 'NOT_ESTABLISHMENT_UNIT',
    });
  });

  it('accepts every number starting 2–9 with correct check digits, never as an enterprise number', () => {
    fc.assert(
      fc.property(
        kboNumber([2, 3, 4, 5, 6, 7, 8, 9]),
        (n) => isValidEstablishmentNumber(n) && !isValidEnterpriseNumber(n),
      ),
    );
  });
});

/** A well-formed INSZ for a birth date, in the right century, optionally as a BIS number. */
const insz = fc
  .record({
    year: fc.integer({ min: 1920, max: 2025 }),
    month: fc.integer({ min: 0, max: 12 }),
    day: fc.integer({ min: 0, max: 28 }),
    counter: fc.integer({ min: 1, max: 998 }),
    bis: fc.constantFrom(0, 20, 40),
  })
  .map(({ year, month, day, counter, bis }) => {
    const firstNine = `${pad2(year % 100)}${pad2(month + bis)}${pad2(day)}${String(counter).padStart(3, '0')}`;
    return { number: firstNine + inszCheckDigits(firstNine, year >= 2000), year, bis };
  });

describe('INSZ (national register and BIS numbers)', () => {
  it('accepts the reference example 93.05.18-223.61 and rejects it with a wrong check', () => {
    expect(isValidInsz('93051822361')).toBe(true);
    expect(isValidInsz('93.05.18-223.61')).toBe(true);
    expect(checkInsz('93051822362')).toEqual({ ok: false, problem: 'CHECK_DIGITS' });
  });

  it('rejects wrong lengths and impossible months or days', () => {
    expect(checkInsz('9305182236')).toEqual({ ok: false, problem: 'FORMAT' });
    expect(checkInsz('93131822361').ok).toBe(false);
    expect(checkInsz('93053222361').ok).toBe(false);
  });

  it('accepts every correctly computed number, pre-2000, post-2000 and BIS', () => {
    fc.assert(
      fc.property(insz, ({ number, year, bis }) => {
        const result = checkInsz(number);
        // The two rules never give the same check digits (2·10⁹ is not a multiple of 97).
        return result.ok && result.isBis === bis > 0 && (result.century === 2000) === year >= 2000;
      }),
    );
  });

  it('rejects any change to the check digits unless it matches the other century', () => {
    fc.assert(
      fc.property(insz, fc.integer({ min: 1, max: 96 }), ({ number }, delta) => {
        const base = number.slice(0, 9);
        const wrong = pad2((Number(number.slice(9)) + delta) % 100);
        const other = [inszCheckDigits(base, false), inszCheckDigits(base, true)];
        return other.includes(wrong) || !isValidInsz(base + wrong);
      }),
    );
  });
});
