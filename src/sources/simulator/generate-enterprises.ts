import { mod97Check } from '../../rules/identifiers/mod97.ts';
import type { Address, Director, Enterprise, Establishment } from '../kbo/enterprise-register.ts';
import type { Person } from '../national-register/national-register.ts';
import { addDays, daysBetween } from './dates.ts';
import {
  BRUSSELS_PLACES,
  DUTCH_STREETS,
  FLEMISH_PLACES,
  FRENCH_STREETS,
  NAMES,
  type Place,
  SECTORS,
  type Sector,
  WALLOON_PLACES,
} from './reference-data.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Synthetic enterprises with valid KBO numbers (reference.md §7.2: 97 − first 8 digits mod 97),
 * mostly in Flanders, some in Brussels and Wallonia (where Flanders is not competent), a few
 * bankrupt or stopped, some founded less than three years ago.
 */

export const DEMO_EMPLOYER_NUMBER = '0403170701';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A KBO-style number: the first digit, seven more, and the two mod-97 check digits. */
export function makeKboNumber(random: SeededRandom, firstDigit: number): string {
  const rest = firstDigit === 0 ? random.int(2_000_000, 9_999_999) : random.int(0, 9_999_999);
  const base = `${firstDigit}${String(rest).padStart(7, '0')}`;
  return base + pad2(mod97Check(base));
}

/** Unique KBO numbers (enterprises 0/1, establishment units 2) across the whole population. */
export function createKboNumberFactory(random: SeededRandom, reserved: readonly string[]) {
  const used = new Set(reserved);
  return (firstDigit: number) => {
    let number = makeKboNumber(random, firstDigit);
    while (used.has(number)) number = makeKboNumber(random, firstDigit);
    used.add(number);
    return number;
  };
}

function makeAddress(random: SeededRandom, place: Place): Address {
  const isFlemish = FLEMISH_PLACES.includes(place);
  return {
    street: random.pick(isFlemish ? DUTCH_STREETS : FRENCH_STREETS),
    houseNumber: String(random.int(1, 250)),
    postalCode: place.postalCode,
    municipality: place.municipality,
  };
}

function pickPlace(random: SeededRandom): Place {
  const region = random.pickWeighted([
    ['FLANDERS', 80],
    ['BRUSSELS', 12],
    ['WALLONIA', 8],
  ] as const);
  return random.pick(
    region === 'FLANDERS' ? FLEMISH_PLACES : region === 'BRUSSELS' ? BRUSSELS_PLACES : WALLOON_PLACES,
  );
}

function directorRole(legalForm: string): Director['role'] {
  if (legalForm === 'NV' || legalForm === 'VZW' || legalForm === 'CV') return 'BESTUURDER';
  return 'ZAAKVOERDER';
}

const nameSuffix = (legalForm: string) => (legalForm === 'EENMANSZAAK' ? '' : ` ${legalForm.toLowerCase()}`);

export interface EnterpriseDraft {
  enterprise: Enterprise;
  sector: Sector;
}

export function generateEnterprises(
  random: SeededRandom,
  options: { count: number; referenceDate: string; directorPool: Person[]; demoDirector: Person },
): { drafts: EnterpriseDraft[]; newNumber: (firstDigit: number) => string } {
  const newNumber = createKboNumberFactory(random, [DEMO_EMPLOYER_NUMBER]);
  const { referenceDate } = options;
  const bakery = SECTORS[0] as Sector;
  const gent = FLEMISH_PLACES[0] as Place;
  const demoAddress: Address = {
    street: 'Korenmarkt',
    houseNumber: '12',
    postalCode: gent.postalCode,
    municipality: gent.municipality,
  };
  const demo: Enterprise = {
    enterpriseNumber: DEMO_EMPLOYER_NUMBER,
    name: 'Bakkerij Peeters bv',
    legalForm: 'BV',
    status: 'ACTIVE',
    startDate: '1987-03-02',
    endDate: null,
    naceCode: bakery.naceCode,
    registeredAddress: demoAddress,
    establishments: [
      {
        establishmentNumber: newNumber(2),
        name: 'Bakkerij Peeters bv',
        startDate: '1987-03-02',
        address: demoAddress,
      },
    ],
    directors: [
      {
        insz: options.demoDirector.insz,
        name: `${options.demoDirector.givenNames[0]} ${options.demoDirector.familyName}`,
        role: 'ZAAKVOERDER',
        since: '2009-01-01',
      },
    ],
  };
  const drafts: EnterpriseDraft[] = [{ enterprise: demo, sector: bakery }];

  const directors = random.shuffle(options.directorPool);
  for (let i = 1; i < options.count; i++) {
    const sector = random.pick(SECTORS);
    const legalForm = random.pick(sector.legalForms) as Enterprise['legalForm'];
    const isRecent = random.chance(0.2);
    const startDate = addDays(referenceDate, -(isRecent ? random.int(20, 1_090) : random.int(1_100, 14_000)));
    // The 1-series exists since 19 Sep 2023 (reference.md §7.2).
    const enterpriseNumber = newNumber(startDate >= '2023-09-19' ? 1 : 0);
    const status = random.pickWeighted([
      ['ACTIVE', 88],
      ['BANKRUPT', 7],
      ['STOPPED', 5],
    ] as const);
    const lifetime = Math.max(1, daysBetween(startDate, referenceDate));
    const endDate =
      status === 'ACTIVE' ? null : addDays(startDate, random.int(Math.ceil(lifetime / 2), lifetime));
    const place = pickPlace(random);
    const registeredAddress = makeAddress(random, place);
    const familyName = random.pick(NAMES.BE?.family ?? ['Peeters']);
    const name = `${sector.nameWord} ${familyName}${nameSuffix(legalForm)}`;
    const establishments: Establishment[] = [
      { establishmentNumber: newNumber(2), name, startDate, address: registeredAddress },
    ];
    for (let e = random.int(0, 2); e > 0; e--) {
      const other = random.chance(0.7) ? random.pick(FLEMISH_PLACES) : pickPlace(random);
      establishments.push({
        establishmentNumber: newNumber(2),
        name: `${name} ${other.municipality}`,
        startDate: addDays(startDate, random.int(0, lifetime)),
        address: makeAddress(random, other),
      });
    }
    const enterpriseDirectors: Director[] = [];
    for (let d = legalForm === 'EENMANSZAAK' ? 1 : random.int(1, 2); d > 0; d--) {
      const person = directors.pop();
      const foreign = !person || random.chance(0.1);
      const nationality = random.pick(['NL', 'US', 'IN', 'CN']);
      const pool = NAMES[nationality];
      enterpriseDirectors.push({
        insz: foreign ? null : person.insz,
        name: foreign
          ? `${random.pick(pool?.male ?? ['John'])} ${random.pick(pool?.family ?? ['Smith'])}`
          : `${person.givenNames[0]} ${person.familyName}`,
        role: d === 2 ? 'GEDELEGEERD_BESTUURDER' : directorRole(legalForm),
        since: startDate,
      });
    }
    drafts.push({
      enterprise: {
        enterpriseNumber,
        name,
        legalForm,
        status,
        startDate,
        endDate,
        naceCode: sector.naceCode,
        registeredAddress,
        establishments,
        directors: enterpriseDirectors,
      },
      sector,
    });
  }
  return { drafts, newNumber };
}
