import type { DimonaPeriod } from '../dimona/dimona.ts';
import type { DmfaWorkerQuarter } from '../dmfa/dmfa.ts';
import type { Enterprise } from '../kbo/enterprise-register.ts';
import type { Person } from '../national-register/national-register.ts';
import type { SanctionRecord } from '../sanctions/sanctions-register.ts';
import { addDays, completedQuartersBefore, daysBetween, later } from './dates.ts';
import { createKboNumberFactory } from './generate-enterprises.ts';
import { createPersonFactory } from './generate-people.ts';
import { indexPopulation, type Population } from './population.ts';
import { createSeededRandom } from './seeded-random.ts';

/**
 * The demo's enforcement cases (issue 14): a handful of employers whose granted dossiers the demo
 * loads, with the register records that make the inspector's work list tell a story. Planted: a
 * worker paid far below the promise, a worker never declared in Dimona, a front-man director under
 * a running sanction. Honest look-alikes beside them: a change to part-time with its latest
 * quarter not yet declared, a late Dimona, an expired sanction, ordinary workers paid as promised.
 *
 * Small and fixed on purpose (the demo loads at every browser test file's start); the benchmark's
 * large random population is generate-monitoring.ts. `truth` is for tests only, never the product.
 */

export type DemoCaseKind =
  | 'UNDERPAID'
  | 'UNDECLARED'
  | 'SANCTIONED_DIRECTOR'
  | 'HONEST'
  | 'PART_TIME'
  | 'LATE_DIMONA';

/** One granted dossier the demo loader creates: the promise Loket holds. */
export interface DemoMonitoringCase {
  enterpriseNumber: string;
  enterpriseName: string;
  worker: Person;
  grossAnnualSalary: number;
  /** The first day of work (the job's start date in the application). */
  startDate: string;
  /** What the registers were planted with for this worker (tests only). */
  truth: DemoCaseKind;
  /** What the registers were planted with for the employer as a whole (tests only). */
  employerTruth: Plan['director'] | null;
}

export interface DemoMonitoring {
  population: Population;
  cases: DemoMonitoringCase[];
}

/** Ordinary monthly pay × 13.92 = the annual salary (12 months, double holiday pay 0.92, year-end premium 1). */
const MONTHS_PER_YEAR = 13.92;
const round2 = (n: number) => Math.round(n * 100) / 100;

interface Plan {
  name: string;
  naceCode: string;
  jointCommittee: string;
  postalCode: string;
  municipality: string;
  workers: Array<{ kind: DemoCaseKind; monthly: number; nationality: string }>;
  /** A front-man director under a running sanction, or the founder with a sanction long expired. */
  director?: 'SANCTIONED_FRONT_MAN' | 'EXPIRED_SANCTION';
}

const PLANS: readonly Plan[] = [
  {
    name: 'Schoonmaak Janssens bv',
    naceCode: '81210',
    jointCommittee: '121',
    postalCode: '9000',
    municipality: 'Gent',
    workers: [{ kind: 'UNDERPAID', monthly: 4_700, nationality: 'PH' }],
  },
  {
    name: 'Bouwonderneming Claes bv',
    naceCode: '41201',
    jointCommittee: '124',
    postalCode: '2000',
    municipality: 'Antwerpen',
    workers: [{ kind: 'UNDECLARED', monthly: 4_900, nationality: 'TR' }],
  },
  {
    name: 'Transport Wouters bv',
    naceCode: '49410',
    jointCommittee: '140.03',
    postalCode: '3500',
    municipality: 'Hasselt',
    director: 'SANCTIONED_FRONT_MAN',
    workers: [{ kind: 'HONEST', monthly: 4_750, nationality: 'UA' }],
  },
  {
    name: 'Tuinbouw Maes bv',
    naceCode: '01300',
    jointCommittee: '145',
    postalCode: '8500',
    municipality: 'Kortrijk',
    workers: [
      { kind: 'PART_TIME', monthly: 4_700, nationality: 'IN' },
      { kind: 'LATE_DIMONA', monthly: 4_700, nationality: 'BR' },
    ],
  },
  {
    name: 'Zorggroep Mertens vzw',
    naceCode: '87101',
    jointCommittee: '330',
    postalCode: '3000',
    municipality: 'Leuven',
    director: 'EXPIRED_SANCTION',
    workers: [{ kind: 'HONEST', monthly: 5_100, nationality: 'PH' }],
  },
];

