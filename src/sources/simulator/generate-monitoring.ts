import type { DimonaPeriod } from '../dimona/dimona.ts';
import type { DmfaWorkerQuarter } from '../dmfa/dmfa.ts';
import type { Address, Enterprise } from '../kbo/enterprise-register.ts';
import type { Person } from '../national-register/national-register.ts';
import type { SanctionRecord } from '../sanctions/sanctions-register.ts';
import { addDays, completedQuartersBefore, daysBetween, earlier, later } from './dates.ts';
import { createKboNumberFactory } from './generate-enterprises.ts';
import { createPersonFactory } from './generate-people.ts';
import { generateStaffAndMoves } from './generate-staff.ts';
import {
  type Hire,
  type PlantingKit,
  plantCase,
  round2,
  type SimulatedAuthorisation,
} from './monitoring-cases.ts';
import {
  type EmployerPlan,
  LOOK_ALIKE_KINDS,
  type LookAlikeKind,
  PLANTED_KINDS,
  type PlantedKind,
  planEmployer,
} from './monitoring-plan.ts';
import { indexPopulation, type Population } from './population.ts';
import { DUTCH_STREETS, FLEMISH_PLACES, NAMES, SECTORS } from './reference-data.ts';
import { createSeededRandom } from './seeded-random.ts';

/**
 * A population of GRANTED authorisations to monitor after the grant (issue 14), with the register
 * records that go with them: a few employers planted with a real infringement (underpaid workers,
 * workers never declared, bankrupt employers, sanctioned directors, hubs, many workers at one
 * address) and more employers with an honest look-alike (part-time, sick leave, a quarter not yet
 * declared, a late Dimona, a one-off bonus, a worker who left legally, a large employer, ...).
 *
 * The authorisations are what Loket's dossiers would hold (the promise); the registers hold what
 * happened. The ground truth (`truth`) says which employers were planted: only the benchmark and
 * the tests read it, never the product.
 */

export interface MonitoringTruth {
  seed: number;
  referenceDate: string;
  /**
   * Employers with a planted infringement, and which of their authorisations carry it (empty: the
   * employer as a whole); `moved` when the shell also moved its seat since the filing.
   */
  planted: Array<{ enterpriseNumber: string; kind: PlantedKind; authorisationIds: string[]; moved?: true }>;
  /** Employers with an honest look-alike: not an infringement. */
  lookAlikes: Array<{ enterpriseNumber: string; kind: LookAlikeKind; authorisationIds: string[] }>;
}

export interface MonitoringPopulation {
  authorisations: SimulatedAuthorisation[];
  enterprises: Enterprise[];
  people: Person[];
  employments: DimonaPeriod[];
  dmfaQuarters: DmfaWorkerQuarter[];
  sanctions: SanctionRecord[];
  truth: MonitoringTruth;
}

export interface MonitoringOptions {
  seed: number;
  referenceDate: string;
  authorisations: number;
  /** INSZ and KBO numbers already used by the rest of the population. */
  reservedInsz?: Iterable<string>;
  reservedEnterpriseNumbers?: readonly string[];
}

/** Ordinary monthly pay × 13.92 = the annual salary (12 months, double holiday pay 0.92, year-end premium 1). */
export const MONTHS_PER_YEAR = 13.92;
const NON_EU = ['IN', 'MA', 'TR', 'PH', 'UA', 'BR', 'CN', 'US', 'NG'] as const;

/** The base population with the monitoring population's register records added (INSZ and KBO numbers kept apart). */
export function withMonitoring(
  base: Population,
  authorisations: number,
): { population: Population; monitoring: MonitoringPopulation } {
  const monitoring = generateMonitoringPopulation({
    seed: base.seed,
    referenceDate: base.referenceDate,
    authorisations,
    reservedInsz: base.people.map((p) => p.insz),
    reservedEnterpriseNumbers: base.enterprises.map((e) => e.enterpriseNumber),
  });
  const population = indexPopulation({
    ...base,
    enterprises: [...base.enterprises, ...monitoring.enterprises],
    people: [...base.people, ...monitoring.people],
    employments: [...base.employments, ...monitoring.employments],
    dmfaQuarters: [...base.dmfaQuarters, ...monitoring.dmfaQuarters],
    sanctions: [...base.sanctions, ...monitoring.sanctions],
  });
  return { population, monitoring };
}

