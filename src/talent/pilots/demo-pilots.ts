import type { Db } from '../../db/client.ts';
import { createSeededRandom } from '../../sources/simulator/seeded-random.ts';
import { appendRevision, inputOf, replaceResults } from './pilot-admin.repo.ts';
import type { PilotResult } from './pilot-admin.ts';
import { type DropReason, PILOT_STAGES, type PilotStage } from './pilot-model.ts';
import { insertPilot, insertSpending, type NewPilot } from './pilots.repo.ts';

const OCCUPATIONS = {
  softwareDeveloper: 'f2b15a0e-e65a-438a-affb-29b9d50b77d1', // software ontwikkelaar, ISCO 2512
  systemsDeveloper: 'a7c1d23d-aeca-4bee-9a08-5993ed98b135', // systeemontwikkelaar, ISCO 2511
  mechanicalEngineer: '579254cf-6d69-4889-9000-9c79dc568644', // werktuigbouwkundig ingenieur, ISCO 2144
  electricalEngineer: '86ca306c-ab99-420a-9e2a-aa73c5c4de22', // ingenieur elektriciteit, ISCO 2151
};

/** Participants of a demo project: how many end where, and why they left if they did. */
interface Cohort {
  count: number;
  country: string;
  educationVks: number;
  year: number;
  stage: PilotStage;
  dropped?: DropReason;
}

interface DemoPilot {
  pilot: Omit<NewPilot, 'partnerId'>;
  runByDemoPartner: boolean;
  spending: Array<{ year: number; funder: string; amountEur: number }>;
  cohorts: Cohort[];
  /** What the project reported, as the sources give it, on the day it holds for. */
  results?: PilotResult[];
}

/**
 * The projects seed 000 names (the minister's answer to a written question on PALIM), with the
 * figures it gives marked in `sourcedFigures`; every other figure is a demo value and the pages say
 * so. PALIM: 120 highly educated profiles (masters in exact sciences) trained in IT, 116 passed,
 * none placed in Flanders; its budget of EUR 1.5 million from the EU is in the question. MATCH: 210
 * IT talents from Nigeria and Senegal, 120 of them for Belgium, from 13 January 2020 for 36 months;
 * VDAB received EUR 28,769.79 in advances from IOM. THAMM took PALIM's candidates who were not placed.
 * The memorandum with Taiwan shares engineering vacancies: no participants are counted.
 */
const DEMO_PILOTS: DemoPilot[] = [
  {
    pilot: {
      code: 'PALIM',
      name: 'PALIM',
      leadOrganisation: 'Enabel',
      partnerOrganisations: ['VDAB', 'ANAPEC', 'Fedasil', 'Agentschap Integratie en Inburgering'],
      countries: ['MA'],
      occupationIds: [OCCUPATIONS.softwareDeveloper, OCCUPATIONS.systemsDeveloper],
      funders: ['EU'],
      budgetEur: 1_500_000,
      startedOn: '2019-03-01',
      endedOn: '2021-04-30',
      targetParticipants: 120,
      targetPlaced: 30,
      sourcedFigures: [
        'budget',
        'targetParticipants',
        'targetPlaced',
        'dates',
        'selected',
        'trained',
        'passed',
        'placed',
      ],
    },
    runByDemoPartner: false,
    spending: [],
    // The minister's answer (seed 000) on the finished project: 120 trained, 116 passed, and "no
    // Moroccan participant reached Belgium"; dated on the project's last day.
    results: [
      { figure: 'TRAINED', value: 120, asOf: '2021-04-30' },
      { figure: 'PASSED', value: 116, asOf: '2021-04-30' },
      { figure: 'PLACED_FLANDERS', value: 0, asOf: '2021-04-30' },
    ],
    cohorts: [
      { count: 116, country: 'MA', educationVks: 7, year: 2019, stage: 'PASSED', dropped: 'NO_EMPLOYER' },
      { count: 4, country: 'MA', educationVks: 7, year: 2019, stage: 'TRAINED', dropped: 'FAILED_TRAINING' },
    ],
  },
  {
    pilot: {
      code: 'MATCH',
      name: 'MATCH',
      leadOrganisation: 'IOM',
      partnerOrganisations: ['VDAB'],
      countries: ['NG', 'SN'],
      occupationIds: [OCCUPATIONS.softwareDeveloper],
      funders: ['EU', 'IOM', 'VDAB'],
      budgetEur: null,
      startedOn: '2020-01-13',
      endedOn: '2023-01-12',
      targetParticipants: 210,
      targetPlaced: 120,
      sourcedFigures: ['targetParticipants', 'targetPlaced', 'dates', 'spending'],
    },
    runByDemoPartner: false,
    spending: [{ year: 2021, funder: 'IOM', amountEur: 28_769.79 }],
    cohorts: [
      { count: 14, country: 'NG', educationVks: 6, year: 2020, stage: 'EMPLOYED_12M' },
      { count: 9, country: 'SN', educationVks: 6, year: 2020, stage: 'EMPLOYED_6M' },
      { count: 6, country: 'NG', educationVks: 7, year: 2021, stage: 'ARRIVED', dropped: 'LEFT_EMPLOYMENT' },
      {
        count: 11,
        country: 'SN',
        educationVks: 6,
        year: 2021,
        stage: 'PERMIT_GRANTED',
        dropped: 'VISA_REFUSED',
      },
      { count: 25, country: 'NG', educationVks: 6, year: 2021, stage: 'PASSED', dropped: 'NO_EMPLOYER' },
      { count: 8, country: 'SN', educationVks: 5, year: 2020, stage: 'SELECTED', dropped: 'WITHDREW' },
    ],
  },
  {
    pilot: {
      code: 'THAMM',
      name: 'THAMM',
      leadOrganisation: 'Enabel',
      partnerOrganisations: ['VDAB', 'ANAPEC'],
      countries: ['MA'],
      occupationIds: [OCCUPATIONS.softwareDeveloper, OCCUPATIONS.systemsDeveloper],
      funders: ['EU'],
      budgetEur: null,
      startedOn: '2021-05-01',
      endedOn: null,
      targetParticipants: null,
      targetPlaced: null,
      sourcedFigures: [],
    },
    runByDemoPartner: true,
    spending: [
      { year: 2024, funder: 'EU', amountEur: 180_000 },
      { year: 2025, funder: 'EU', amountEur: 210_000 },
    ],
    cohorts: [
      { count: 5, country: 'MA', educationVks: 7, year: 2024, stage: 'PERMIT_GRANTED' },
      { count: 6, country: 'MA', educationVks: 7, year: 2025, stage: 'MATCHED' },
      { count: 12, country: 'MA', educationVks: 7, year: 2025, stage: 'PASSED' },
      { count: 3, country: 'MA', educationVks: 6, year: 2026, stage: 'TRAINED' },
    ],
  },
  {
    pilot: {
      code: 'TW-MOU',
      name: 'Taiwan',
      leadOrganisation: 'VDAB',
      partnerOrganisations: [],
      countries: ['TW'],
      occupationIds: [OCCUPATIONS.mechanicalEngineer, OCCUPATIONS.electricalEngineer],
      funders: [],
      budgetEur: null,
      startedOn: '2021-01-01',
      endedOn: null,
      targetParticipants: null,
      targetPlaced: null,
      sourcedFigures: [],
    },
    runByDemoPartner: false,
    spending: [],
    cohorts: [],
  },
];

