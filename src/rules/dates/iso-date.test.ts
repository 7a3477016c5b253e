import fc from 'fast-check';
import { IsDate } from 'typebox/format';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  birthdayOfAge,
  daysInclusive,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  wholeMonthsInclusive,
} from './iso-date.ts';

const anyDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('ISO date arithmetic', () => {
  it('agrees with Date.UTC on day numbers, both ways', () => {
    fc.assert(
      fc.property(anyDate, (iso) => {
        const day = toDayNumber(iso);
        return day === Date.parse(`${iso}T00:00:00Z`) / 86_400_000 && fromDayNumber(day) === iso;
      }),
    );
  });

  it('recognises only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
  });

  it("accepts exactly the strings TypeBox's own date format accepts", () => {
    const dateLike = fc.oneof(
      anyDate,
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      fc.string({ maxLength: 12 }),
      anyDate.map((d) => `${d} `),
    );
    fc.assert(
      fc.property(dateLike, (text) => isIsoDate(text) === IsDate(text)),
      { numRuns: 5000 },
    );
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-31', -4)).toBe('2025-08-31');
    expect(addMonths('2025-03-01', -4)).toBe('2024-11-01');
  });

  it('counts days and whole months with both ends included', () => {
    expect(daysInclusive('2025-04-01', '2025-04-01')).toBe(1);
    expect(daysInclusive('2025-04-01', '2025-08-28')).toBe(150);
    expect(wholeMonthsInclusive('2025-01-01', '2025-12-31')).toBe(12);
    expect(wholeMonthsInclusive('2025-01-01', '2025-12-30')).toBe(11);
    expect(wholeMonthsInclusive('2024-06-01', '2024-11-30')).toBe(6);
  });

  it('takes age in whole years, a 29 February birthday counting from 1 March', () => {
    expect(ageOn('1995-06-15', '2025-06-14')).toBe(29);
    expect(ageOn('1995-06-15', '2025-06-15')).toBe(30);
    expect(ageOn('2000-02-29', '2030-02-28')).toBe(29);
    expect(ageOn('2000-02-29', '2030-03-01')).toBe(30);
    expect(birthdayOfAge('2000-02-29', 30)).toBe('2030-03-01');
    expect(birthdayOfAge('2000-02-29', 28)).toBe('2028-02-29');
  });

  it('is consistent: age reaches n exactly on birthdayOfAge(n)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 80 }), (birth, years) => {
        const birthday = birthdayOfAge(birth, years);
        return ageOn(birth, birthday) === years && ageOn(birth, addDays(birthday, -1)) === years - 1;
      }),
    );
  });
});
