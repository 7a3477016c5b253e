import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../auth/roles.ts';
import type { Lang } from '../i18n/languages.ts';

// Typed view of the tables in src/db/migrations; `src/db/schema.db.test.ts` checks the columns
// here against the migrated database so the two cannot drift.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: Role;
  enterprise_number: string | null;
  password_hash: string | null;
  oidc_subject: string | null;
  preferred_lang: ColumnType<Lang, Lang | undefined, Lang>;
  created_at: Generated<Date>;
  disabled_at: Timestamp | null;
  /** Migration 0008: where the account is told of its dossiers (optional). */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0018: how the user came in last. */
  last_login_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_login_via: ColumnType<
    'PASSWORD' | 'OIDC' | null,
    'PASSWORD' | 'OIDC' | null | undefined,
    'PASSWORD' | 'OIDC' | null
  >;
  password_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
  /** Migration 0007: the writing transaction's id (xid8, as text), where the sealer looks for new events. */
  xid: Generated<string>;
}

/** Migration 0007: the hash chain over audit_events, one seal per event in seal order (append-only). */
export interface AuditSealsTable {
  seq: number;
  event_id: number;
  /** The hash of the seal before, NULL for the first. */
  previous_hash: string | null;
  /** sha256 over previous_hash and the event's canonical text (docs/operations.md). */
  hash: string;
  sealed_at: Generated<Date>;
}

export interface JobRunsTable {
  id: Generated<string>;
  job_name: string;
  started_at: Generated<Date>;
  finished_at: Timestamp | null;
  outcome: ColumnType<'RUNNING' | 'SUCCEEDED' | 'FAILED', 'RUNNING' | undefined, 'SUCCEEDED' | 'FAILED'>;
  summary: ColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
}

type Json = Record<string, unknown>;
type JsonColumn = ColumnType<Json, Json | undefined, Json>;
type DateText = ColumnType<string, string, string>;

export interface EmployerMandatesTable {
  user_id: string;
  enterprise_number: string;
  enterprise_name: string | null;
  granted_at: Generated<Date>;
}

