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

function formatDigits(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/**
 * The canonical form (+++NNN/NNNN/NNNNN+++) of a reference written any way people and banks write
 * it: between +++ or ***, or bare; with or without slashes and spaces. Null when the text is not
 * one reference with a correct check.
 */
export function parseStructuredReference(text: string): string | null {
  const match = /^\s*(\+{3}|\*{3})?([\d\s/]+?)(\+{3}|\*{3})?\s*$/.exec(text);
  if (match === null || match[1] !== match[3]) return null;
  const digits = (match[2] ?? '').replace(/[\s/]/g, '');
  return /^\d{12}$/.test(digits) && isValidStructuredReference(digits) ? formatDigits(digits) : null;
}

/**
 * Written forms a reference takes inside a bank communication, most explicit first: delimited,
 * slashed, spaced 3-4-5, twelve bare digits. Each is bounded by non-digits, so a longer number
 * (an account, a date run together) is never cut into a reference.
 */
const REFERENCE_PATTERNS: readonly RegExp[] = [
  /(\+{3}|\*{3})[\d\s/]{12,30}?\1/g,
  /(?<!\d)\d{3}\s*\/\s*\d{4}\s*\/\s*\d{5}(?!\d)/g,
  /(?<!\d)\d{3} \d{4} \d{5}(?!\d)/g,
  /(?<!\d)\d{12}(?!\d)/g,
];

/**
 * The first valid structured reference in a free-text communication ("Retributie +++090/9337/55493+++
 * dossier VL-2026-000123"), in canonical form; null when there is none with a correct check.
 */
export function findStructuredReference(communication: string): string | null {
  const whole = parseStructuredReference(communication);
  if (whole !== null) return whole;
  for (const pattern of REFERENCE_PATTERNS) {
    for (const [candidate] of communication.matchAll(pattern)) {
      const reference = parseStructuredReference(candidate);
      if (reference !== null) return reference;
    }
  }
  return null;
}
