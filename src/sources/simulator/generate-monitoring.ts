import type { DimonaPeriod } from '../dimona/dimona.ts';
import type { DmfaWorkerQuarter } from '../dmfa/dmfa.ts';
import type { Address, Enterprise } from '../kbo/enterprise-register.ts';
import type { Person } from '../national-register/national-register.ts';
import type { SanctionRecord } from '../sanctions/sanctions-register.ts';
import { addDays, completedQuartersBefore, daysBetween, earlier, later, randomDateBetween } from './dates.ts';
import { createKboNumberFactory } from './generate-enterprises.ts';
import { createPersonFactory } from './generate-people.ts';
import { generateStaffAndMoves } from './generate-staff.ts';
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

/** What a granted dossier tells the monitoring: the promise, the worker, the period. */
export interface SimulatedAuthorisation {
  authorisationId: string;
  enterpriseNumber: string;
  insz: string;
  nationality: string;
  /** Gross annual salary promised in the application (12 months + holiday pay + year-end premium). */
  grossAnnualSalary: number;
  employmentFraction: number;
  grantedOn: string;
  validFrom: string;
  validUntil: string;
  workplacePostalCode: string;
  jointCommittee: string;
  /** The employer's registered address as the KBO gave it to the register check at filing. */
  filedEmployerAddress: { address: Address; readAt: string; requestId: string };
}

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
const round2 = (n: number) => Math.round(n * 100) / 100;