export function generateMonitoringPopulation(options: MonitoringOptions): MonitoringPopulation {
  const random = createSeededRandom(options.seed ^ 0x6d6f_6e69);
  const R = options.referenceDate;
  const makePerson = createPersonFactory(random, options.reservedInsz ?? []);
  const newNumber = createKboNumberFactory(random, options.reservedEnterpriseNumbers ?? []);
  const quarters = completedQuartersBefore(R, 4);
  const enterprises: Enterprise[] = [];
  const people: Person[] = [];
  const byInsz = new Map<string, Person>();
  const sanctions: SanctionRecord[] = [];
  const hires: Hire[] = [];
  const truth: MonitoringTruth = { seed: options.seed, referenceDate: R, planted: [], lookAlikes: [] };
  let dimonaSequence = 5_000_000;
  let authSequence = 1;
  let sanctionSequence = 900_000;

  const address = (place = random.pick(FLEMISH_PLACES)): Address => ({
    street: random.pick(DUTCH_STREETS),
    houseNumber: String(random.int(1, 250)),
    postalCode: place.postalCode,
    municipality: place.municipality,
  });
  const period = (enterpriseNumber: string, insz: string, jc: string, start: string): DimonaPeriod => ({
    dimonaId: String(dimonaSequence++),
    enterpriseNumber,
    insz,
    jointCommittee: jc,
    workerType: 'OTH',
    startDate: start,
    endDate: null,
    declarations: [{ type: 'IN', declaredOn: addDays(start, -random.int(0, 2)) }],
  });
  const endPeriod = (p: DimonaPeriod, end: string) => {
    p.endDate = end;
    p.declarations.push({ type: 'OUT', declaredOn: addDays(end, 1) });
  };
  const sanction = (
    kind: 'ENTERPRISE' | 'PERSON',
    id: string,
    via: 'EMPLOYER' | 'DIRECTOR',
    active: boolean,
  ) => {
    const imposedOn = addDays(R, active ? -random.int(20, 300) : -random.int(900, 1_400));
    sanctions.push({
      subject: { kind, id },
      sanctions: [
        {
          sanctionId: `S-${sanctionSequence++}`,
          kind: active ? 'EXCLUSION' : 'ADMINISTRATIVE_FINE',
          legalBasis: active ? 'art. 12/1 §1 wet 30 april 1999' : 'art. 181 Sociaal Strafwetboek',
          imposedOn,
          endDate: active ? addDays(R, random.int(60, 700)) : addDays(imposedOn, 365),
          via,
        },
      ],
    });
  };

  const employers: Array<{ enterprise: Enterprise; plan: EmployerPlan; hires: Hire[] }> = [];
  let remaining = options.authorisations;
  while (remaining > 0) {
    const plan = planEmployer(random);
    const size = Math.min(remaining, plan.size);
    remaining -= size;
    const picked = random.pick(SECTORS);
    // The Belgian branch of a foreign IT group: its transferred engineers are the look-alike.
    const branch = plan.kind === 'INTERNATIONAL_BRANCH';
    const sector = branch ? (SECTORS.find((s) => s.naceCode === '62010') ?? picked) : picked;
    const place = random.pick(FLEMISH_PLACES);
    const directorPerson = makePerson({
      nationality: 'BE',
      registeredInBelgium: true,
      bornBetween: [1960, 1990],
    });
    people.push(directorPerson);
    const family = random.pick(NAMES.BE?.family ?? ['Peeters']);
    const enterprise: Enterprise = {
      enterpriseNumber: newNumber(random.chance(0.3) ? 1 : 0),
      name: `${sector.nameWord} ${family} ${sector.legalForms[0]?.toLowerCase() ?? 'bv'}`,
      legalForm: (sector.legalForms[0] ?? 'BV') as Enterprise['legalForm'],
      status: 'ACTIVE',
      startDate: addDays(R, -random.int(800, 9_000)),
      endDate: null,
      naceCode: sector.naceCode,
      registeredAddress: address(place),
      establishments: [],
      directors: [
        {
          insz: directorPerson.insz,
          name: `${directorPerson.givenNames[0]} ${directorPerson.familyName}`,
          role: 'ZAAKVOERDER',
          since: addDays(R, -random.int(1_000, 4_000)),
        },
      ],
    };
    enterprises.push(enterprise);
    const employerHires: Hire[] = [];
    for (let i = 0; i < size; i++) {
      const drawn = random.pick(NON_EU);
      const nationality = branch ? 'IN' : drawn;
      const worker = makePerson({ nationality, registeredInBelgium: true, bornBetween: [1975, 2003] });
      worker.mainAddress = address(random.chance(0.7) ? place : random.pick(FLEMISH_PLACES));
      people.push(worker);
      byInsz.set(worker.insz, worker);
      const validFrom = addDays(R, -random.int(130, 900));
      const monthly = Math.round(random.int(sector.monthlyWage[0], sector.monthlyWage[1]) / 10) * 10;
      const fraction = random.chance(0.9) ? 1 : 0.8;
      const auth: SimulatedAuthorisation = {
        authorisationId: `MON-${String(authSequence++).padStart(6, '0')}`,
        enterpriseNumber: enterprise.enterpriseNumber,
        insz: worker.insz,
        nationality,
        grossAnnualSalary: Math.round(monthly * MONTHS_PER_YEAR * fraction),
        employmentFraction: fraction,
        grantedOn: addDays(validFrom, -random.int(10, 60)),
        validFrom,
        validUntil: addDays(validFrom, 3 * 365 - 1),
        workplacePostalCode: place.postalCode,
        jointCommittee: sector.jointCommittee,
        filedEmployerAddress: { address: enterprise.registeredAddress, readAt: '', requestId: '' },
      };
      const start = addDays(validFrom, random.int(0, 25));
      employerHires.push({
        auth,
        monthly: monthly * fraction,
        periods: [period(enterprise.enterpriseNumber, worker.insz, sector.jointCommittee, start)],
        payFactor: () => 1,
        workShare: () => 1,
        premiums: true,
        skipQuarters: new Set(),
      });
    }
    employers.push({ enterprise, plan, hires: employerHires });
    hires.push(...employerHires);
  }

  // Somewhere else to be declared: ordinary employers (no authorisation for the worker there).
  const ordinary = employers.filter((e) => e.plan.kind === null).map((e) => e.enterprise);
  const elsewhere = () => random.pick(ordinary.length > 0 ? ordinary : enterprises);
  const pickSome = (list: Hire[], max: number) =>
    random.shuffle(list).slice(0, random.int(1, Math.min(max, list.length)));
  const latestQuarter = quarters[quarters.length - 1]?.id ?? '';

  const kit: PlantingKit = {
    random,
    referenceDate: R,
    quarters,
    latestQuarter,
    period,
    endPeriod,
    sanction,
    elsewhere,
    pickSome,
    address: () => address(),
    newPerson: (spec) => {
      const person = makePerson(spec);
      people.push(person);
      return person;
    },
    personOf: (insz) => byInsz.get(insz),
    addHire: (hire) => hires.push(hire),
    nextAuthorisationId: () => `MON-${String(authSequence++).padStart(6, '0')}`,
  };

  for (const { enterprise, plan, hires: staff } of employers) {
    if (plan.kind === null || staff.length === 0) continue;
    const marked = plantCase(kit, enterprise, plan, staff);
    const entry = {
      enterpriseNumber: enterprise.enterpriseNumber,
      authorisationIds: marked.map((h) => h.auth.authorisationId),
    };
    if ((PLANTED_KINDS as readonly string[]).includes(plan.kind))
      truth.planted.push({ ...entry, kind: plan.kind as PlantedKind });
    else truth.lookAlikes.push({ ...entry, kind: plan.kind as LookAlikeKind });
  }

  // The address the register check read at filing, a month before the grant (before any move).
  for (const { auth } of hires) {
    auth.filedEmployerAddress = {
      address: { ...auth.filedEmployerAddress.address },
      readAt: `${addDays(auth.grantedOn, -30)}T09:00:00.000Z`,
      requestId: `SIM-KBO-${auth.authorisationId}`,
    };
  }
  const staff = generateStaffAndMoves(
    options.seed,
    R,
    employers.map(({ enterprise, plan, hires: own }) => ({ enterprise, plan, permits: own.length })),
    [...(options.reservedInsz ?? []), ...people.map((p) => p.insz)],
  );
  for (const entry of truth.planted) if (staff.moved.has(entry.enterpriseNumber)) entry.moved = true;

  return {
    authorisations: hires.map((h) => h.auth),
    enterprises,
    people: [...people, ...staff.people],
    employments: [...hires.flatMap((h) => h.periods), ...staff.employments],
    dmfaQuarters: declareQuarters(hires, quarters, enterprises),
    sanctions,
    truth,
  };
}

