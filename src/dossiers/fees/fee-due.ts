/**
 * Whether the employer is asked to pay the fee now. The fee is asked only while a submitted
 * dossier waits for it (admissibility runs once it is paid): never for a dossier declared
 * inadmissible or withdrawn before payment, nor where the assessment's `fee.amountDue` is 0 (a
 * work card, a worker who needs no authorisation, before 2026). A paid fee stays on record.
 */
export type FeeState = 'DUE' | 'PAID' | 'NONE';

export interface FeeFacts {
  status: string;
  feeAmountCents: number | null;
  feeReference: string | null;
  feePaidOn: string | null;
}

export function feeStateOf(facts: FeeFacts): FeeState {
  if (!facts.feeReference || !facts.feeAmountCents || facts.feeAmountCents <= 0) return 'NONE';
  if (facts.feePaidOn) return 'PAID';
  return facts.status === 'SUBMITTED' ? 'DUE' : 'NONE';
}
