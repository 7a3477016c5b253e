import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api.ts';
import { toFormErrors } from './form-errors.ts';

const FIELDS = { validUntil: { id: 'grant-valid-until', label: 'Valid until' } };

describe('toFormErrors', () => {
  it('puts a field message next to its field and links the summary to it', () => {
    const error = new ApiError(400, 'LOKET_VALIDATION_FAILED', 'Check the form', [
      { path: 'validUntil', rule: 'maxValidity', message: 'is longer than 36 months' },
    ]);
    expect(toFormErrors(error, FIELDS, 'offline')).toEqual({
      summary: [{ message: 'Valid until: is longer than 36 months', fieldId: 'grant-valid-until' }],
      byField: { 'grant-valid-until': 'Valid until: is longer than 36 months' },
    });
  });

  it("shows the server's message when no field of the form is at fault", () => {
    const error = new ApiError(409, 'LOKET_ILLEGAL_TRANSITION', 'Not allowed in this status');
    expect(toFormErrors(error, FIELDS, 'offline')).toEqual({
      summary: [{ message: 'Not allowed in this status' }],
      byField: {},
    });
    expect(toFormErrors(new TypeError('fetch failed'), FIELDS, 'offline').summary).toEqual([
      { message: 'offline' },
    ]);
  });
});
