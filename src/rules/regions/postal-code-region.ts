import type { CompetentAuthority, Province, Region } from '../contract.ts';

/**
 * Belgian postal code → region and Flemish province (reference.md §9). The competent region is
 * the one where the work is done (art. 6 §1 IX special law 8 Aug 1980), so the workplace decides.
 * The nine municipalities of the German-speaking Community lie in the Walloon Region (province of
 * Liège), but the Community exercises the competence for work authorisations there (Constitution
 * art. 139; it is a party to the cooperation agreement of 2 Feb 2018): their authority is its own.
 */

export interface PostalLocation {
  readonly region: Region;
  readonly province: Province | null;
  readonly authority: CompetentAuthority;
}

/**
 * bpost postal codes of the German-speaking Community: Eupen (4700, 4701), Lontzen (4710, 4711),
 * Kelmis (4720, 4721, 4728), Raeren (4730, 4731), Bütgenbach (4750), Büllingen (4760, 4761),
 * Amel (4770, 4771), Sankt Vith (4780, 4782, 4783, 4784), Burg-Reuland (4790, 4791).
 */
export const GERMAN_SPEAKING_POSTAL_CODES: ReadonlySet<string> = new Set([
  '4700',
  '4701',
  '4710',
  '4711',
  '4720',
  '4721',
  '4728',
  '4730',
  '4731',
  '4750',
  '4760',
  '4761',
  '4770',
  '4771',
  '4780',
  '4782',
  '4783',
  '4784',
  '4790',
  '4791',
]);

interface Range {
  readonly from: number;
  readonly to: number;
  readonly location: PostalLocation;
}

const at = (region: Region, province: Province | null = null): PostalLocation =>
  Object.freeze({ region, province, authority: region });
const GERMAN_SPEAKING: PostalLocation = Object.freeze({
  region: 'WALLONIA',
  province: null,
  authority: 'GERMAN_SPEAKING_COMMUNITY',
});

// Sorted and contiguous from 1000 to 9999.
const RANGES: readonly Range[] = [
  { from: 1000, to: 1299, location: at('BRUSSELS') },
  { from: 1300, to: 1499, location: at('WALLONIA') },
  { from: 1500, to: 1999, location: at('FLANDERS', 'VLAAMS_BRABANT') },
  { from: 2000, to: 2999, location: at('FLANDERS', 'ANTWERPEN') },
  { from: 3000, to: 3499, location: at('FLANDERS', 'VLAAMS_BRABANT') },
  { from: 3500, to: 3999, location: at('FLANDERS', 'LIMBURG') },
  { from: 4000, to: 7999, location: at('WALLONIA') },
  { from: 8000, to: 8999, location: at('FLANDERS', 'WEST_VLAANDEREN') },
  { from: 9000, to: 9999, location: at('FLANDERS', 'OOST_VLAANDEREN') },
];

/** The region and (in Flanders) province of a four-digit postal code, or null outside 1000–9999. */
export function locatePostalCode(postalCode: string): PostalLocation | null {
  const code = Number(postalCode);
  if (!Number.isInteger(code) || postalCode.length !== 4) return null;
  if (GERMAN_SPEAKING_POSTAL_CODES.has(postalCode)) return GERMAN_SPEAKING;
  for (const range of RANGES) {
    if (code >= range.from && code <= range.to) return range.location;
  }
  return null;
}
