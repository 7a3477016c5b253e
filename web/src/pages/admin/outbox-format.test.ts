import { describe, expect, it } from 'vitest';
import { formatOutboxMoment, outboxPageCount, outboxPageHref, outboxPagingOf } from './outbox-format.ts';

describe('outbox paging and times', () => {
  it('reads the page from the address, falling back to the first', () => {
    expect(outboxPagingOf('')).toEqual({ page: 1, offset: 0, limit: 20 });
    expect(outboxPagingOf('?page=3')).toEqual({ page: 3, offset: 40, limit: 20 });
    for (const bad of ['?page=0', '?page=-1', '?page=abc', '?page=1e3', '?page=999999']) {
      expect(outboxPagingOf(bad).page).toBe(1);
    }
    expect(outboxPageCount(0)).toBe(1);
    expect(outboxPageCount(20)).toBe(1);
    expect(outboxPageCount(21)).toBe(2);
    expect(outboxPageHref(1)).toBe('/admin/outbox');
    expect(outboxPageHref(2)).toBe('/admin/outbox?page=2');
  });

  it('shows Brussels time in the page language, summer and winter', () => {
    // 14:05 UTC is 16:05 in Brussels in summer (CEST) and 15:05 in winter (CET).
    expect(formatOutboxMoment('2026-07-01T14:05:00Z', 'nl')).toBe('1 juli 2026 om 16:05');
    expect(formatOutboxMoment('2026-01-15T14:05:00Z', 'fr')).toBe('15 janvier 2026 à 15:05');
    expect(formatOutboxMoment('2026-01-15T14:05:00Z', 'en')).toBe('15 January 2026 at 15:05');
    // Just before midnight UTC on 31 December is already the new year in Brussels.
    expect(formatOutboxMoment('2025-12-31T23:30:00Z', 'nl')).toContain('1 januari 2026');
    expect(formatOutboxMoment('not a date', 'nl')).toBe('not a date');
  });
});
