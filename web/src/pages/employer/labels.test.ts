import { describe, expect, it } from 'vitest';
import { formatDate } from './labels.ts';

describe('formatDate', () => {
  it("dates a moment in Brussels, not in the reader's time zone (a letter made at 00:30 there)", () => {
    expect(formatDate('nl', '2026-12-01T23:30:00Z')).toBe('2 december 2026');
    expect(formatDate('fr', '2026-07-01T22:30:00Z')).toBe('2 juillet 2026');
  });

  it('keeps a calendar date as it is', () => {
    expect(formatDate('nl', '2026-12-01')).toBe('1 december 2026');
    expect(formatDate('en', null)).toBe('');
  });
});
