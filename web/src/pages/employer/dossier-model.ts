import { type AnswerCondition, isAsked } from '../../../../src/dossiers/intake/application-steps.ts';
import type { DossierAction, DossierStatus } from '../../../../src/dossiers/lifecycle/dossier-lifecycle.ts';
import type { ShownProposal, ShownRevocation } from '../../../../src/dossiers/revocation/revocation-view.ts';
import type { Assessment, Category, Reason } from '../../../../src/rules/index.ts';
import type { FieldError } from '../../api.ts';
import type { RefusalView } from './decision-section.tsx';

/**
 * What the employer pages read from the API, typed after the server's own modules
 * (src/dossiers/dossier-view.ts, src/dossiers/intake/application-steps.ts), plus the pure helpers
 * that turn form input into the JSON the API expects and API errors into per-question messages.
 */

export type { Assessment, Category, DossierAction, DossierStatus, Reason };

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
  path: string;
  input: InputKind;
  required: boolean;
  options?: (string | number)[];
  /** Answers that end the application (nationalities that need no work authorisation). */
  noApplicationFor?: string[];
  /** Asked only when these earlier answers hold (application-steps.ts, `isAsked`). */
  askedWhen?: AnswerCondition[];
}

export type StepId = 'employer' | 'worker' | 'job' | 'specific' | 'documents' | 'review';

export interface Step {
  id: StepId;
  questions: Question[];
}

export interface DossierSummary {
  id: string;
  number: string | null;
  status: DossierStatus;
  category: Category;
  kind: string;
  enterpriseNumber: string;
  workerName: string | null;
  version: number;
  submittedAt: string | null;
  updatedAt: string;
}

export interface UploadedDocument {
  id: string;
  documentType: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface LegalClock {
  startedOn: string | null;
  /** What started the clock's current run (absent from older servers). */
  startedBy?: 'SUBMIT' | 'FEE_PAID' | 'DECLARE_ADMISSIBLE' | 'REOPEN_ON_APPEAL' | 'APPEAL' | null;
  /** On the fast lane, the clock waits for the fee to be paid (absent from older servers). */
  awaitingFee?: boolean;
  dueDate: string | null;
  daysLeft: number | null;
  pausedDays: number;
  isPaused: boolean;
  isOverdue: boolean;
  deadlineDays: number | null;
}

export interface InformationRequest {
  id: string;
  question: string;
  requestedOn: string;
  answer: string | null;
  answeredOn: string | null;
  /** The day the employer should answer by, and whether it passed unanswered. */
  answerDueOn: string | null;
  isOverdue: boolean;
  /** Answered after that day. */
  isAnsweredLate: boolean;
  reminderSentAt: string | null;
}

export interface DossierOverview extends DossierSummary {
  /** When the worker confirmed, with their access code, that they were told the terms (§2.8). */
  workerTermsConfirmedAt: string | null;
  lang: string;
  application: Record<string, unknown>;
  workerIdentity: Record<string, unknown>;
  steps: Step[];
  assessment: Assessment | null;
  clock: LegalClock | null;
  fee: { amountDueCents: number | null; reference: string | null; paidOn: string | null };
  documents: UploadedDocument[];
  requiredDocumentTypes: string[];
  informationRequests: InformationRequest[];
  decision: Record<string, unknown> | null;
  /** A refusal's grounds and motivation, in the reader's language (null unless refused). */
  refusal?: RefusalView | null;
  letters: { id: string; kind: string; lang: string; createdAt: string }[];
  /** Consecutive draft saves come folded: `count` of them, from `firstOn` to `on`. */
  history: {
    action: DossierAction;
    by: string;
    actorName: string | null;
    on: string;
    occurredAt: string;
    count: number;
    firstOn: string;
  }[];
  allowedActions: DossierAction[];
  inadmissibility: Inadmissibility | null;
  /** The employer's appeal, once lodged. */
  appeal?: { grounds: string; lodgedOn: string } | null;
  /** The last day a refusal may be appealed (one month after it); null when nothing is to appeal. */
  appealLastDay?: string | null;
  /** A proposed withdrawal of the grant (decision 012): grounds, facts, the hearing's day, the answer. */
  withdrawal?: ShownProposal | null;
  /** The withdrawal decided: its day, grounds with legal basis, motivation. */
  revocation?: ShownRevocation | null;
}

/** Why the service declared a dossier inadmissible (lifecycle/admissibility.ts), as the server sends it. */
export interface InadmissibilityGround {
  code: 'NOT_COMPETENT_REGION' | 'INCOMPLETE_APPLICATION' | 'MISSING_DOCUMENTS' | string;
  region?: string | null;
  fields?: string[];
  invalid?: string[];
  documentTypes?: string[];
}

export interface Inadmissibility {
  grounds?: InadmissibilityGround[];
  legalBasis?: string;
}

export interface FeeInstructions {
  amountEur: number;
  currency: string;
  reference: string;
  beneficiary: string;
  iban: string;
  bic: string;
  paidOn: string | null;
  qrSvg: string;
}

/** One repeatable row of the labour-market test's publications. */
export interface Publication {
  channel: string;
  from: string;
  to: string;
}

/** What a form control holds: text for most inputs, rows for publications. */
export type FormValue = string | Publication[];
export type FormValues = Record<string, FormValue>;

export function readPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A question's current answer in a dossier (`application.…` or `workerIdentity.…`). */
export function readAnswer(dossier: Pick<DossierOverview, 'application' | 'workerIdentity'>, path: string) {
  return readPath(dossier, path);
}

/**
 * The stored answer as the form shows it: numbers and booleans as text, nothing as ''. With
 * `decimalComma` (a Dutch or French page) a fractional amount reads as people write it there:
 * 30000.5 as "30000,50", which `parseNumber` reads back unchanged.
 */
export function toFormValue(question: Question, value: unknown, decimalComma = false): FormValue {
  if (question.input === 'publications') {
    return Array.isArray(value)
      ? value.map((row) => ({
          channel: String((row as Publication).channel ?? ''),
          from: String((row as Publication).from ?? ''),
          to: String((row as Publication).to ?? ''),
        }))
      : [];
  }
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && !Number.isInteger(value) && question.input === 'amount')
    return decimalComma ? value.toFixed(2).replace('.', ',') : value.toFixed(2);
  if (typeof value === 'number' && decimalComma) return String(value).replace('.', ',');
  return String(value);
}