export interface DossiersTable {
  id: Generated<string>;
  number: string | null;
  enterprise_number: string;
  category: string;
  kind: ColumnType<'FIRST' | 'RENEWAL', 'FIRST' | 'RENEWAL' | undefined, 'FIRST' | 'RENEWAL'>;
  lang: ColumnType<Lang, Lang | undefined, Lang>;
  status: Generated<string>;
  version: Generated<number>;
  application: JsonColumn;
  worker_identity: JsonColumn;
  assessment: ColumnType<Json | null, Json | null | undefined, Json | null>;
  previous_dossier_id: string | null;
  created_by: string | null;
  idempotency_key: string | null;
  assigned_to: string | null;
  submitted_at: Timestamp | null;
  admissible_on: DateText | null;
  deadline_days: number | null;
  due_date: DateText | null;
  paused_since: DateText | null;
  decided_on: DateText | null;
  fee_amount_cents: number | null;
  fee_reference: string | null;
  fee_paid_on: DateText | null;
  decision: ColumnType<Json | null, Json | null | undefined, Json | null>;
  pending_refusal: ColumnType<Json | null, Json | null | undefined, Json | null>;
  federal_status: ColumnType<
    'NOT_SENT' | 'SENT' | 'GRANTED' | 'REFUSED',
    'NOT_SENT' | 'SENT' | 'GRANTED' | 'REFUSED' | undefined,
    'NOT_SENT' | 'SENT' | 'GRANTED' | 'REFUSED'
  >;
  federal_receipt_id: string | null;
  federal_decided_on: DateText | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Migration 0008: the worker's own address for decisions, given with their access code. */
  worker_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0021: the language the worker chose when giving that address (their mails' language). */
  worker_lang: ColumnType<Lang | null, Lang | null | undefined, Lang | null>;
  /** Migration 0009: when the worker confirmed the employment terms, and the terms they saw. */
  worker_terms_confirmed_at: Timestamp | null;
  worker_terms_confirmed: ColumnType<
    Record<string, unknown> | null,
    Record<string, unknown> | null | undefined,
    Record<string, unknown> | null
  >;
  /** Migration 0012: a draft the employer deleted (answers, name and documents erased). */
  deleted_at: Timestamp | null;
}

export interface DossierActionsTable {
  id: Generated<string>;
  dossier_id: string;
  action: string;
  actor: string;
  actor_user_id: string | null;
  effective_on: string;
  occurred_at: Generated<Date>;
  details: JsonColumn;
}

export interface DossierDocumentsTable {
  id: Generated<string>;
  dossier_id: string;
  document_type: string;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  storage: 'database' | 'disk';
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
  removed_at: Timestamp | null;
  /** The uploader's Idempotency-Key, if sent (migration 0010). */
  idempotency_key: Generated<string | null>;
}

export interface DocumentContentsTable {
  storage_key: string;
  content: Buffer;
}

export interface InformationRequestsTable {
  id: Generated<string>;
  dossier_id: string;
  question: string;
  requested_by: string | null;
  requested_on: string;
  answer: string | null;
  answered_by: string | null;
  answered_on: string | null;
  answer_due_on: string | null;
  reminder_queued_at: Timestamp | null;
}

export interface DossierLettersTable {
  id: Generated<string>;
  dossier_id: string;
  kind: 'DECISION' | 'APPEAL_DECISION' | 'REVOCATION';
  lang: Lang;
  pdf: Buffer;
  sha256: string;
  created_at: Generated<Date>;
}

export interface WorkerAccessTable {
  id: Generated<string>;
  dossier_id: string;
  code_hash: string;
  code_expires_at: Timestamp;
  redeemed_at: Timestamp | null;
  token_hash: string | null;
  token_expires_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** Migration 0021: one token per device on which the worker used their (reusable) code. */
export interface WorkerAccessTokensTable {
  token_hash: string;
  access_id: string;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export type FeePaymentOutcome =
  | 'MATCHED'
  | 'NO_REFERENCE'
  | 'UNKNOWN_REFERENCE'
  | 'AMOUNT_TOO_LOW'
  | 'DUPLICATE'
  | 'MANUAL';

export interface FeePaymentsTable {
  id: Generated<string>;
  dossier_id: string | null;
  booked_on: string;
  amount_cents: number;
  reference: string | null;
  outcome: FeePaymentOutcome;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface FederalOutboxTable {
  id: Generated<string>;
  dossier_id: string;
  idempotency_key: string;
  payload: JsonColumn;
  kind: ColumnType<'ADMISSIBLE' | 'REVOCATION', 'ADMISSIBLE' | 'REVOCATION' | undefined, never>;
  status: ColumnType<'PENDING' | 'SENT', 'PENDING' | undefined, 'PENDING' | 'SENT'>;
  attempts: Generated<number>;
  last_error: string | null;
  receipt_id: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export interface StaffNotificationsTable {
  id: Generated<string>;
  recipient_role: 'CASE_HANDLER' | 'SUPERVISOR';
  kind: 'DOSSIER_OVERDUE' | 'REFUSAL_TO_CO_SIGN' | 'REVOCATION_TO_DECIDE';
  dossier_id: string;
  created_on: string;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export interface RevocationProposalsTable {
  id: Generated<string>;
  dossier_id: string;
  proposed_by: string | null;
  proposed_role: 'CASE_HANDLER' | 'INSPECTOR';
  proposed_on: string;
  ground_codes: string[];
  facts: string;
  evidence: string | null;
  hearing_due_on: string;
  answer: string | null;
  answered_on: string | null;
  answered_by: string | null;
  outcome: 'REVOKED' | 'DISMISSED' | null;
  decided_on: string | null;
  decided_by: string | null;
  decision_note: string | null;
  created_at: Generated<Date>;
}

export interface DossierStaffEntriesTable {
  id: Generated<string>;
  dossier_id: string;
  kind:
    | 'NOTE'
    | 'ASSIGNED'
    | 'LETTER_EDITED'
    | 'SCREENING_REFERRED'
    | 'SCREENING_ADVICE'
    | 'REFUSAL_GROUNDS_PROPOSED';
  actor_user_id: string | null;
  effective_on: string;
  occurred_at: Generated<Date>;
  details: JsonColumn;
}

export interface StaffSavedFiltersTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  query: JsonColumn;
  created_at: Generated<Date>;
}

export interface RegisterChecksTable {
  dossier_id: string;
  status: ColumnType<
    'PENDING' | 'WAITING' | 'COMPLETE',
    'PENDING' | undefined,
    'PENDING' | 'WAITING' | 'COMPLETE'
  >;
  requested_at: Generated<Date>;
  completed_at: Timestamp | null;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  waiting: ColumnType<unknown[], unknown[] | undefined, unknown[]>;
  comparison: ColumnType<Json | null, Json | null | undefined, Json | null>;
}

export interface RegisterFactsTable {
  dossier_id: string;
  source: string;
  subject: string;
  is_found: boolean;
  value: ColumnType<unknown, unknown, unknown>;
  fetched_at: Timestamp;
  request_id: string;
}

/** Migration 0005: one row per submitted dossier; since 0006 folded from `statistics_pending` (src/stats). */
export interface DossierStatisticsTable {
  dossier_id: string;
  submitted_on: string;
  submitted_year: number;
  decided_on: string | null;
  decided_year: number | null;
  category: string;
  kind: string;
  region: string;
  province: string;
  nationality: string;
  sex: string;
  age_band: string;
  vks: string;
  isco_major_group: string;
  migration_list_function: string;
  status: string;
  is_admissible: boolean;
  is_withdrawn: boolean;
  outcome: 'GRANTED' | 'REFUSED' | null;
  reason_codes: string[];
  is_nurse: boolean;
  is_care_worker: boolean;
  regional_lead_days: number | null;
  federal_lead_days: number | null;
  is_within_deadline: boolean | null;
  /** Migration 0025: submission → admissibility, and → the federal decision (grants). */
  admissibility_lead_days: number | null;
  total_lead_days: number | null;
  /** Migration 0025: admissibility → handed over to the Immigration Office. */
  handover_days: number | null;
  /** Migration 0025: the last appeal decided on the dossier. */
  appeal_decided_on: string | null;
  appeal_year: number | null;
  appeal_outcome: 'UPHELD' | 'OVERTURNED' | null;
  /** Migration 0029: a professional athlete's role (null for other categories). */
  athlete_role: 'PLAYER' | 'TRAINER' | 'REFEREE' | 'UNKNOWN' | null;
  /** Migration 0029: the residence decision on a grant, once known. */
  federal_outcome: 'GRANTED' | 'REFUSED' | null;
}

/** Migration 0005: counts by year of submission, kept by triggers on `dossier_statistics`. */
export interface StatisticsCohortCountsTable {
  submitted_year: number;
  category: string;
  province: string;
  kind: string;
  /** Migration 0033: the athlete's role, '' for every other category. */
  athlete_role: string;
  applications: number;
  admissible: number;
  withdrawn: number;
  handed_over: number;
  /** Migration 0037: dossiers declared inadmissible (q3Refusals). */
  inadmissible: number;
}

/** Migration 0005: counts by year of decision, per breakdown ('' for none) and value. */
export interface StatisticsDecisionCountsTable {
  breakdown: string;
  decided_year: number;
  category: string;
  province: string;
  kind: string;
  care_profession: string;
  value: string;
  decided: number;
  granted: number;
  refused: number;
  within_deadline: number;
  with_deadline: number;
  /** Migration 0033. */
  athlete_role: string;
  residence_granted: number;
  residence_refused: number;
  /** Migration 0037: grants later withdrawn (revocations), grants with a known VKS level and of VKS 5–8 (q1). */
  revoked: number;
  qualification_known_granted: number;
  highly_qualified_granted: number;
}

/** Migration 0037: the last appeal decided per dossier, by year of that decision (appeals). */
export interface StatisticsAppealCountsTable {
  appeal_year: number;
  category: string;
  province: string;
  kind: string;
  care_profession: string;
  athlete_role: string;
  appeals_decided: number;
  appeals_overturned: number;
  appeals_decided_key: number;
  appeals_overturned_key: number;
}

/** Migration 0037: decision counts with age band and sex together (q4Combined). */
export interface StatisticsProfileCountsTable {
  decided_year: number;
  category: string;
  province: string;
  athlete_role: string;
  age_band: string;
  sex: string;
  decided: number;
  granted: number;
  refused: number;
  decided_key: number;
  granted_key: number;
  refused_key: number;
}

/** Migration 0005: histograms of lead times in days by year of decision. */
export interface StatisticsLeadTimesTable {
  lead: 'regional' | 'federal' | 'admissibility' | 'total';
  decided_year: number;
  category: string;
  province: string;
  days: number;
  dossiers: number;
}

/** Migration 0033: histograms of lead times in days by year of submission (the hand-over delay). */
export interface StatisticsCohortLeadTimesTable {
  lead: 'handover';
  submitted_year: number;
  category: string;
  province: string;
  days: number;
  dossiers: number;
}

/** Migration 0006: ids of dossiers changed since the statistics were last folded. */
export interface StatisticsPendingTable {
  dossier_id: string;
}

/** Migration 0008: mails to employers and workers, sent after the change that caused them. */
export interface MailOutboxTable {
  id: Generated<string>;
  dossier_id: string | null;
  kind: 'RECEIVED' | 'ACTION_NEEDED' | 'DECISION' | 'REMINDER' | 'HEARING' | 'ACCOUNT_LINK';
  dossier_version: number | null;
  reported_status: string;
  /** Null for account mails (migration 0018). */
  dossier_number: string | null;
  audience: 'EMPLOYER' | 'WORKER' | 'ACCOUNT';
  recipient: string;
  lang: Lang;
  subject: string | null;
  body_text: string | null;
  status: ColumnType<'PENDING' | 'SENT' | 'FAILED', 'PENDING' | undefined, 'PENDING' | 'SENT' | 'FAILED'>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  message_id: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
  /** Migration 0012: the day a reminder's answer is due. */
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0018: one-time links to set or reset a password. */
export interface PasswordLinksTable {
  token_hash: string;
  user_id: string;
  purpose: 'SET' | 'RESET';
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface RuleParametersTable {
  name: string;
  unit: string;
  description: string;
}

export type GovernanceState = 'PROPOSED' | 'APPROVED' | 'REJECTED' | 'SUPERSEDED';

/** Migration 0018: dated values of the rule parameters, seeded or proposed, approved by another. */
export interface RuleParameterVersionsTable {
  id: Generated<string>;
  name: string;
  valid_from: DateText;
  valid_until: DateText | null;
  /** Any JSON value; written as JSON text. */
  value: ColumnType<unknown, string, string>;
  source: string;
  verified: boolean;
  status: 'VERIFIED' | 'PROVISIONAL' | 'CONFLICTING';
  note: string | null;
  origin: 'SEED' | 'PROPOSAL';
  state: GovernanceState;
  proposed_by: string | null;
  proposed_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

/** Migration 0018: versions of the lists (the migration list), seeded or proposed. */
export interface RuleListVersionsTable {
  id: Generated<string>;
  list: 'migration-list';
  version: string | null;
  valid_from: DateText;
  legal_act: string;
  source: string;
  verified: boolean;
  note: string | null;
  /** The entries array; written as JSON text. */
  entries: ColumnType<unknown, string, string>;
  origin: 'SEED' | 'PROPOSAL';
  state: Exclude<GovernanceState, 'SUPERSEDED'>;
  proposed_by: string | null;
  proposed_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

/** Migration 0016: enforcement after the grant (src/enforcement). */
export interface RiskMonitoringRunsTable {
  id: Generated<string>;
  trigger: 'SCHEDULE' | 'ON_DEMAND';
  requested_by: string | null;
  read_on: string;
  status: ColumnType<
    'REQUESTED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED',
    'REQUESTED' | 'RUNNING' | undefined,
    'RUNNING' | 'SUCCEEDED' | 'FAILED'
  >;
  started_at: Generated<Date>;
  finished_at: Timestamp | null;
  summary: ColumnType<Json, Json | undefined, Json>;
}

export interface EmployerRiskScoresTable {
  run_id: string;
  enterprise_number: string;
  enterprise_name: string | null;
  nace_code: string | null;
  province: string | null;
  score: number;
  /** A JSON array: insert it stringified (node-postgres would send a JS array as a PostgreSQL array). */
  parts: ColumnType<unknown[], string, string>;
}

/** Migration 0035: paid ÷ threshold per hour per run, category and year of grant (aggregates only). */
export interface WageConformityTable {
  run_id: string;
  category: string;
  grant_year: number;
  authorisations: number;
  quantiles: number[] | null;
  below_share: number | null;
}

export interface RiskSignalsTable {
  id: Generated<string>;
  run_id: string;
  enterprise_number: string;
  dossier_id: string | null;
  kind: string;
  points: number;
  facts: ColumnType<unknown[], string, string>;
  rule: ColumnType<Json, Json, Json>;
}

export interface InspectionsTable {
  id: Generated<string>;
  enterprise_number: string;
  inspector_id: string | null;
  origin: 'SIGNAL' | 'REPORT' | 'OTHER';
  inspected_on: string;
  findings: ColumnType<unknown[], string, string>;
  fine_proposed_cents: number | null;
  outcome: 'NO_INFRINGEMENT' | 'WARNING' | 'FINE_PROPOSED' | 'WITHDRAWAL_PROPOSED';
  idempotency_key: string | null;
  created_at: Generated<Date>;
}

export interface InspectionReferralsTable {
  id: Generated<string>;
  inspection_id: string;
  addressee: 'HOUSING_INSPECTION' | 'VICTIM_SUPPORT';
  referred_on: string;
  created_at: Generated<Date>;
}

/** Migration 0032 (src/enforcement/evidence.repo.ts): an inspection's evidence files, append-only. */
export interface InspectionEvidenceTable {
  id: Generated<string>;
  inspection_id: string;
  seq: Generated<string>;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  storage: 'database' | 'disk';
  storage_key: string;
  added_by: string | null;
  added_at: Generated<Date>;
}

/** Migration 0031 (src/talent/care): a candidate's diploma recognition file at NARIC. */
export type RecognitionStatusColumn =
  | 'REQUESTED'
  | 'DOCUMENTS_MISSING'
  | 'COMPENSATION_MEASURE'
  | 'RECOGNISED'
  | 'REFUSED';

export interface TalentRecognitionFilesTable {
  candidate_id: string;
  partner_id: string;
  naric_reference: string;
  profession: 'NURSE' | 'CARE_WORKER';
  status: RecognitionStatusColumn;
  requested_on: string;
  status_on: string;
  record_key: ColumnType<number, never, never>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TalentRecognitionEventsTable {
  id: Generated<string>;
  candidate_id: string;
  status: RecognitionStatusColumn;
  status_on: string;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

/** Migration 0020 (src/talent): partner organisations and which PARTNER account acts for which. */
export interface TalentPartnersTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
  kind: Generated<'SCREENING' | 'PILOT_OPERATOR' | 'CARE_COORDINATION'>;
  pools: Generated<string[]>;
  retention_months: Generated<number>;
  deactivated_at: Date | null;
  updated_at: Generated<Date>;
}

export interface TalentPartnerMembersTable {
  user_id: string;
  partner_id: string;
}

export interface TalentVacanciesTable {
  id: Generated<string>;
  enterprise_number: string;
  created_by: string | null;
  occupation_id: string;
  isco_code: string;
  isco_minor: ColumnType<string, never, never>;
  title: string;
  postal_code: string;
  required_vks: number;
  languages: JsonColumn;
  start_date: string;
  positions: ColumnType<number, number | undefined, number>;
  gross_annual_salary: ColumnType<string | null, number | null | undefined, number | null>;
  on_vdab_shortage_list: boolean | null;
  status: ColumnType<'OPEN' | 'FILLED' | 'WITHDRAWN', 'OPEN' | 'FILLED' | 'WITHDRAWN' | undefined>;
  source: ColumnType<'LOKET' | 'VDAB' | 'EURES', 'LOKET' | 'VDAB' | 'EURES' | undefined>;
  search_text: string;
  idempotency_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** Imported from VDAB or EURES (migration 0041): the register's id, version and last change. */
  source_reference: ColumnType<string | null, string | null | undefined, string | null>;
  source_version: ColumnType<number | null, number | null | undefined, number | null>;
  source_updated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  published_until: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One import of published vacancies from VDAB and EURES (migration 0041). */
export interface TalentVacancyImportsTable {
  id: Generated<string>;
  requested_by: string | null;
  started_at: Generated<Date>;
  finished_at: Date | null;
  outcome: 'SUCCEEDED' | 'PARTIAL' | 'FAILED' | null;
  channels: JsonColumn;
}

/** ESCO's names per search language, folded, for the occupation pickers' search (migration 0041). */
export interface EscoOccupationNamesTable {
  occupation_id: string;
  isco_code: string;
  lang: 'nl' | 'fr' | 'en';
  kind: 'LABEL' | 'ALT';
  name: string;
  folded: string;
  label: string;
  label_lang: 'nl' | 'fr' | 'en';
}

export interface EscoCatalogueStateTable {
  singleton: ColumnType<boolean, boolean | undefined, boolean>;
  checksum: string;
  names: number;
  loaded_at: Generated<Date>;
}

export interface TalentCandidatesTable {
  id: Generated<string>;
  partner_id: string;
  reference: string;
  pool: 'LOCAL_JOBSEEKER' | 'REFUGEE' | 'ASYLUM_SEEKER' | 'PILOT_PARTICIPANT' | 'CARE_RECOGNITION';
  occupation_ids: string[];
  isco_codes: string[];
  isco_minors: string[];
  education_vks: number;
  languages: JsonColumn;
  circle: 'BELGIUM' | 'EU' | 'THIRD_COUNTRY';
  postal_code: string | null;
  nationality: string;
  work_access: 'FREE' | 'ASYLUM_WORK_ALLOWED' | 'NOT_YET' | 'PERMIT_NEEDED';
  available_from: string;
  recognition_status: 'NOT_APPLICABLE' | 'PENDING' | 'RECOGNISED' | 'REFUSED';
  naric_reference: string | null;
  consent_purpose: 'SHORTAGE_MATCHING';
  consent_given_on: string;
  consent_show_employers: boolean;
  retention_until: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type DeskReportStatus = 'RECEIVED' | 'ADMISSIBLE' | 'NOT_ADMISSIBLE' | 'FORWARDED';

/** Migration 0017: the public desk's abuse reports (src/desk). */
export interface DeskReportsTable {
  id: Generated<string>;
  seq: Generated<string>;
  reference: string;
  follow_up_hash: string;
  lang: string;
  received_on: DateText;
  reporter_role: string;
  contact: string | null;
  employer_name: string | null;
  enterprise_number: string | null;
  place: string | null;
  categories: string[];
  description: string;
  status: ColumnType<DeskReportStatus, DeskReportStatus | undefined, DeskReportStatus>;
  triage_reason: string | null;
  forwarded_to: string | null;
  triaged_by: string | null;
  triaged_on: DateText | null;
}

export interface DeskReportAttachmentsTable {
  id: Generated<string>;
  report_id: string;
  seq: Generated<string>;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage: 'database' | 'disk';
  storage_key: string;
  added_on: DateText;
}

export interface DeskReportMessagesTable {
  id: Generated<string>;
  report_id: string;
  author: 'INSPECTOR' | 'REPORTER';
  author_user_id: string | null;
  body: string;
  written_on: DateText;
}

export interface DeskChallengesTable {
  salt: string;
  bits: number;
  expires_at: Timestamp;
  spent_at: Timestamp | null;
}

export interface RecruitmentPilotsTable {
  id: Generated<string>;
  code: string;
  name: string;
  lead_organisation: string;
  partner_organisations: Generated<string[]>;
  partner_id: string | null;
  countries: string[];
  occupation_ids: Generated<string[]>;
  funders: Generated<string[]>;
  budget_eur: string | null;
  started_on: ColumnType<Date, string, string>;
  ended_on: ColumnType<Date | null, string | null, string | null>;
  target_participants: number | null;
  target_placed: number | null;
  sourced_figures: Generated<string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RecruitmentPilotResultsTable {
  pilot_id: string;
  figure: 'TRAINED' | 'PASSED' | 'PLACED_FLANDERS' | 'PLACED_ELSEWHERE';
  value: number;
  as_of: ColumnType<Date, string, string>;
}

export interface RecruitmentPilotRevisionsTable {
  id: Generated<string>;
  pilot_id: string;
  changed_by: string | null;
  changed_at: Generated<Date>;
  changed_fields: string[];
  snapshot: ColumnType<unknown, string, string>;
}

export interface RecruitmentPilotSpendingTable {
  pilot_id: string;
  year: number;
  funder: string;
  amount_eur: string;
}

export interface RecruitmentPilotParticipantsTable {
  id: Generated<string>;
  pilot_id: string;
  reference: string;
  country: string;
  education_vks: number;
  selected_on: ColumnType<Date, string, string>;
  stage: Generated<string>;
  dropped_reason: string | null;
  dropped_on: ColumnType<Date | null, string | null, string | null>;
  dossier_id: string | null;
  updated_at: Generated<Date>;
}

export interface RecruitmentPilotStageEventsTable {
  id: Generated<string>;
  participant_id: string;
  stage: string;
  reached_on: ColumnType<Date, string, string>;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_seals: AuditSealsTable;
  job_runs: JobRunsTable;
  employer_mandates: EmployerMandatesTable;
  dossiers: DossiersTable;
  dossier_actions: DossierActionsTable;
  dossier_documents: DossierDocumentsTable;
  document_contents: DocumentContentsTable;
  information_requests: InformationRequestsTable;
  dossier_letters: DossierLettersTable;
  worker_access: WorkerAccessTable;
  worker_access_tokens: WorkerAccessTokensTable;
  fee_payments: FeePaymentsTable;
  federal_outbox: FederalOutboxTable;
  staff_notifications: StaffNotificationsTable;
  dossier_statistics: DossierStatisticsTable;
  statistics_cohort_counts: StatisticsCohortCountsTable;
  statistics_decision_counts: StatisticsDecisionCountsTable;
  statistics_lead_times: StatisticsLeadTimesTable;
  statistics_cohort_lead_times: StatisticsCohortLeadTimesTable;
  statistics_appeal_counts: StatisticsAppealCountsTable;
  statistics_profile_counts: StatisticsProfileCountsTable;
  statistics_pending: StatisticsPendingTable;
  register_checks: RegisterChecksTable;
  register_facts: RegisterFactsTable;
  mail_outbox: MailOutboxTable;
  dossier_staff_entries: DossierStaffEntriesTable;
  revocation_proposals: RevocationProposalsTable;
  staff_saved_filters: StaffSavedFiltersTable;
  password_links: PasswordLinksTable;
  rule_parameters: RuleParametersTable;
  rule_parameter_versions: RuleParameterVersionsTable;
  rule_list_versions: RuleListVersionsTable;
  risk_monitoring_runs: RiskMonitoringRunsTable;
  employer_risk_scores: EmployerRiskScoresTable;
  risk_signals: RiskSignalsTable;
  wage_conformity: WageConformityTable;
  inspections: InspectionsTable;
  inspection_referrals: InspectionReferralsTable;
  inspection_evidence: InspectionEvidenceTable;
  talent_partners: TalentPartnersTable;
  talent_partner_members: TalentPartnerMembersTable;
  talent_vacancies: TalentVacanciesTable;
  talent_vacancy_imports: TalentVacancyImportsTable;
  esco_occupation_names: EscoOccupationNamesTable;
  esco_catalogue_state: EscoCatalogueStateTable;
  talent_candidates: TalentCandidatesTable;
  talent_recognition_files: TalentRecognitionFilesTable;
  talent_recognition_events: TalentRecognitionEventsTable;
  desk_reports: DeskReportsTable;
  desk_report_attachments: DeskReportAttachmentsTable;
  desk_report_messages: DeskReportMessagesTable;
  desk_challenges: DeskChallengesTable;
  recruitment_pilots: RecruitmentPilotsTable;
  recruitment_pilot_spending: RecruitmentPilotSpendingTable;
  recruitment_pilot_participants: RecruitmentPilotParticipantsTable;
  recruitment_pilot_stage_events: RecruitmentPilotStageEventsTable;
  recruitment_pilot_results: RecruitmentPilotResultsTable;
  recruitment_pilot_revisions: RecruitmentPilotRevisionsTable;
}