/** The base population with the demo's enforcement cases added (INSZ and KBO numbers kept apart). */
export function withDemoMonitoring(base: Population): DemoMonitoring {
  const R = base.referenceDate;
  const random = createSeededRandom(base.seed ^ 0xde_3d_0c);
  const makePerson = createPersonFactory(
    random,
    base.people.map((p) => p.insz),
  );
  const newNumber = createKboNumberFactory(
    random,
    base.enterprises.map((e) => e.enterpriseNumber),
  );
  const quarters = completedQuartersBefore(R, 4);
  const latestQuarter = quarters[quarters.length - 1]?.id;
  const enterprises: Enterprise[] = [];
  const people: Person[] = [];
  const employments: DimonaPeriod[] = [];
  const dmfaQuarters: DmfaWorkerQuarter[] = [];
  const sanctions: SanctionRecord[] = [];
  const cases: DemoMonitoringCase[] = [];
  let dimonaSequence = 7_000_000;

  for (const [index, plan] of PLANS.entries()) {
    const founder = makePerson({ nationality: 'BE', registeredInBelgium: true, bornBetween: [1960, 1985] });
    people.push(founder);
    const address = {
      street: 'Industrieweg',
      houseNumber: String(10 + index * 7),
      postalCode: plan.postalCode,
      municipality: plan.municipality,
    };
    const enterprise: Enterprise = {
      enterpriseNumber: newNumber(0),
      name: plan.name,
      legalForm: plan.name.endsWith('vzw') ? 'VZW' : 'BV',
      status: 'ACTIVE',
      startDate: addDays(R, -4_000 - index * 300),
      endDate: null,
      naceCode: plan.naceCode,
      registeredAddress: address,
      establishments: [],
      directors: [
        {
          insz: founder.insz,
          name: `${founder.givenNames[0]} ${founder.familyName}`,
          role: 'ZAAKVOERDER',
          since: addDays(R, -3_000),
        },
      ],
    };
    if (plan.director === 'SANCTIONED_FRONT_MAN') {
      // A front man appointed after the grant, excluded by a running sanction.
      const front = makePerson({ nationality: 'BE', registeredInBelgium: true, bornBetween: [1970, 1995] });
      people.push(front);
      enterprise.directors = [
        {
          insz: front.insz,
          name: `${front.givenNames[0]} ${front.familyName}`,
          role: 'ZAAKVOERDER',
          since: addDays(R, -60),
        },
      ];
      sanctions.push({
        subject: { kind: 'PERSON', id: front.insz },
        sanctions: [
          {
            sanctionId: 'S-DEMO-1',
            kind: 'EXCLUSION',
            legalBasis: 'art. 12/1 §1 wet 30 april 1999',
            imposedOn: addDays(R, -200),
            endDate: addDays(R, 400),
            via: 'DIRECTOR',
          },
        ],
      });
    }
    if (plan.director === 'EXPIRED_SANCTION') {
      sanctions.push({
        subject: { kind: 'PERSON', id: founder.insz },
        sanctions: [
          {
            sanctionId: 'S-DEMO-2',
            kind: 'ADMINISTRATIVE_FINE',
            legalBasis: 'art. 181 Sociaal Strafwetboek',
            imposedOn: addDays(R, -1_400),
            endDate: addDays(R, -1_035),
            via: 'DIRECTOR',
          },
        ],
      });
    }
    enterprises.push(enterprise);

    for (const [n, planned] of plan.workers.entries()) {
      const worker = makePerson({
        nationality: planned.nationality,
        registeredInBelgium: true,
        bornBetween: [1980, 2000],
      });
      worker.mainAddress = { ...address, street: 'Stationsstraat', houseNumber: String(20 + index * 10 + n) };
      people.push(worker);
      const startDate = addDays(R, -330 + n * 9);
      cases.push({
        enterpriseNumber: enterprise.enterpriseNumber,
        enterpriseName: plan.name,
        worker,
        grossAnnualSalary: Math.round(planned.monthly * MONTHS_PER_YEAR),
        startDate,
        truth: planned.kind,
        employerTruth: plan.director ?? null,
      });
      if (planned.kind === 'UNDECLARED') continue;
      const period: DimonaPeriod = {
        dimonaId: String(dimonaSequence++),
        enterpriseNumber: enterprise.enterpriseNumber,
        insz: worker.insz,
        jointCommittee: plan.jointCommittee,
        workerType: 'OTH',
        startDate,
        endDate: null,
        declarations: [
          {
            type: 'IN',
            declaredOn: planned.kind === 'LATE_DIMONA' ? addDays(startDate, 12) : addDays(startDate, -2),
          },
        ],
      };
      employments.push(period);
      const partTimeFrom = quarters[2]?.id ?? '';
      for (const quarter of quarters) {
        // A quarter not yet declared (within the grace): the part-time worker's latest one.
        if (planned.kind === 'PART_TIME' && quarter.id === latestQuarter) continue;
        const from = later(startDate, quarter.first);
        const to = quarter.last;
        if (to < from) continue;
        const whole = from === quarter.first;
        const share = (daysBetween(from, to) + 1) / (daysBetween(quarter.first, quarter.last) + 1);
        const worked = planned.kind === 'PART_TIME' && quarter.id >= partTimeFrom ? 0.5 : 1;
        const pay = planned.kind === 'UNDERPAID' ? 0.6 : 1;
        const days = Math.max(1, Math.round(65 * share * worked));
        const wages = [{ code: '1', amount: round2(planned.monthly * 3 * share * worked * pay) }];
        // Holiday pay in Q2 and the year-end premium in Q4, as promised; the underpaid worker gets neither.
        if (pay === 1 && whole && quarter.id.endsWith('Q2'))
          wages.push({ code: '2', amount: round2(planned.monthly * 0.92 * worked) });
        if (pay === 1 && whole && quarter.id.endsWith('Q4'))
          wages.push({ code: '2', amount: round2(planned.monthly * worked) });
        dmfaQuarters.push({
          insz: worker.insz,
          quarter: quarter.id,
          lines: [
            {
              enterpriseNumber: enterprise.enterpriseNumber,
              jointCommittee: plan.jointCommittee,
              workerCode: '015',
              days,
              hours: Math.round(days * 7.6 * 10) / 10,
              wages,
            },
          ],
        });
      }
    }
  }

  const population = indexPopulation({
    ...base,
    enterprises: [...base.enterprises, ...enterprises],
    people: [...base.people, ...people],
    employments: [...base.employments, ...employments],
    dmfaQuarters: [...base.dmfaQuarters, ...dmfaQuarters],
    sanctions: [...base.sanctions, ...sanctions],
  });
  return { population, cases };
}
