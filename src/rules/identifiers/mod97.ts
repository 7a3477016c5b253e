/**
 * `97 − (n mod 97)`, the check used by Belgian identifiers (KBO, INSZ, structured communication).
 * Works on the digits as text so that 10-digit bases stay exact without BigInt.
 */
export function mod97Check(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) remainder = (remainder * 10 + (digits.charCodeAt(i) - 48)) % 97;
  return 97 - remainder;
}
