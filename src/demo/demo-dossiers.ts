import { findUserByUsername, type User } from '../auth/users.repo.ts';
import type { Db } from '../db/client.ts';
import { type Acting, SYSTEM } from '../dossiers/change-dossier.ts';
import { databaseStorage } from '../dossiers/documents/document-storage.ts';
import { requiredDocumentTypes } from '../dossiers/documents/required-documents.ts';
import { uploadDocument } from '../dossiers/documents/upload-document.ts';
import { lockDossier } from '../dossiers/dossiers.repo.ts';
import { performAction, recordFeePaid } from '../dossiers/handling/perform-action.ts';
import { createDraft, saveDraftStep, submitDossier } from '../dossiers/intake/intake.ts';
import { defaultValidity } from '../rules/dates/default-validity.ts';
import { addDays, addMonths } from '../rules/dates/iso-date.ts';
import { type Category, freeMovementGroupOf, refusalGroundsOf } from '../rules/index.ts';
import { generatePopulation, type Population } from '../sources/index.ts';
import { createSeededRandom, type SeededRandom } from '../sources/simulator/seeded-random.ts';
import { demoPdf } from './demo-document.ts';

/**
 * A realistic queue for the demo: dozens of dossiers in every state, built through the same use
 * cases as real work (drafts by step, documents, submission, fee, review, decisions with letters),
 * dated over the last weeks so the legal clocks show due, at-risk and overdue dossiers. The workers
 * are people of the register simulator's population (same seed), so register facts line up. What
 * the demo's people write (a question, an answer, grounds) is in Dutch, as the service's staff would.
 */

type Fate =
  | 'DRAFT'
  | 'AWAITING_FEE'
  | 'INADMISSIBLE'
  | 'ADMISSIBLE'
  | 'IN_REVIEW'
  | 'INFORMATION_REQUESTED'
  | 'GRANTED'
  | 'REFUSED'
  | 'APPEALED'
  | 'WITHDRAWN';

const PLAN: ReadonlyArray<readonly [Fate, number]> = [
  ['DRAFT', 5],
  ['AWAITING_FEE', 5],
  ['INADMISSIBLE', 3],
  ['ADMISSIBLE', 6],
  ['IN_REVIEW', 12],
  ['INFORMATION_REQUESTED', 6],
  ['GRANTED', 10],
  ['REFUSED', 5],
  ['APPEALED', 2],
  ['WITHDRAWN', 3],
];

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [Category, number]> = [
  ['HIGHLY_SKILLED', 8],
  ['MEDIUM_SKILLED_SHORTAGE', 4],
  ['OTHER_LABOUR_MARKET_TEST', 3],
  ['EU_BLUE_CARD', 2],
  ['SEASONAL_WORKER', 2],
  ['RESEARCHER', 1],
];

// An inadmissible demo dossier is one for a workplace in Brussels: Flanders is not competent. (A missing
// document or answer can no longer be submitted: intake refuses it first.)
const BRUSSELS_POSTAL_CODES = ['1000', '1050', '1080'];
const FLEMISH_POSTAL_CODES = ['9000', '2000', '3000', '8000', '3500', '2800', '9300', '8500', '2300', '3600'];
const TITLES: Record<string, string[]> = {
  HIGHLY_SKILLED: [
    'Software engineer',
    'Data scientist',
    'Process engineer',
    'Nurse (hospital)',
    'Controller',
  ],
  MEDIUM_SKILLED_SHORTAGE: ['Vehicle technician', 'Industrial electrician', 'CNC operator', 'Bricklayer'],
  OTHER_LABOUR_MARKET_TEST: ['Baker', 'Welder', 'Warehouse team lead'],
  EU_BLUE_CARD: ['Cloud architect', 'Research engineer'],
  SEASONAL_WORKER: ['Fruit picker', 'Greenhouse worker'],
  RESEARCHER: ['Postdoctoral researcher'],
};
const NURSE_TITLE = 'Nurse (hospital)';
const SHORTAGE_FUNCTIONS = ['vehicle-technician', 'industrial-electrician', 'cnc-operator', 'bricklayer'];

