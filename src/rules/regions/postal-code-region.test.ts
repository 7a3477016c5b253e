import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locatePostalCode } from './postal-code-region.ts';

describe('postal code → region and province (reference.md §9)', () => {
  it.each([
    ['1000', 'BRUSSELS', null],
    ['1299', 'BRUSSELS', null],
    ['1300', 'WALLONIA', null],
    ['1499', 'WALLONIA', null],
    ['1500', 'FLANDERS', 'VLAAMS_BRABANT'],
    ['1999', 'FLANDERS', 'VLAAMS_BRABANT'],
    ['2000', 'FLANDERS', 'ANTWERPEN'],
    ['3000', 'FLANDERS', 'VLAAMS_BRABANT'],
    ['3499', 'FLANDERS', 'VLAAMS_BRABANT'],
    ['3500', 'FLANDERS', 'LIMBURG'],
    ['4000', 'WALLONIA', null],
    ['4690', 'WALLONIA', null],
    ['4800', 'WALLONIA', null],
    ['6600', 'WALLONIA', null],
    ['8000', 'FLANDERS', 'WEST_VLAANDEREN'],
    ['9000', 'FLANDERS', 'OOST_VLAANDEREN'],
    ['9999', 'FLANDERS', 'OOST_VLAANDEREN'],
  ])('%s is in %s (%s)', (code, region, province) => {
    expect(locatePostalCode(code)).toEqual({ region, province, authority: region });
  });

  // The nine municipalities of the German-speaking Community: Walloon Region, own competence.
  it.each(['4700', '4701', '4711', '4721', '4728', '4731', '4750', '4761', '4771', '4784', '4791'])(
    '%s is in the German-speaking Community, which is competent itself',
    (code) => {
      expect(locatePostalCode(code)).toEqual({
        region: 'WALLONIA',
        province: null,
        authority: 'GERMAN_SPEAKING_COMMUNITY',
      });
    },
  );

  it('answers null outside 1000–9999', () => {
    expect(locatePostalCode('0999')).toBeNull();
    expect(locatePostalCode('123')).toBeNull();
    expect(locatePostalCode('12a4')).toBeNull();
  });

  it('gives every code 1000–9999 a region, and a province exactly when in Flanders', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), (code) => {
        const location = locatePostalCode(String(code));
        return location !== null && (location.region === 'FLANDERS') === (location.province !== null);
      }),
    );
  });
});
