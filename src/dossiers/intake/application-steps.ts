import type { Category } from '../../rules/index.ts';

/**
 * The questions of the multi-step application, per category: only what that category's rules
 * need (the rules' MISSING_INFORMATION fields) plus identification. Data, not screens: the web
 * app renders a step from this table, and the API validates a step against the same table and
 * the same application schema. `application-steps.test.ts` proves that answering every required
 * question of a category leaves the rules nothing to report missing.
 *
 * Facts the registers know (sanctions, workforce, permit history) are never asked: Loket fetches
 * them (authentic sources).
 */
export type InputKind =
  | 'text'
  | 'date'
  | 'integer'
  | 'amount'
  | 'fraction'
  | 'boolean'
  | 'choice'
  | 'country'
  /** An ESCO occupation picker whose answer is the ISCO-08 code (src/occupations). */
  | 'occupation'
  /** A function of the migration list in force on the application date; the answer is its id. */
  | 'migrationList'
  | 'publications';

export interface Question {
  /** Dotted path in the draft: `application.…` or `workerIdentity.…`. */
  readonly path: string;
  readonly input: InputKind;
  readonly required: boolean;
  readonly options?: readonly (string | number)[];
  /**
   * Answers that end the application at once, for the form to say so when chosen: on the
   * nationality, those of workers who need no work authorisation (see `withNationalityNotice`).
   */
  readonly noApplicationFor?: readonly string[];
}

export const STEP_IDS = ['employer', 'worker', 'job', 'specific', 'documents', 'review'] as const;
export type StepId = (typeof STEP_IDS)[number];

const q = (
  path: string,
  input: InputKind,
  required: boolean,
  options?: readonly (string | number)[],
): Question => ({
  path,
  input,
  required,
  ...(options ? { options } : {}),
});

const VKS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

type Needs = Partial<
  Record<
    | 'qualification'
    | 'location'
    | 'requiredVks'
    | 'salary'
    | 'fraction'
    | 'migrationList'
    | 'shortageList'
    | 'endDate'
    | 'sector'
    | 'publications'
    | 'ict'
    | 'hosting'
    | 'cult'
    | 'profession'
    | 'athlete'
    | 'sectorScale',
    boolean
  >
>;

// Which category-dependent questions are required (true) or asked but optional (false).
const NEEDS: Record<Category, Needs> = {
  HIGHLY_SKILLED: { qualification: true, requiredVks: true, salary: true, profession: false },
  EXECUTIVE: { salary: true, requiredVks: false },
  EU_BLUE_CARD: { qualification: true, salary: true, endDate: false, requiredVks: true },
  // The pay floor (GGMMI and sector scale, pay-floor.ts) needs the salary; the scale is optional.
  MEDIUM_SKILLED_SHORTAGE: {
    migrationList: true,
    fraction: true,
    requiredVks: false,
    salary: true,
    sectorScale: false,
  },
  OTHER_LABOUR_MARKET_TEST: {
    location: true,
    shortageList: true,
    publications: true,
    requiredVks: true,
    salary: true,
    fraction: true,
    sectorScale: false,
  },
  SEASONAL_WORKER: { location: true, sector: true, endDate: true },
  INTRA_CORPORATE_TRANSFEREE: { ict: true, qualification: true, salary: true, requiredVks: false },
  TRAINEE: { qualification: true, requiredVks: false },
  AU_PAIR: { requiredVks: false },
  PROFESSIONAL_ATHLETE: { salary: true, athlete: false, requiredVks: false },
  PERFORMING_ARTIST: { salary: true, requiredVks: false },
  MINISTER_OF_RELIGION: { cult: true, requiredVks: false },
  RESEARCHER: { hosting: true, requiredVks: false },
};

export interface Step {
  readonly id: StepId;
  readonly questions: readonly Question[];
}

