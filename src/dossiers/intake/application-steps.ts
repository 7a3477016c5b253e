import type { Category } from '../../rules/index.ts';
import { type Draft, readPath, writePath } from './draft.ts';

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
  /**
   * Asked only when every one of these answers holds (the rule that needs the question needs it
   * only then). Absent: asked whenever the category asks it. See `isAsked`.
   */
  readonly askedWhen?: readonly AnswerCondition[];
}

/** One earlier answer a question depends on: equal to a value, or a number below a bound. */
export interface AnswerCondition {
  readonly path: string;
  readonly equals?: string | number | boolean;
  readonly below?: number;
}

/**
 * Whether a question is asked given the answers so far (`answerAt` reads an answer by its path).
 * Form, self-check and server read the same conditions: the server clears an answer to a question
 * no longer asked (`clearUnasked` in intake.ts), so a NARIC reference does not outlive the nurse.
 */
export function isAsked(
  question: { readonly askedWhen?: readonly AnswerCondition[] | undefined },
  answerAt: (path: string) => unknown,
): boolean {
  return (question.askedWhen ?? []).every((condition) => {
    const answer = answerAt(condition.path);
    if (condition.equals !== undefined && answer !== condition.equals) return false;
    if (condition.below !== undefined && !(typeof answer === 'number' && answer < condition.below))
      return false;
    return true;
  });
}

/**
 * The highly skilled function level below which the nurse exception is in play: the rule data's
 * `function.highlySkilledMinimumRequiredVks` (VKS 5 from 2026). The form asks only filings of
 * today; `application-steps.test.ts` checks this figure against the rule data in force.
 */
export const NURSE_EXCEPTION_BELOW_VKS = 5;

// Policy note 002 §2.2: the exception is "voor verpleegkundigen die in afwachting van de erkenning van
// hun buitenlands diploma een andere functie in de zorg opnemen" (checkHighlySkilledFunction).
const NURSE_BELOW_HIGHLY_SKILLED: readonly AnswerCondition[] = [
  { path: 'application.worker.profession', equals: 'NURSE' },
  { path: 'application.job.requiredVks', below: NURSE_EXCEPTION_BELOW_VKS },
];

export const STEP_IDS = ['employer', 'worker', 'job', 'specific', 'documents', 'review'] as const;
export type StepId = (typeof STEP_IDS)[number];

const q = (
  path: string,
  input: InputKind,
  required: boolean,
  options?: readonly (string | number)[],
  askedWhen?: readonly AnswerCondition[],
): Question => ({
  path,
  input,
  required,
  ...(options ? { options } : {}),
  ...(askedWhen ? { askedWhen } : {}),
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
  if (asked('profession'))
    worker.push(q('application.worker.profession', 'choice', false, ['NURSE', 'TEACHER']));

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
  if (asked('profession')) {
    // Only for a nurse in a function below the highly skilled level (the rule's MISSING_INFORMATION
    // then), and the NARIC file only once that function is a care function: never of every
    // highly skilled application (issue 13, "only for the categories that need them").
    job.push(
      q('application.job.isCareFunction', 'boolean', false, undefined, NURSE_BELOW_HIGHLY_SKILLED),
      q('application.worker.naricReference', 'text', false, undefined, [
        ...NURSE_BELOW_HIGHLY_SKILLED,
        { path: 'application.job.isCareFunction', equals: true },
      ]),
    );
  }
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

/**
 * The draft without the answers to questions its other answers no longer ask (a NARIC reference
 * once the worker is no longer a nurse in a care function below VKS 5), and the paths removed:
 * Loket keeps no personal data the application does not need.
 */
export function clearUnasked(draft: Draft, category: Category): { draft: Draft; cleared: string[] } {
  const answerAt = (path: string) => readPath(draft, path);
  const cleared = applicationSteps(category)
    .flatMap((step) => step.questions)
    .filter((question) => !isAsked(question, answerAt) && readPath(draft, question.path) !== undefined)
    .map((question) => question.path);
  return { draft: cleared.reduce((next, path) => writePath(next, path, undefined), draft), cleared };
}