/** DmfA per worker per quarter: one line per employer period that overlaps the quarter. */
function declareQuarters(
  hires: Hire[],
  quarters: ReturnType<typeof completedQuartersBefore>,
  enterprises: Enterprise[],
): DmfaWorkerQuarter[] {
  const closed = new Map(enterprises.map((e) => [e.enterpriseNumber, e.endDate] as const));
  const result: DmfaWorkerQuarter[] = [];
  for (const hire of hires) {
    for (const quarter of quarters) {
      if (hire.skipQuarters.has(quarter.id)) continue;
      const lines: DmfaWorkerQuarter['lines'] = [];
      for (const p of hire.periods) {
        const from = later(p.startDate, quarter.first);
        const to = earlier(
          earlier(p.endDate ?? quarter.last, quarter.last),
          closed.get(p.enterpriseNumber) ?? quarter.last,
        );
        if (to < from) continue;
        const own = p.enterpriseNumber === hire.auth.enterpriseNumber;
        const share =
          ((daysBetween(from, to) + 1) / (daysBetween(quarter.first, quarter.last) + 1)) *
          (own ? hire.workShare(quarter.id) : 1);
        const days = Math.max(1, Math.round(65 * share * (own ? hire.auth.employmentFraction : 1)));
        const wages = [
          { code: '1', amount: round2(hire.monthly * 3 * share * (own ? hire.payFactor(quarter.id) : 1)) },
        ];
        const fullQuarter = from === quarter.first && to === quarter.last;
        if (own && hire.premiums && fullQuarter && quarter.id.endsWith('Q2'))
          wages.push({ code: '2', amount: round2(hire.monthly * 0.92) });
        if (own && hire.premiums && fullQuarter && quarter.id.endsWith('Q4'))
          wages.push({ code: '2', amount: round2(hire.monthly) });
        if (own && hire.bonus?.quarter === quarter.id) wages.push({ code: '2', amount: hire.bonus.amount });
        lines.push({
          enterpriseNumber: p.enterpriseNumber,
          jointCommittee: p.jointCommittee,
          workerCode: '015',
          days,
          hours: Math.round(days * 7.6 * 10) / 10,
          wages,
        });
      }
      if (lines.length > 0) result.push({ insz: hire.auth.insz, quarter: quarter.id, lines });
    }
  }
  return result;
}

export type { LookAlikeKind, PlantedKind };
export { LOOK_ALIKE_KINDS, PLANTED_KINDS };
