/**
 * The sector filter as typed: a NACE-BEL division is two digits (the server's own rule), spaces
 * around it aside (" 49 " is 49, as the server reads it); nothing is no filter; anything else is a
 * mistake to show, never silently dropped for "every sector".
 */
export type NaceEntry = { kind: 'none' } | { kind: 'division'; division: string } | { kind: 'invalid' };

export function readNaceEntry(text: string | null | undefined): NaceEntry {
  const value = (text ?? '').trim();
  if (value === '') return { kind: 'none' };
  return /^[0-9]{2}$/.test(value) ? { kind: 'division', division: value } : { kind: 'invalid' };
}