function answersFor(
  category: Category,
  person: Population['people'][number],
  applied: string,
  random: SeededRandom,
  refusable: boolean,
  isOutsideFlanders = false,
  isNurse = false,
) {
  const start = addDays(applied, random.int(45, 90));
  const worker: Record<string, unknown> = {
    'workerIdentity.givenNames': person.givenNames.join(' '),
    'workerIdentity.familyName': person.familyName,
    'application.worker.birthDate': person.birthDate,
    'application.worker.nationality': person.nationality,
    'application.worker.sex': person.sex,
    'application.worker.insz': person.insz,
    'application.worker.location': 'ABROAD',
  };
  const title = random.pick(TITLES[category] ?? ['Employee']);
  // A nurse says so (worker.profession): the statistics count nurses by it (report 004).
  if (isNurse || title === NURSE_TITLE) worker['application.worker.profession'] = 'NURSE';
  const job: Record<string, unknown> = {
    'application.job.title': isNurse ? NURSE_TITLE : title,
    'application.job.workplacePostalCode': isOutsideFlanders
      ? random.pick(BRUSSELS_POSTAL_CODES)
      : random.pick(FLEMISH_POSTAL_CODES),
    'application.job.startDate': start,
    'application.job.employmentFraction': 1,
  };
  const specific: Record<string, unknown> = {};
  switch (category) {
    case 'HIGHLY_SKILLED':
      worker['application.worker.qualificationVks'] = random.int(6, 7);
      job['application.job.requiredVks'] = random.int(5, 7);
      job['application.job.grossAnnualSalary'] = refusable
        ? random.int(30, 40) * 1000
        : random.int(62, 95) * 1000;
      break;
    case 'EU_BLUE_CARD':
      worker['application.worker.qualificationVks'] = 7;
      job['application.job.requiredVks'] = random.int(5, 7);
      job['application.job.grossAnnualSalary'] = refusable ? 35000 : random.int(66, 90) * 1000;
      job['application.job.endDate'] = addMonths(start, 24);
      break;
    case 'MEDIUM_SKILLED_SHORTAGE':
      job['application.job.migrationListFunction'] = refusable
        ? 'truck-driver'
        : random.pick(SHORTAGE_FUNCTIONS);
      job['application.job.requiredVks'] = 4;
      // Above the pay floor (GGMMI, pay-floor.ts), which needs the salary; no draw, so the seed holds.
      job['application.job.grossAnnualSalary'] = 36000;
      break;
    case 'OTHER_LABOUR_MARKET_TEST': {
      job['application.job.onVdabShortageList'] = true;
      job['application.job.requiredVks'] = 4;
      job['application.job.grossAnnualSalary'] = 36000;
      const weeks = refusable ? 2 : 10;
      specific['application.labourMarketTest.publications'] = [
        { channel: 'VDAB', from: addDays(applied, -7 * weeks - 3), to: addDays(applied, -3) },
        { channel: 'EURES', from: addDays(applied, -7 * weeks - 3), to: addDays(applied, -3) },
      ];
      break;
    }
    case 'SEASONAL_WORKER':
      job['application.job.sector'] = random.pick(['AGRICULTURE', 'HORTICULTURE']);
      job['application.job.endDate'] = addDays(start, refusable ? 200 : 110);
      break;
    case 'RESEARCHER':
      specific['application.researcher.hostingAgreement'] = !refusable;
      break;
    default:
      break;
  }
  return { worker, job, ...(Object.keys(specific).length ? { specific } : {}) };
}

