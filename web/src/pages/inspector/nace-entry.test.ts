import { describe, expect, it } from 'vitest';
import { readNaceEntry } from './nace-entry.ts';

describe('the sector filter as typed', () => {
  it('reads a division with spaces around it as the division', () => {
    expect(readNaceEntry(' 49 ')).toEqual({ kind: 'division', division: '49' });
    expect(readNaceEntry('\t81\n')).toEqual({ kind: 'division', division: '81' });
  });
  it('reads nothing, or only spaces, as no filter', () => {
    expect(readNaceEntry('')).toEqual({ kind: 'none' });
    expect(readNaceEntry('   ')).toEqual({ kind: 'none' });
    expect(readNaceEntry(null)).toEqual({ kind: 'none' });
  });
  it('calls anything else a mistake, never "every sector"', () => {
    for (const typed of ['4', '491', '4 9', 'ab', '49a', '８１'])
      expect(readNaceEntry(typed), typed).toEqual({ kind: 'invalid' });
  });
});
