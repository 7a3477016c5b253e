import type { Recognition } from '../naric/naric.ts';
import type { Person } from '../national-register/national-register.ts';
import type { Sanction, SanctionRecord } from '../sanctions/sanctions-register.ts';
import type { ShortageStatus, Vacancy } from '../vacancies/vacancies.ts';
import { addDays, earlier } from './dates.ts';
import type { EnterpriseDraft } from './generate-enterprises.ts';
import { FUNCTIONS } from './reference-data.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Vacancies, the VDAB shortage list, NARIC files and sanctions, drawn around the enterprises and people. */

const titleOf = (iscoCode: string) => FUNCTIONS.find((f) => f.iscoCode === iscoCode)?.title ?? iscoCode;

/**
 * Vacancies with VDAB and (often) EURES publications in the months before the reference date:
 * some long enough for the labour-market test (9 weeks on both within 4 months), some not.
 */
export function generateVacancies(
  random: SeededRandom,
  options: { drafts: EnterpriseDraft[]; count: number; referenceDate: string },
): { vacancies: Vacancy[]; demoReferences: string[] } {
  const { referenceDate } = options;
  const [demo] = options.drafts;
  if (!demo) throw new Error('the demo employer comes first');
  const demoPostalCode = demo.enterprise.registeredAddress.postalCode;
  const demoVacancies: Vacancy[] = [
    {
      reference: '71234567',
      enterpriseNumber: demo.enterprise.enterpriseNumber,
      title: 'Bakker',
      iscoCode: '7512',
      workplacePostalCode: demoPostalCode,
      publications: [
        { channel: 'VDAB', from: addDays(referenceDate, -100), to: addDays(referenceDate, -10) },
        { channel: 'EURES', from: addDays(referenceDate, -95), to: addDays(referenceDate, -10) },
      ],
      applicants: 3,
    },
    {
      reference: '71234568',
      enterpriseNumber: demo.enterprise.enterpriseNumber,
      title: 'Winkelbediende',
      iscoCode: '5223',
      workplacePostalCode: demoPostalCode,
      publications: [{ channel: 'VDAB', from: addDays(referenceDate, -40), to: addDays(referenceDate, -5) }],
      applicants: 14,
    },
  ];
  const vacancies = [...demoVacancies];
  const used = new Set(vacancies.map((v) => v.reference));
  const active = options.drafts.slice(1).filter((d) => d.enterprise.status === 'ACTIVE');
  for (let i = 0; i < options.count - demoVacancies.length && active.length > 0; i++) {
    const { enterprise, sector } = random.pick(active);
    let reference = String(random.int(72_000_000, 79_999_999));
    while (used.has(reference)) reference = String(random.int(72_000_000, 79_999_999));
    used.add(reference);
    const iscoCode = random.pick(sector.iscoCodes);
    const from = addDays(referenceDate, -random.int(7, 200));
    const to = addDays(from, random.int(14, 120));
    const publications: Vacancy['publications'] = [{ channel: 'VDAB', from, to }];
    if (random.chance(0.65)) {
      publications.push({
        channel: 'EURES',
        from: addDays(from, random.int(0, 10)),
        to: addDays(to, -random.int(0, 10)),
      });
    }
    vacancies.push({
      reference,
      enterpriseNumber: enterprise.enterpriseNumber,
      title: titleOf(iscoCode),
      iscoCode,
      workplacePostalCode: enterprise.registeredAddress.postalCode,
      publications,
      applicants: random.int(0, 35),
    });
  }
  return { vacancies, demoReferences: demoVacancies.map((v) => v.reference) };
}

/** VDAB's yearly shortage list for the reference year and the two before; bakers stay on it (the demo relies on it). */
export function generateShortageList(random: SeededRandom, referenceDate: string): ShortageStatus[] {
  const thisYear = Number(referenceDate.slice(0, 4));
  const list: ShortageStatus[] = [];
  for (let year = thisYear - 2; year <= thisYear; year++) {
    for (const { iscoCode, title, usuallyShortage } of FUNCTIONS) {
      const flips = iscoCode !== '7512' && random.chance(0.1);
      list.push({ iscoCode, year, title, isShortage: flips ? !usuallyShortage : usuallyShortage });
    }
  }
  return list;
}

