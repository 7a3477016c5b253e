import { describe, expect, it } from 'vitest';
import { feeStateOf } from './fee-due.ts';

const awaiting = {
  status: 'SUBMITTED',
  feeAmountCents: 20000,
  feeReference: '+++000/0000/00197+++',
  feePaidOn: null,
};

describe('the fee asked of the employer', () => {
  it('is due while a submitted dossier waits for it', () => {
    expect(feeStateOf(awaiting)).toBe('DUE');
  });

  it('is never asked of an inadmissible or withdrawn dossier', () => {
    expect(feeStateOf({ ...awaiting, status: 'INADMISSIBLE' })).toBe('NONE');
    expect(feeStateOf({ ...awaiting, status: 'WITHDRAWN' })).toBe('NONE');
  });

  it('is never asked when the assessment says nothing is due', () => {
    expect(feeStateOf({ ...awaiting, feeAmountCents: 0 })).toBe('NONE');
    expect(feeStateOf({ ...awaiting, feeAmountCents: null, feeReference: null })).toBe('NONE');
  });

  it('stays on record once paid', () => {
    expect(feeStateOf({ ...awaiting, status: 'IN_REVIEW', feePaidOn: '2026-02-12' })).toBe('PAID');
  });
});