/** Loads the demo queue unless dossiers exist already; returns how many it created. */
export async function loadDemoDossiers(db: Db, today: string, seed = 2026): Promise<number> {
  const existing = await db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const employer = await findUserByUsername(db, 'werkgever');
  const handlers = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('role', 'in', ['CASE_HANDLER', 'SUPERVISOR'])
    .execute();
  const handler = handlers.find((u) => u.role === 'CASE_HANDLER');
  const supervisor = handlers.find((u) => u.role === 'SUPERVISOR');
  if (!employer || !handler || !supervisor) return 0;
  const population = generatePopulation({ seed, referenceDate: today });
  const random = createSeededRandom(seed);
  // Only workers who need a work authorisation: no Belgian, EU, EEA or Swiss nationals in the queue.
  const needsAuthorisation = (p: Population['people'][number]) =>
    freeMovementGroupOf(p.nationality, today) === null;
  const people = random.shuffle(population.people.filter(needsAuthorisation)).slice(0, 80);
  const caseHandler: Acting = { role: 'CASE_HANDLER', userId: handler.id };
  let created = 0;
  for (const [fate, count] of PLAN) {
    for (let i = 0; i < count; i++) {
      const person = people[created % people.length] as Population['people'][number];
      // The first two granted dossiers are foreign nurses, so the nurses report has figures.
      const isNurse = fate === 'GRANTED' && i < 2;
      const category =
        fate === 'INADMISSIBLE' || isNurse ? 'HIGHLY_SKILLED' : random.pickWeighted(CATEGORY_WEIGHTS);
      const refusable = fate === 'REFUSED' || fate === 'APPEALED';
      // Older dossiers further along: the clock then shows a spread of days left. Every step of the
      // history lies on or before the demo's today: the application is at least as old as its steps.
      const age = random.int(fate === 'DRAFT' ? 0 : 3, fate === 'GRANTED' ? 60 : 40);
      const timeline = planTimeline(random);
      const applied = addDays(today, -Math.max(age, timeline.spanOf(fate)));
      await buildDossier(db, {
        employer,
        caseHandler,
        supervisorId: supervisor.id,
        fate,
        category,
        person,
        applied,
        random,
        refusable,
        isNurse,
        timeline,
      });
      created += 1;
    }
  }
  return created;
}

/** Days after the application of each later step; every step follows the one before it. */
export interface Timeline {
  paid: number;
  review: number;
  withdrawn: number;
  asked: number;
  answered: number;
  decided: number;
  appealed: number;
  /** Days from the application to the last step of a dossier with this fate. */
  spanOf(fate: Fate): number;
}

export function planTimeline(random: SeededRandom): Timeline {
  const paid = random.int(0, 2);
  const review = paid + random.int(0, 3);
  const asked = review + random.int(1, 4);
  const answered = asked + random.int(1, 6);
  const decided = answered + random.int(1, 5);
  const steps = { paid, review, withdrawn: review + 2, asked, answered, decided, appealed: decided + 10 };
  const last: Record<Fate, number> = {
    DRAFT: 0,
    AWAITING_FEE: 0,
    INADMISSIBLE: 0,
    ADMISSIBLE: paid,
    IN_REVIEW: steps.review,
    WITHDRAWN: steps.withdrawn,
    INFORMATION_REQUESTED: asked,
    GRANTED: decided,
    REFUSED: decided,
    APPEALED: steps.appealed,
  };
  return { ...steps, spanOf: (fate) => last[fate] };
}

interface DemoDossier {
  employer: User;
  caseHandler: Acting;
  supervisorId: string;
  fate: Fate;
  category: Category;
  person: Population['people'][number];
  applied: string;
  random: SeededRandom;
  refusable: boolean;
  isNurse: boolean;
  timeline: Timeline;
}

