import { describe, expect, it } from 'vitest';
import { periodErrors } from './period-form.tsx';

describe('a period for figures', () => {
  it('is accepted when both days are given in order, a single day included', () => {
    expect(periodErrors({ from: '2026-01-01', to: '2026-06-01' })).toEqual({});
    expect(periodErrors({ from: '2026-06-01', to: '2026-06-01' })).toEqual({});
  });

  it('names the field that is empty, impossible or after the end', () => {
    expect(periodErrors({ from: '', to: '2026-06-01' })).toEqual({ from: 'period.required' });
    expect(periodErrors({ from: '2026-01-01', to: '2026-13-40' })).toEqual({ to: 'period.invalid' });
    expect(periodErrors({ from: '2026-06-01', to: '2026-01-01' })).toEqual({ from: 'period.order' });
  });
});