/**
 * Loads the demo's recruitment pilots; the demo partner organisation runs THAMM, so the partner
 * account can record its participants' progress. Participants are inserted per project in two
 * statements (participants, then their stage history), to keep the demo's loading quick.
 */
export async function loadDemoPilots(db: Db, partnerId: string, seed = 2026): Promise<void> {
  const random = createSeededRandom(seed);
  for (const demo of DEMO_PILOTS) {
    const pilot = await insertPilot(db, {
      ...demo.pilot,
      partnerId: demo.runByDemoPartner ? partnerId : null,
    });
    await insertSpending(db, pilot.id, demo.spending);
    await replaceResults(db, pilot.id, demo.results ?? []);
    await appendRevision(db, {
      pilotId: pilot.id,
      changedBy: null,
      changedFields: ['created'],
      snapshot: inputOf(pilot, demo.results ?? [], demo.spending),
    });
    const rows = demo.cohorts.flatMap((cohort) => Array.from({ length: cohort.count }, () => cohort));
    if (rows.length === 0) continue;
    const participants = await db
      .insertInto('recruitment_pilot_participants')
      .values(
        rows.map((cohort, i) => {
          const selectedOn = `${cohort.year}-${String(random.int(1, 9)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
          return {
            pilot_id: pilot.id,
            reference: `${demo.pilot.code}-${String(i + 1).padStart(3, '0')}`,
            country: cohort.country,
            education_vks: cohort.educationVks,
            selected_on: selectedOn,
            stage: cohort.stage,
            dropped_reason: cohort.dropped ?? null,
            dropped_on: cohort.dropped ? `${Math.min(cohort.year + 1, 2026)}-01-15` : null,
          };
        }),
      )
      .returning(['id', 'stage', 'selected_on'])
      .execute();
    // The history: every stage up to the one reached, a month apart from the selection on.
    const events = participants.flatMap((p) =>
      PILOT_STAGES.slice(0, PILOT_STAGES.indexOf(p.stage as PilotStage) + 1).map((stage, step) => {
        const reached = new Date(p.selected_on);
        reached.setUTCMonth(reached.getUTCMonth() + step);
        return {
          participant_id: p.id,
          stage,
          reached_on: reached.toISOString().slice(0, 10),
          recorded_by: null,
        };
      }),
    );
    await db.insertInto('recruitment_pilot_stage_events').values(events).execute();
  }
}

/** For tests: the demo's participant counts per project code. */
export const DEMO_PILOT_PARTICIPANTS = Object.fromEntries(
  DEMO_PILOTS.map((demo) => [demo.pilot.code, demo.cohorts.reduce((sum, c) => sum + c.count, 0)]),
);