async function buildDossier(db: Db, demo: DemoDossier): Promise<void> {
  const { employer, caseHandler, fate, applied, random, timeline } = demo;
  const on = (days: number) => addDays(applied, days);
  const draft = await createDraft(
    db,
    employer,
    {
      category: demo.category,
      enterpriseNumber: employer.enterpriseNumber as string,
      // The procedure language is the employer's (Dutch for the demo's Flemish enterprises), not a
      // draw: a staff member refusing with an English screen must see a Dutch letter go out.
      lang: employer.preferredLang,
    },
    applied,
  );
  let version = draft.version;
  const answers = answersFor(
    demo.category,
    demo.person,
    applied,
    random,
    demo.refusable,
    fate === 'INADMISSIBLE',
    demo.isNurse,
  );
  const steps =
    fate === 'DRAFT' ? Object.entries(answers).slice(0, random.int(1, 2)) : Object.entries(answers);
  for (const [step, stepAnswers] of steps) {
    const saved = await saveDraftStep(
      db,
      employer,
      { dossierId: draft.id, step, answers: stepAnswers, version, lang: 'en' },
      applied,
    );
    // The demo's answers are all valid: one that is not is a mistake in the demo, not a state to show.
    if (saved.errors.length > 0) throw new Error(`demo answers of ${step}: ${JSON.stringify(saved.errors)}`);
    version = saved.dossier.version;
  }
  if (fate === 'DRAFT') return;
  for (const documentType of requiredDocumentTypes(demo.category, 'SINGLE_PERMIT')) {
    await uploadDocument(db, databaseStorage, {
      dossierId: draft.id,
      documentType,
      fileName: `${documentType.toLowerCase()}.pdf`,
      content: demoPdf(draft.id, documentType),
      userId: employer.id,
      lang: 'en',
      maxBytes: 10_485_760,
    });
  }
  const { dossier: submitted } = await submitDossier(
    db,
    { role: 'EMPLOYER', userId: employer.id },
    { dossierId: draft.id, lang: 'en' },
    applied,
  );
  if (fate === 'INADMISSIBLE' || fate === 'AWAITING_FEE') return;
  const paidOn = on(timeline.paid);
  await db.transaction().execute(async (trx) => {
    const locked = await lockDossier(trx, submitted.id);
    if (locked) await recordFeePaid(trx, locked, SYSTEM, paidOn, paidOn);
  });
  if (fate === 'ADMISSIBLE') return;
  const act = async (
    request: Parameters<typeof performAction>[2],
    on: string,
    acting: Acting = caseHandler,
  ) => {
    const current = await db
      .selectFrom('dossiers')
      .select('version')
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    return performAction(db, submitted.id, { ...request, version: current.version } as never, {
      acting,
      today: on,
      lang: 'en',
      refusalNeedsCoSign: false,
    });
  };
  const reviewOn = on(timeline.review);
  await act({ action: 'START_REVIEW' } as never, reviewOn);
  if (fate === 'IN_REVIEW') return;
  if (fate === 'WITHDRAWN') {
    await act(
      { action: 'WITHDRAW', reason: 'De kandidaat heeft een ander aanbod aanvaard.' } as never,
      on(timeline.withdrawn),
      {
        role: 'EMPLOYER',
        userId: employer.id,
      },
    );
    return;
  }
  const askedOn = on(timeline.asked);
  await act(
    {
      action: 'REQUEST_INFORMATION',
      question: 'Voeg de ondertekende arbeidsovereenkomst met het afgesproken brutoloon toe.',
    } as never,
    askedOn,
  );
  if (fate === 'INFORMATION_REQUESTED') return;
  const answeredOn = on(timeline.answered);
  await act(
    { action: 'ANSWER_INFORMATION', answer: 'De ondertekende arbeidsovereenkomst is toegevoegd.' } as never,
    answeredOn,
    {
      role: 'EMPLOYER',
      userId: employer.id,
    },
  );
  const decidedOn = on(timeline.decided);
  if (fate === 'GRANTED') {
    // The validity the case handler's form proposes: the job's period within the legal maximum.
    const row = await db
      .selectFrom('dossiers')
      .select(['application', 'assessment'])
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    const job = (row.application as { job?: { startDate?: string; endDate?: string } }).job;
    const procedure = (row.assessment as { procedure?: { maxValidityMonths?: number | null } } | null)
      ?.procedure;
    const validity = defaultValidity({
      startDate: job?.startDate,
      endDate: job?.endDate,
      maxValidityMonths: procedure?.maxValidityMonths ?? 12,
      today: decidedOn,
    });
    await act({ action: 'GRANT', ...validity } as never, decidedOn);
    return;
  }
  const assessment = (
    await db
      .selectFrom('dossiers')
      .select('assessment')
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow()
  ).assessment as {
    reasons: { code: string; effect: string }[];
  } | null;
  const found = (assessment?.reasons ?? []).filter((r) => r.effect === 'REFUSE').map((r) => r.code);
  // Where the rules found nothing, the case handler refuses on a ground of the category they weighed.
  const weighed = refusalGroundsOf(demo.category).find((g) => g.code !== 'NOT_COMPETENT_REGION');
  const reasonCodes = found.length > 0 ? found : [weighed?.code ?? 'EMPLOYER_ACTS_AS_HUB'];
  await act(
    {
      action: 'REFUSE',
      reasonCodes,
      note: 'De voorwaarden van de categorie zijn niet vervuld; zie de gronden hierboven.',
    } as never,
    decidedOn,
  );
  if (fate === 'APPEALED') {
    await act(
      { action: 'APPEAL', grounds: 'Het loon omvat een jaarlijkse premie die niet werd meegeteld.' } as never,
      on(timeline.appealed),
      {
        role: 'EMPLOYER',
        userId: employer.id,
      },
    );
  }
}
