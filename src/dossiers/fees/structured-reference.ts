/**
 * Belgian structured communication (gestructureerde mededeling, OGM/VCS): ten digits of our own
 * plus a two-digit check = the ten-digit number mod 97 (97 when the remainder is 0), shown as
 * +++NNN/NNNN/NNNNN+++. Banks validate the check, so a mistyped reference is refused at payment.
 */
export function createStructuredReference(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9_999_999_999) {
    throw new RangeError(`A structured reference holds a sequence of 0 to 9 999 999 999; got ${sequence}`);
  }
  const base = String(sequence).padStart(10, '0');
  const check = Number(BigInt(base) % 97n) || 97;
  const digits = `${base}${String(check).padStart(2, '0')}`;
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/** True for a well-formed reference with a correct check (spaces, `*` or `+` delimiters allowed). */
export function isValidStructuredReference(text: string): boolean {
  const digits = text.replace(/[+*/\s]/g, '');
  if (!/^\d{12}$/.test(digits)) return false;
  const expected = Number(BigInt(digits.slice(0, 10)) % 97n) || 97;
  return Number(digits.slice(10)) === expected;
}
