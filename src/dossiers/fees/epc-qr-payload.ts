/**
 * The text of an EPC (SEPA credit transfer) QR code, guideline EPC069-12: twelve lines that a
 * banking app reads to prefill the transfer of the fee. Pure: the image is drawn at the edge.
 * Where Belgian banks expect the OGM is not confirmed (reference.md §7.7); Loket puts it in the
 * unstructured remittance line, which every app shows and copies to the beneficiary.
 */
export interface EpcTransfer {
  beneficiaryName: string;
  iban: string;
  bic?: string;
  amountEur: number;
  remittance: string;
}

export class EpcPayloadError extends Error {
  readonly code = 'LOKET_EPC_INVALID';
  constructor(
    readonly field: keyof EpcTransfer,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'EpcPayloadError';
  }
}

/** IBAN check (ISO 13616): move the country and check digits to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const digits = (compact.slice(4) + compact.slice(0, 4)).replace(/[A-Z]/g, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  return BigInt(digits) % 97n === 1n;
}

const MAX_PAYLOAD_BYTES = 331;

export function buildEpcQrPayload(transfer: EpcTransfer): string {
  const iban = transfer.iban.replace(/\s/g, '').toUpperCase();
  if (!isValidIban(iban)) throw new EpcPayloadError('iban', 'not a valid IBAN');
  const name = transfer.beneficiaryName.trim();
  if (name.length === 0 || name.length > 70)
    throw new EpcPayloadError('beneficiaryName', 'must be 1 to 70 characters');
  if (transfer.bic !== undefined && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(transfer.bic)) {
    throw new EpcPayloadError('bic', 'not a valid BIC');
  }
  const cents = Math.round(transfer.amountEur * 100);
  if (cents < 1 || cents > 99_999_999_999)
    throw new EpcPayloadError('amountEur', 'must be from 0.01 to 999999999.99');
  if (transfer.remittance.length > 140)
    throw new EpcPayloadError('remittance', 'must be at most 140 characters');
  const lines = [
    'BCD',
    '002', // BIC optional within the EEA
    '1', // UTF-8
    'SCT',
    transfer.bic ?? '',
    name,
    iban,
    `EUR${(cents / 100).toFixed(2)}`,
    '',
    '',
    transfer.remittance,
    // Line 12 (beneficiary-to-originator information) is empty: the guideline lets trailing empty lines go.
  ];
  const payload = lines.join('\n');
  if (Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES)
    throw new EpcPayloadError('remittance', 'payload over 331 bytes');
  return payload;
}
