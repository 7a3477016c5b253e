import type { DimonaPeriod } from '../dimona/dimona.ts';
import type { Address, Enterprise } from '../kbo/enterprise-register.ts';
import type { Person } from '../national-register/national-register.ts';
import { addDays, daysBetween, later, type Quarter, randomDateBetween } from './dates.ts';
import type { PersonSpec } from './generate-people.ts';
import type { EmployerPlan } from './monitoring-plan.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * The planted infringements and their honest look-alikes of the monitoring population (issue 14):
 * what each plan kind changes in an employer's hires and register records. generate-monitoring.ts
 * draws the employers and their hires and calls `plantCase` for each; the random draws happen in
 * the same order as when this was one function, so a seed still gives the same population.
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

export interface Hire {
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

/** The generator's tools and shared state that planting a case uses. */
export interface PlantingKit {
  random: SeededRandom;
  referenceDate: string;
  quarters: Quarter[];
  latestQuarter: string;
  period(enterpriseNumber: string, insz: string, jointCommittee: string, start: string): DimonaPeriod;
  endPeriod(period: DimonaPeriod, end: string): void;
  sanction(kind: 'ENTERPRISE' | 'PERSON', id: string, via: 'EMPLOYER' | 'DIRECTOR', active: boolean): void;
  /** An ordinary employer to be declared at, without an authorisation there. */
  elsewhere(): Enterprise;
  pickSome(list: Hire[], max: number): Hire[];
  address(): Address;
  /** A new person, added to the population. */
  newPerson(spec: PersonSpec): Person;
  personOf(insz: string): Person | undefined;
  addHire(hire: Hire): void;
  nextAuthorisationId(): string;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Changes the employer's hires and records as its plan says; returns the hires that carry the case. */
export function plantCase(
  kit: PlantingKit,
  enterprise: Enterprise,
  plan: EmployerPlan,
  staff: Hire[],
): Hire[] {
  const { random, quarters, latestQuarter, period, endPeriod, sanction, elsewhere, pickSome, address } = kit;
  const R = kit.referenceDate;
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
      const front = kit.newPerson({
        nationality: 'BE',
        registeredInBelgium: true,
        bornBetween: [1960, 1995],
      });
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
        const person = kit.personOf(h.auth.insz);
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
            authorisationId: kit.nextAuthorisationId(),
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
        kit.addHire(follow);
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
      const next = kit.newPerson({ nationality: 'BE', registeredInBelgium: true, bornBetween: [1960, 1995] });
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
        const person = kit.personOf(h.auth.insz);
        if (person) person.mainAddress = { ...shared };
        marked.push(h);
      }
      break;
    }
  }
  return marked;
}

export function moveValidity(auth: SimulatedAuthorisation, validFrom: string): void {
  const lead = daysBetween(auth.grantedOn, auth.validFrom);
  auth.validFrom = validFrom;
  auth.grantedOn = addDays(validFrom, -lead);
  auth.validUntil = addDays(validFrom, 3 * 365 - 1);
}
