import { describe, expect, it } from 'vitest';
import { indexFee } from './fee-indexation.ts';

describe('indexFee', () => {
  it('multiplies by the ratio of the two index figures, to the cent', () => {
    expect(indexFee(2027, 200, 128.9, 131.45).newAmount).toBe(203.96);
    // Computed in cents: 200 × 1.025 is exactly 205, not 204.99.
    expect(indexFee(2027, 200, 100, 102.5).newAmount).toBe(205);
    expect(indexFee(2028, 203.96, 131.45, 131.45).newAmount).toBe(203.96);
  });

  it('takes effect on 1 January of the year and keeps what it was computed from', () => {
    expect(indexFee(2027, 200, 120, 126)).toEqual({
      year: 2027,
      validFrom: '2027-01-01',
      currentAmount: 200,
      previousIndex: 120,
      newIndex: 126,
      newAmount: 210,
    });
  });

  it('lowers the amount when the index fell', () => {
    expect(indexFee(2027, 200, 130, 129).newAmount).toBe(198.46);
  });
});