interface Hire {
  auth: SimulatedAuthorisation;
  monthly: number;
  /** Dimona periods of this worker, in order (the first with this employer unless planted otherwise). */
  periods: DimonaPeriod[];
  /** Pay factor per quarter id (1 = as promised), and the worked share per quarter (part-time, sick leave). */
  payFactor: (quarter: string) => number;
  workShare: (quarter: string) => number;
  bonus?: { quarter: string; amount: number };
  premiums: boolean;
  /** Quarters left out of DmfA (not yet declared). */
  skipQuarters: Set<string>;
}

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

  for (const { enterprise, plan, hires: staff } of employers) {
    if (plan.kind === null || staff.length === 0) continue;
    const marked: Hire[] = [];
    switch (plan.kind) {
      case 'UNDERPAID':
        for (const h of pickSome(staff, 3)) {
          const factor = 0.5 + random.next() * 0.35;
          h.payFactor = () => factor;
          h.premiums = false;
          marked.push(h);
        }
        break;
      case 'UNDECLARED':
        for (const h of pickSome(staff, 2)) {
          h.periods = [];
          moveValidity(h.auth, addDays(R, -random.int(200, 700)));
          marked.push(h);
        }
        break;
      case 'DECLARED_ELSEWHERE':
        for (const h of pickSome(staff, 2)) {
          const other = elsewhere();
          const first = h.periods[0];
          h.periods = [
            period(other.enterpriseNumber, h.auth.insz, '200', first?.startDate ?? h.auth.validFrom),
          ];
          marked.push(h);
        }
        break;
      case 'EMPLOYER_BANKRUPT':
      case 'EMPLOYER_STOPPED': {
        const latestStart = staff.reduce((d, h) => later(d, h.periods[0]?.startDate ?? d), addDays(R, -900));
        const end = randomDateBetween(
          random.int,
          later(addDays(latestStart, 30), addDays(R, -200)),
          addDays(R, -20),
        );
        enterprise.status = plan.kind === 'EMPLOYER_BANKRUPT' ? 'BANKRUPT' : 'STOPPED';
        enterprise.endDate = end;
        for (const h of staff) for (const p of h.periods) if (p.startDate < end) endPeriod(p, end);
        break;
      }
      case 'SANCTIONED_EMPLOYER':
        sanction('ENTERPRISE', enterprise.enterpriseNumber, 'EMPLOYER', true);
        break;
      case 'SANCTIONED_DIRECTOR': {
        // A front man: a new director, sanctioned, appointed after the grant.
        const front = makePerson({ nationality: 'BE', registeredInBelgium: true, bornBetween: [1960, 1995] });
        people.push(front);
        enterprise.directors = [
          {
            insz: front.insz,
            name: `${front.givenNames[0]} ${front.familyName}`,
            role: 'ZAAKVOERDER',
            since: addDays(R, -random.int(30, 120)),
          },
        ];
        sanction('PERSON', front.insz, 'DIRECTOR', true);
        break;
      }
      case 'HUB':
        for (const h of staff) {
          if (!random.chance(0.8)) continue;
          const first = h.periods[0];
          if (!first) continue;
          const end = addDays(first.startDate, random.int(20, 80));
          endPeriod(first, end);
          h.periods.push(
            period(elsewhere().enterpriseNumber, h.auth.insz, '200', addDays(end, random.int(1, 10))),
          );
          marked.push(h);
        }
        break;
      case 'SHARED_ADDRESS': {
        const shared = address();
        for (const h of staff.slice(0, Math.max(6, staff.length - 1))) {
          const person = byInsz.get(h.auth.insz);
          if (person) person.mainAddress = { ...shared };
          marked.push(h);
        }
        break;
      }
      case 'PART_TIME':
        for (const h of pickSome(staff, 2)) {
          const from = random.pick(quarters).id;
          h.workShare = (q) => (q >= from ? 0.5 : 1);
          marked.push(h);
        }
        break;
      case 'SICK_LEAVE':
        for (const h of pickSome(staff, 1)) {
          const q = random.pick(quarters).id;
          h.workShare = (x) => (x === q ? 0.3 : 1);
          marked.push(h);
        }
        break;
      case 'QUARTER_NOT_DECLARED':
        for (const h of staff) h.skipQuarters.add(latestQuarter);
        break;
      case 'LATE_DIMONA':
        for (const h of pickSome(staff, 2)) {
          const first = h.periods[0];
          if (first?.declarations[0])
            first.declarations[0].declaredOn = addDays(first.startDate, random.int(3, 20));
          marked.push(h);
        }
        break;
      case 'ONE_OFF_BONUS':
        for (const h of pickSome(staff, 1)) {
          h.payFactor = () => 0.8;
          h.premiums = false;
          h.bonus = { quarter: random.pick(quarters.slice(0, 3)).id, amount: round2(h.monthly * 4.5) };
          marked.push(h);
        }
        break;
      case 'LEFT_LEGALLY':
        for (const h of pickSome(staff, 2)) {
          const first = h.periods[0];
          if (!first) continue;
          const end = addDays(first.startDate, random.int(200, 400));
          if (end >= addDays(R, -30)) continue;
          endPeriod(first, end);
          // The new employer applied for, and got, its own authorisation for the worker.
          const next = elsewhere();
          const start = addDays(end, random.int(1, 20));
          h.periods.push(period(next.enterpriseNumber, h.auth.insz, '200', start));
          const follow: Hire = {
            auth: {
              ...h.auth,
              authorisationId: `MON-${String(authSequence++).padStart(6, '0')}`,
              enterpriseNumber: next.enterpriseNumber,
              grantedOn: addDays(start, -random.int(5, 40)),
              validFrom: start,
              validUntil: addDays(start, 3 * 365 - 1),
              filedEmployerAddress: { address: next.registeredAddress, readAt: '', requestId: '' },
            },
            monthly: h.monthly,
            periods: [],
            payFactor: () => 1,
            workShare: () => 1,
            premiums: true,
            skipQuarters: new Set(),
          };
          hires.push(follow);
          marked.push(h);
        }
        break;
      case 'LARGE_EMPLOYER':
      case 'ALMOST_ONLY_NON_EU':
      case 'SMALL_NON_EU_TEAM':
      case 'INTERNATIONAL_BRANCH':
      case 'MOVED':
        // The staff beside the permit workers and the moves: generate-staff.ts.
        break;
      case 'DIRECTORS_CHANGED': {
        const next = makePerson({ nationality: 'BE', registeredInBelgium: true, bornBetween: [1960, 1995] });
        people.push(next);
        enterprise.directors.push({
          insz: next.insz,
          name: `${next.givenNames[0]} ${next.familyName}`,
          role: 'ZAAKVOERDER',
          since: addDays(R, -random.int(30, 200)),
        });
        enterprise.directors.shift();
        break;
      }
      case 'EXPIRED_SANCTION': {
        const director = enterprise.directors[0]?.insz;
        if (director) sanction('PERSON', director, 'DIRECTOR', false);
        break;
      }
      case 'ARRIVED_LATE':
        for (const h of pickSome(staff, 2)) {
          const first = h.periods[0];
          if (!first) continue;
          // Visa took months: the permit started, work began later (or has not yet).
          const arrival = addDays(h.auth.validFrom, random.int(40, 110));
          if (arrival > addDays(R, -10)) h.periods = [];
          else h.periods = [period(enterprise.enterpriseNumber, h.auth.insz, first.jointCommittee, arrival)];
          if (h.periods.length === 0) moveValidity(h.auth, addDays(R, -random.int(20, 90)));
          marked.push(h);
        }
        break;
      case 'SMALL_SHARED_HOUSE': {
        const shared = address();
        for (const h of staff.slice(0, 3)) {
          const person = byInsz.get(h.auth.insz);
          if (person) person.mainAddress = { ...shared };
          marked.push(h);
        }
        break;
      }
    }
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

function moveValidity(auth: SimulatedAuthorisation, validFrom: string): void {
  const lead = daysBetween(auth.grantedOn, auth.validFrom);
  auth.validFrom = validFrom;
  auth.grantedOn = addDays(validFrom, -lead);
  auth.validUntil = addDays(validFrom, 3 * 365 - 1);
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
