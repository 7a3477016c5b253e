import { inszCheckDigits } from '../../rules/identifiers/insz.ts';
import type { Person } from '../national-register/national-register.ts';
import { EU_NATIONALITIES, NAMES, NATIONALITY_WEIGHTS, type NamePool } from './reference-data.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Synthetic people with valid INSZ numbers (reference.md §7.1): `YYMMDD SSS CC`, the day counter
 * odd for men and even for women, check digits by the pre- or post-2000 rule. Residents get a
 * national-register number; people not registered in Belgium get a BIS number (month + 40, sex known).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function makeInsz(random: SeededRandom, birthDate: string, sex: 'M' | 'F', isBis: boolean): string {
  const year = Number(birthDate.slice(0, 4));
  const month = Number(birthDate.slice(5, 7)) + (isBis ? 40 : 0);
  const counter = 2 * random.int(0, 498) + (sex === 'M' ? 1 : 2);
  const firstNine = `${birthDate.slice(2, 4)}${pad(month)}${birthDate.slice(8, 10)}${pad(counter, 3)}`;
  return firstNine + inszCheckDigits(firstNine, year >= 2000);
}

function namePool(nationality: string): NamePool {
  const pool = NAMES[nationality] ?? NAMES.BE;
  if (!pool) throw new Error('the Belgian name pool is missing');
  return pool;
}

export interface PersonSpec {
  nationality?: string;
  sex?: 'M' | 'F';
  registeredInBelgium?: boolean;
  givenName?: string;
  familyName?: string;
  bornBetween?: readonly [number, number];
}

/** People generator that keeps every INSZ unique. */
export function createPersonFactory(random: SeededRandom, reserved: Iterable<string> = []) {
  const used = new Set<string>(reserved);
  return function makePerson(spec: PersonSpec = {}): Person {
    const nationality = spec.nationality ?? random.pickWeighted(NATIONALITY_WEIGHTS);
    const sex = spec.sex ?? (random.chance(0.5) ? 'M' : 'F');
    const isEu = EU_NATIONALITIES.includes(nationality);
    const registeredInBelgium =
      spec.registeredInBelgium ?? (nationality === 'BE' || random.chance(isEu ? 0.8 : 0.55));
    const [fromYear, toYear] = spec.bornBetween ?? [1962, 2004];
    const birthDate = `${random.int(fromYear, toYear)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    let insz = makeInsz(random, birthDate, sex, !registeredInBelgium);
    while (used.has(insz)) insz = makeInsz(random, birthDate, sex, !registeredInBelgium);
    used.add(insz);
    const pool = namePool(nationality);
    const names = sex === 'M' ? pool.male : pool.female;
    const givenNames = [spec.givenName ?? random.pick(names)];
    // Belgians often carry a second given name.
    if (nationality === 'BE' && random.chance(0.6)) {
      const second = random.pick(names);
      if (second !== givenNames[0]) givenNames.push(second);
    }
    return {
      insz,
      familyName: spec.familyName ?? random.pick(pool.family),
      givenNames,
      birthDate,
      sex,
      nationality,
      registeredInBelgium,
    };
  };
}

export function isEuNational(person: Person): boolean {
  return EU_NATIONALITIES.includes(person.nationality);
}
