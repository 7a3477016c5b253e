/**
 * Nationalities that need no work authorisation (EU, EEA and Switzerland: free movement of
 * workers). An employer's "non-EU" staff are all others; the policy parameter on employers with
 * almost only non-EU staff (BVR 7 Dec 2018 as amended from 2026-01-01) counts those.
 */
export const FREE_MOVEMENT_NATIONALITIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE', // EU
  'IS',
  'LI',
  'NO', // EEA
  'CH',
]);

export function isNonEuNationality(nationality: string): boolean {
  return !FREE_MOVEMENT_NATIONALITIES.has(nationality.toUpperCase());
}
