import { describe, expect, it } from 'vitest';
import { buildEpcQrPayload, isValidIban } from './epc-qr-payload.ts';
import { createStructuredReference } from './structured-reference.ts';

// A syntactically valid Belgian IBAN (check digits computed, not a real account).
const IBAN = 'BE71 0961 2345 6769';

describe('EPC QR payload (EPC069-12)', () => {
  it('checks IBANs with mod 97', () => {
    expect(isValidIban(IBAN)).toBe(true);
    expect(isValidIban('BE72 0961 2345 6769')).toBe(false);
    expect(isValidIban('not an iban')).toBe(false);
  });

  it('writes the lines a banking app reads, with the amount to the cent and the payment reference', () => {
    const reference = createStructuredReference(123_456);
    const payload = buildEpcQrPayload({
      beneficiaryName: 'Vlaamse overheid – Economische Migratie',
      iban: IBAN,
      amountEur: 200,
      remittance: reference,
    });
    expect(payload.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      '',
      'Vlaamse overheid – Economische Migratie',
      'BE71096123456769',
      'EUR200.00',
      '',
      '',
      reference,
    ]);
  });

  it('refuses a bad IBAN, an empty name, a zero amount and an overlong remittance, naming the field', () => {
    const good = { beneficiaryName: 'X', iban: IBAN, amountEur: 1, remittance: 'r' };
    expect(() => buildEpcQrPayload({ ...good, iban: 'BE00 0000 0000 0000' })).toThrow(
      expect.objectContaining({ field: 'iban' }),
    );
    expect(() => buildEpcQrPayload({ ...good, beneficiaryName: ' ' })).toThrow(
      expect.objectContaining({ field: 'beneficiaryName' }),
    );
    expect(() => buildEpcQrPayload({ ...good, amountEur: 0 })).toThrow(
      expect.objectContaining({ field: 'amountEur' }),
    );
    expect(() => buildEpcQrPayload({ ...good, remittance: 'x'.repeat(141) })).toThrow(
      expect.objectContaining({ field: 'remittance' }),
    );
  });
});
