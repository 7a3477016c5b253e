import type { DimonaPeriod } from '../dimona/dimona.ts';
import type { Address, Enterprise } from '../kbo/enterprise-register.ts';
import type { Person } from '../national-register/national-register.ts';
import { addDays } from './dates.ts';
import { createPersonFactory } from './generate-people.ts';
import type { EmployerPlan } from './monitoring-plan.ts';
import { DUTCH_STREETS, FLEMISH_PLACES } from './reference-data.ts';
import { createSeededRandom } from './seeded-random.ts';

/**
 * The rest of each monitored employer's staff (generate-monitoring.ts makes only its permit
 * workers) and the moves of registered addresses, drawn from their own seeded stream so the
 * permits, wages and planted infringements stay as they were.
 *
 * Ordinary employers employ mostly Belgians and other EU nationals beside their permit workers, and
 * a few non-EU nationals who need no permit (refugees, family members). Planted: an employer
 * working almost only with non-EU staff. Look-alikes: a two-person team of non-EU cooks (under the
 * headcount the rule starts from), the Belgian branch of a foreign IT group staffed by transferred
 * engineers (a legal pattern the signal still shows), an enterprise that moved for ordinary reasons.
 * Some shells among the planted cases moved their seat to a domiciliation address.
 */

const EU_STAFF = ['NL', 'PL', 'RO', 'NL', 'PL', 'RO', 'FR', 'DE', 'IT', 'ES', 'PT'] as const;
/** Non-EU nationals with free access to the labour market (no permit): refugees, family members. */
const NON_EU_FREE = ['MA', 'TR', 'UA', 'NG'] as const;
const NON_EU = ['IN', 'MA', 'TR', 'PH', 'UA', 'BR', 'CN', 'NG'] as const;
/** Planted kinds whose shell may have moved its seat since the filing. */
const SHELLS = new Set([
  'UNDECLARED',
  'DECLARED_ELSEWHERE',
  'HUB',
  'EMPLOYER_STOPPED',
  'SANCTIONED_DIRECTOR',
]);

export interface StaffedEmployer {
  enterprise: Enterprise;
  plan: EmployerPlan;
  /** How many permit workers it has. */
  permits: number;
}

export interface StaffResult {
  people: Person[];
  employments: DimonaPeriod[];
  /** Employers whose registered address the KBO now gives differently from the filing. */
  moved: Set<string>;
}

export function generateStaffAndMoves(
  seed: number,
  referenceDate: string,
  employers: readonly StaffedEmployer[],
  reservedInsz: Iterable<string>,
): StaffResult {
  const random = createSeededRandom(seed ^ 0x7374_6166);
  const makePerson = createPersonFactory(random, reservedInsz);
  const R = referenceDate;
  const people: Person[] = [];
  const employments: DimonaPeriod[] = [];
  const moved = new Set<string>();
  let dimonaSequence = 20_000_000;

  const hire = (enterprise: Enterprise, nationality: string) => {
    const person = makePerson({ nationality, registeredInBelgium: true, bornBetween: [1960, 2004] });
    people.push(person);
    const closedOn = enterprise.endDate;
    let startDate = addDays(R, -random.int(30, 3_000));
    if (closedOn !== null && startDate >= closedOn) startDate = addDays(closedOn, -random.int(30, 400));
    employments.push({
      dimonaId: String(dimonaSequence++),
      enterpriseNumber: enterprise.enterpriseNumber,
      insz: person.insz,
      jointCommittee: '200',
      workerType: 'OTH',
      startDate,
      endDate: closedOn,
      declarations: [
        { type: 'IN', declaredOn: addDays(startDate, -1) },
        ...(closedOn ? [{ type: 'OUT' as const, declaredOn: addDays(closedOn, 1) }] : []),
      ],
    });
  };
  const ordinaryNationality = () => {
    const draw = random.next();
    return draw < 0.8 ? 'BE' : draw < 0.92 ? random.pick(EU_STAFF) : random.pick(NON_EU_FREE);
  };
  const newAddress = (): Address => {
    const place = random.pick(FLEMISH_PLACES);
    return {
      street: random.pick(DUTCH_STREETS),
      houseNumber: String(random.int(1, 250)),
      postalCode: place.postalCode,
      municipality: place.municipality,
    };
  };

  for (const { enterprise, plan, permits } of employers) {
    switch (plan.kind) {
      case 'ALMOST_ONLY_NON_EU': {
        // Beside the permit workers, a few more non-EU staff and at most one Belgian or EU national.
        const nonEu = random.int(0, 3);
        for (let i = 0; i < nonEu; i++) hire(enterprise, random.pick(NON_EU));
        if ((permits + nonEu) / (permits + nonEu + 1) >= 0.9 && random.chance(0.5))
          hire(enterprise, random.chance(0.7) ? 'BE' : random.pick(EU_STAFF));
        break;
      }
      case 'SMALL_NON_EU_TEAM':
        // Two cooks of a family restaurant: the team is the permit worker(s), plus a relative.
        if (permits < 2) hire(enterprise, random.pick(NON_EU_FREE));
        break;
      case 'INTERNATIONAL_BRANCH':
        // Engineers transferred by their group; the office manager is often local.
        if (random.chance(0.6)) hire(enterprise, 'BE');
        break;
      default: {
        const others = Math.max(2, Math.round(permits * (0.5 + random.next() * 2))) + random.int(0, 2);
        for (let i = 0; i < others; i++) hire(enterprise, ordinaryNationality());
      }
    }
    const movesHonestly = plan.kind === 'MOVED';
    const shellMoves = plan.kind !== null && SHELLS.has(plan.kind) && random.chance(0.35);
    if (movesHonestly || shellMoves) {
      enterprise.registeredAddress = newAddress();
      moved.add(enterprise.enterpriseNumber);
    }
  }
  return { people, employments, moved };
}