/**
 * Reads a typed number the way people write it: spaces and a thousands separator allowed, a
 * decimal comma accepted. Anything else stays text, so the API names the field as not a number.
 */
export function parseNumber(text: string, integer: boolean): number | string {
  let compact = text.replace(/[\s\u00a0]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) compact = compact.replace(/\./g, '');
  compact = compact.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(compact)) return text.trim();
  const value = Number(compact);
  return integer && !Number.isInteger(value) ? text.trim() : value;
}

/** The form's value in the JSON type the API expects: numbers as numbers, booleans as booleans, empty as null. */
export function toAnswer(question: Question, value: FormValue | undefined): unknown {
  if (question.input === 'publications') {
    const rows = Array.isArray(value) ? value : [];
    const filled = rows.filter((row) => row.channel || row.from || row.to);
    return filled.length === 0
      ? null
      : filled.map((row) => ({ channel: row.channel || null, from: row.from || null, to: row.to || null }));
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  switch (question.input) {
    case 'integer':
      return parseNumber(text, true);
    case 'amount':
    case 'fraction':
      return parseNumber(text, false);
    case 'boolean':
      return text === 'true';
    case 'choice': {
      const option = question.options?.find((candidate) => String(candidate) === text);
      return option ?? text;
    }
    default:
      return text;
  }
}

/** The answers of one step, ready for `PUT /dossiers/:id/steps/:step`. */
export function toStepAnswers(questions: readonly Question[], values: FormValues): Record<string, unknown> {
  return Object.fromEntries(
    questions.map((question) => [question.path, toAnswer(question, values[question.path])]),
  );
}

/** The form's starting values: each question's answer in the dossier. */
export function toFormValues(
  questions: readonly Question[],
  dossier: Pick<DossierOverview, 'application' | 'workerIdentity'>,
  decimalComma = false,
): FormValues {
  return Object.fromEntries(
    questions.map((question) => [
      question.path,
      toFormValue(question, readAnswer(dossier, question.path), decimalComma),
    ]),
  );
}

/**
 * The questions the answers so far ask: a question depends on answers on the same page (as typed)
 * or on earlier steps (as stored in `dossier`), e.g. the NARIC reference only for a nurse in a care
 * function below VKS 5. Without `values` (the answers' summary), every answer as stored. The
 * server reads the same conditions and clears an answer no longer asked.
 */
export function askedQuestions(
  questions: readonly Question[],
  values: FormValues | undefined,
  dossier?: Pick<DossierOverview, 'application' | 'workerIdentity'>,
): Question[] {
  const answerAt = (path: string) => {
    const onPage = values && questions.find((question) => question.path === path);
    if (onPage) return toAnswer(onPage, values[path]);
    return dossier ? readAnswer(dossier, path) : undefined;
  };
  return questions.filter((question) => isAsked(question, answerAt));
}

/** The question an API field error is about (`application.x[0].from` belongs to `application.x`). */
export function questionOfError(questions: readonly Question[], errorPath: string): Question | undefined {
  const path = errorPath.replace(/^answers\./, '');
  return questions.find(
    (question) =>
      path === question.path || path.startsWith(`${question.path}.`) || path.startsWith(`${question.path}[`),
  );
}

/** The per-question messages of a failed request, and those that fit no question. */
export function groupFieldErrors(
  questions: readonly Question[],
  fields: readonly FieldError[],
): { byPath: Record<string, FieldError[]>; others: FieldError[] } {
  const byPath: Record<string, FieldError[]> = {};
  const others: FieldError[] = [];
  for (const field of fields) {
    const question = questionOfError(questions, field.path);
    if (!question) {
      others.push(field);
      continue;
    }
    byPath[question.path] = [...(byPath[question.path] ?? []), field];
  }
  return { byPath, others };
}

/**
 * The self-check's application for `POST /assessments`: every `application.…` answer at its place
 * (the worker's name is not part of an assessment), with the filing date and category.
 */
export function buildSelfCheckApplication(
  category: Category,
  applicationDate: string,
  questions: readonly Question[],
  values: FormValues,
): Record<string, unknown> {
  const application: Record<string, unknown> = {
    applicationDate,
    category,
    employer: {},
    worker: {},
    job: {},
  };
  for (const question of askedQuestions(questions, values)) {
    if (!question.path.startsWith('application.')) continue;
    const answer = toAnswer(question, values[question.path]);
    if (answer === null) continue;
    const keys = question.path.split('.').slice(1);
    let node = application;
    for (const key of keys.slice(0, -1)) {
      node[key] = (node[key] as Record<string, unknown> | undefined) ?? {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys.at(-1) as string] = answer;
  }
  return application;
}

/** An assessment error's path (`worker.birthDate`, maybe `body.`-prefixed) as a question path. */
export function selfCheckErrorPath(path: string): string {
  const bare = path.replace(/^body\.?/, '');
  return bare.startsWith('application.') ? bare : `application.${bare}`;
}

/** The form's id of a question (an element id; dots are valid but awkward in CSS selectors). */
export function fieldId(path: string): string {
  return `q-${path.replace(/[.[\]]/g, '-')}`;
}

/** Today in Brussels as YYYY-MM-DD: the filing date the service itself would use. */
export function brusselsToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The steps a person fills in (documents and review have no questions of their own). */
export function questionSteps(steps: readonly Step[]): Step[] {
  return steps.filter((step) => step.questions.length > 0);
}

/** The step a submission error belongs to, to link "change" to it. */
export function stepOfPath(steps: readonly Step[], errorPath: string): Step | undefined {
  return steps.find((step) => questionOfError(step.questions, errorPath));
}

/**
 * Whether to ask the employer for the fee: only while a submitted dossier waits for it, never for
 * an inadmissible or withdrawn one, nor when nothing is due (a work card, no authorisation needed).
 */
export function isFeeDue(dossier: Pick<DossierOverview, 'fee' | 'status'>): boolean {
  return (
    dossier.status === 'SUBMITTED' &&
    Boolean(dossier.fee.reference) &&
    (dossier.fee.amountDueCents ?? 0) > 0 &&
    !dossier.fee.paidOn
  );
}

/** The required documents not uploaded yet: the submission is refused while any is missing. */
export function missingRequiredDocuments(
  dossier: Pick<DossierOverview, 'requiredDocumentTypes' | 'documents'>,
): string[] {
  return dossier.requiredDocumentTypes.filter(
    (type) => !dossier.documents.some((document) => document.documentType === type),
  );
}

/** The rules' finding that this worker needs no work authorisation at all, if it is there. */
export function noAuthorisationReason(assessment: Assessment | null | undefined): Reason | undefined {
  return assessment?.reasons.find((reason) => reason.code === 'WORK_AUTHORISATION_NOT_REQUIRED');
}

/** The QR code's SVG as an image source (an `<img>` keeps it out of the DOM and gives it an alt). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/**
 * The worker's nationality when it needs no work authorisation (the nationality question's
 * `noApplicationFor`, from the rules), or null: a draft with it can never be filed.
 */
export function nationalityNeedingNoAuthorisation(dossier: Pick<DossierOverview, 'application' | 'steps'>) {
  const nationality = (dossier.application as { worker?: { nationality?: unknown } }).worker?.nationality;
  if (typeof nationality !== 'string') return null;
  const question = dossier.steps
    .flatMap((step) => step.questions)
    .find((q) => q.path === 'application.worker.nationality');
  return question?.noApplicationFor?.includes(nationality) ? nationality : null;
}