export function applicationSteps(category: Category): Step[] {
  const needs = NEEDS[category];
  const asked = (key: keyof Needs) => needs[key] !== undefined;
  const required = (key: keyof Needs) => needs[key] === true;
  const worker: Question[] = [
    q('workerIdentity.givenNames', 'text', true),
    q('workerIdentity.familyName', 'text', true),
    q('application.worker.birthDate', 'date', true),
    q('application.worker.nationality', 'country', true),
    q('application.worker.sex', 'choice', false, ['F', 'M', 'X']),
    q('application.worker.insz', 'text', false),
    q('application.worker.location', 'choice', required('location'), ['ABROAD', 'BELGIUM']),
  ];
  if (asked('qualification'))
    worker.push(q('application.worker.qualificationVks', 'choice', required('qualification'), VKS));
  if (asked('profession')) {
    worker.push(
      q('application.worker.profession', 'choice', false, ['NURSE', 'TEACHER']),
      q('application.worker.naricReference', 'text', false),
    );
  }

  const job: Question[] = [
    q('application.job.title', 'text', true),
    q('application.job.iscoCode', 'occupation', false),
    q('application.job.workplacePostalCode', 'text', true),
    q('application.job.startDate', 'date', true),
    q('application.job.endDate', 'date', required('endDate')),
  ];
  if (asked('requiredVks'))
    job.push(q('application.job.requiredVks', 'choice', required('requiredVks'), VKS));
  if (asked('salary')) job.push(q('application.job.grossAnnualSalary', 'amount', required('salary')));
  if (asked('sectorScale'))
    job.push(q('application.job.sectorScaleMonthly', 'amount', required('sectorScale')));
  job.push(q('application.job.employmentFraction', 'fraction', required('fraction')));
  if (category === 'HIGHLY_SKILLED') job.push(q('application.job.isCareFunction', 'boolean', false));
  if (asked('migrationList')) job.push(q('application.job.migrationListFunction', 'migrationList', true));
  if (asked('shortageList')) job.push(q('application.job.onVdabShortageList', 'boolean', true));
  if (asked('sector'))
    job.push(q('application.job.sector', 'choice', true, ['AGRICULTURE', 'HORTICULTURE', 'HOSPITALITY']));

  const specific: Question[] = [];
  if (asked('publications')) {
    specific.push(
      q('application.labourMarketTest.vacancyReference', 'text', false),
      q('application.labourMarketTest.publications', 'publications', true),
    );
  }
  if (asked('ict')) {
    specific.push(
      q('application.intraCorporateTransfer.role', 'choice', true, ['MANAGER', 'SPECIALIST', 'TRAINEE']),
      q('application.intraCorporateTransfer.sameGroup', 'boolean', true),
      q('application.intraCorporateTransfer.priorEmploymentMonths', 'integer', true),
    );
  }
  if (asked('hosting')) specific.push(q('application.researcher.hostingAgreement', 'boolean', true));
  if (asked('cult')) {
    specific.push(
      q('application.religion.cult', 'choice', true, [
        'ROMAN_CATHOLIC',
        'PROTESTANT',
        'ISLAMIC',
        'ANGLICAN',
        'ISRAELITE',
        'ORTHODOX',
        'OTHER',
      ]),
      // Required by the rules from 2026 (policy note 002 §2.7), the only filings the form makes now.
      q('application.religion.shortageDemonstrated', 'boolean', true),
    );
  }
  if (asked('athlete')) {
    specific.push(
      q('application.athlete.role', 'choice', false, ['PLAYER', 'TRAINER', 'REFEREE']),
      q('application.athlete.hasProfessionalContract', 'boolean', false),
    );
  }

  return [
    {
      id: 'employer',
      questions: [
        q('application.employer.enterpriseNumber', 'text', true),
        q('application.employer.establishedInBelgium', 'boolean', false),
      ],
    },
    { id: 'worker', questions: worker },
    { id: 'job', questions: job },
    ...(specific.length > 0 ? [{ id: 'specific' as const, questions: specific }] : []),
    { id: 'documents', questions: [] },
    { id: 'review', questions: [] },
  ];
}

export function findStep(category: Category, id: string): Step | undefined {
  return applicationSteps(category).find((step) => step.id === id);
}

/**
 * Marks the nationality question with the nationalities that need no work authorisation (the
 * rules' list on the filing date), so the form and the self-check say so as soon as one is chosen.
 */
export function withNationalityNotice(steps: readonly Step[], nationalities: readonly string[]): Step[] {
  return steps.map((step) => ({
    ...step,
    questions: step.questions.map((question) =>
      question.input === 'country' && question.path === 'application.worker.nationality'
        ? { ...question, noApplicationFor: nationalities }
        : question,
    ),
  }));
}
