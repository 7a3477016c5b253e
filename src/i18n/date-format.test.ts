import { describe, expect, it } from 'vitest';
import { formatLongDate } from './date-format.ts';

describe('days written out', () => {
  it('writes the first of the month as French does, and other days as Intl does', () => {
    expect(formatLongDate('fr', '2026-01-01')).toBe('1er janvier 2026');
    expect(formatLongDate('fr', '2026-01-21')).toBe('21 janvier 2026');
    expect(formatLongDate('nl', '2026-01-01')).toBe('1 januari 2026');
    expect(formatLongDate('en', '2026-03-01')).toBe('March 1, 2026');
  });

  it('dates a moment in Brussels: 00:30 there is still that day', () => {
    expect(formatLongDate('nl', '2026-11-22T23:30:00Z')).toBe('23 november 2026');
    expect(formatLongDate('nl', '2026-11-22T23:30:00Z', 'UTC')).toBe('22 november 2026');
  });
});
