import type { Province, Region } from '../contract.ts';

/**
 * Belgian postal code → region and Flemish province (reference.md §9). The competent region is
 * the one where the work is done (art. 6 §1 IX special law 8 Aug 1980), so the workplace decides.
 * German-speaking municipalities (47xx) belong to the province of Liège and are returned as
 * WALLONIA: the contract has no separate value and Flanders is not competent there either.
 */

export interface PostalLocation {
  readonly region: Region;
  readonly province: Province | null;
}

interface Range {
  readonly from: number;
  readonly to: number;
  readonly location: PostalLocation;
}

const at = (region: Region, province: Province | null = null): PostalLocation =>
  Object.freeze({ region, province });

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
  for (const range of RANGES) {
    if (code >= range.from && code <= range.to) return range.location;
  }
  return null;
}