/** NARIC files for non-EU people; the first one, for a demo worker, is decided at VKS level 6. */
export function generateRecognitions(
  random: SeededRandom,
  options: {
    applicants: Person[];
    demoApplicant: Person;
    count: number;
    referenceDate: string;
    diplomas: readonly string[];
  },
): Recognition[] {
  const { referenceDate } = options;
  const applicants = [
    options.demoApplicant,
    ...random.shuffle(options.applicants).slice(0, options.count - 1),
  ];
  return applicants.map((person, index) => {
    const isDemo = index === 0;
    const submittedOn = addDays(referenceDate, -(isDemo ? 400 : random.int(10, 700)));
    const status: Recognition['status'] = isDemo
      ? 'DECIDED'
      : random.pickWeighted([
          ['DECIDED', 70],
          ['IN_TREATMENT', 20],
          ['RECEIVED', 10],
        ] as const);
    const isDecided = status === 'DECIDED';
    const isEquivalent = isDecided && (isDemo || random.chance(0.85));
    const levelDecided = isEquivalent
      ? isDemo
        ? 6
        : random.pickWeighted([
            [4, 1],
            [5, 2],
            [6, 4],
            [7, 4],
            [8, 1],
          ] as const)
      : null;
    return {
      reference: `NARIC-${submittedOn.slice(0, 4)}-${String(index + 1).padStart(5, '0')}`,
      insz: isDemo || random.chance(0.9) ? person.insz : null,
      kind: isDemo || random.chance(0.85) ? 'LEVEL' : 'SPECIFIC',
      qualificationTitle: random.pick(options.diplomas),
      issuingCountry: person.nationality,
      submittedOn,
      status,
      decision: isDecided ? (isEquivalent ? 'EQUIVALENT' : 'REFUSED') : null,
      levelDecided,
      decidedOn: isDecided ? earlier(addDays(submittedOn, random.int(30, 120)), referenceDate) : null,
    };
  });
}

const SANCTION_KINDS = [
  // kind, legal basis (reference.md §5.2), how long it has effect (days), weight
  ['EXCLUSION', 'art. 12/1 §1 wet 30 april 1999', [365, 1_095], 3],
  ['ADMINISTRATIVE_FINE', 'art. 181 Sociaal Strafwetboek', [365, 365], 4],
  ['CRIMINAL_CONVICTION', 'art. 175/1 Sociaal Strafwetboek', [1_095, 1_825], 1],
] as const;

/** Sanctions on about one enterprise in twenty (never the demo employer), some on a director personally, some expired. */
export function generateSanctions(
  random: SeededRandom,
  options: { drafts: EnterpriseDraft[]; referenceDate: string },
): SanctionRecord[] {
  const byEnterprise: SanctionRecord[] = [];
  const byPerson = new Map<string, SanctionRecord>();
  let sequence = 1;
  for (const { enterprise } of options.drafts.slice(1)) {
    if (!random.chance(0.06)) continue;
    const sanctions: Sanction[] = [];
    for (let n = random.int(1, 2); n > 0; n--) {
      const [kind, legalBasis, [minDays, maxDays]] = random.pickWeighted(
        SANCTION_KINDS.map((entry) => [entry, entry[3]] as const),
      );
      const imposedOn = addDays(options.referenceDate, -random.int(30, 1_500));
      const director = enterprise.directors.find((d) => d.insz !== null);
      const via = director && random.chance(0.25) ? 'DIRECTOR' : 'EMPLOYER';
      const sanction: Sanction = {
        sanctionId: `S-${String(sequence++).padStart(6, '0')}`,
        kind,
        legalBasis,
        imposedOn,
        endDate: addDays(imposedOn, random.int(minDays, maxDays)),
        via,
      };
      sanctions.push(sanction);
      if (via === 'DIRECTOR' && director?.insz) {
        const record = byPerson.get(director.insz) ?? {
          subject: { kind: 'PERSON', id: director.insz },
          sanctions: [],
        };
        record.sanctions.push(sanction);
        byPerson.set(director.insz, record);
      }
    }
    byEnterprise.push({ subject: { kind: 'ENTERPRISE', id: enterprise.enterpriseNumber }, sanctions });
  }
  return [...byEnterprise, ...byPerson.values()];
}
