import { type Kysely, sql } from 'kysely';

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
const ROWS: Privilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
const APPEND_ONLY: Privilege[] = ['SELECT', 'INSERT'];

/**
 * What the app role may do with each table of `public`: every table is named, so a migration that
 * adds one fails `app-role.db.test.ts` until someone decides its rights here. Never TRUNCATE,
 * REFERENCES or TRIGGER. The audit trail and the dossiers' action log are append-only for the app
 * (their triggers say so too); seals and the sealer's horizon are written only by
 * `audit_seal_pending()`, which runs with the owner's rights (migration 0011). Statistics are
 * folded by `fold_pending_statistics()` with the caller's rights, hence their write rights.
 * The migration ledger (kysely_migration*) and the schema loket_private are the owner's alone.
 */
export const APP_TABLE_PRIVILEGES: Record<string, Privilege[]> = {
  audit_events: APPEND_ONLY,
  audit_seals: ['SELECT'],
  audit_seal_horizon: ['SELECT'],
  dossier_actions: APPEND_ONLY,
  // Notes, assignments and letter edits: appended, never changed (its trigger says so too).
  dossier_staff_entries: APPEND_ONLY,
  // The public desk: reports change status when triaged; questions and answers are only appended.
  desk_challenges: ROWS,
  desk_report_attachments: ROWS,
  desk_report_messages: APPEND_ONLY,
  desk_reports: ROWS,
  document_contents: ROWS,
  dossier_documents: ROWS,
  dossier_letters: ROWS,
  dossier_statistics: ROWS,
  dossiers: ROWS,
  employer_mandates: ROWS,
  employer_risk_scores: ROWS,
  federal_outbox: ROWS,
  fee_payments: ROWS,
  information_requests: ROWS,
  // Evidence of an inspection is added, never changed or removed.
  inspection_evidence: APPEND_ONLY,
  inspection_referrals: APPEND_ONLY,
  inspections: APPEND_ONLY,
  job_runs: ROWS,
  mail_outbox: ROWS,
  password_links: ROWS,
  register_checks: ROWS,
  // Rule data under four eyes: versions change state (proposed → approved), never disappear.
  rule_list_versions: ['SELECT', 'INSERT', 'UPDATE'],
  rule_parameter_versions: ['SELECT', 'INSERT', 'UPDATE'],
  rule_parameters: ['SELECT', 'INSERT'],
  // Withdrawal proposals: the hearing's answer and the decision are written onto the row.
  revocation_proposals: ROWS,
  register_facts: ROWS,
  risk_monitoring_runs: ROWS,
  risk_signals: ROWS,
  // Market conformity (migration 0035): written with its run, deleted with it.
  wage_conformity: ROWS,
  sessions: ROWS,
  // Talent pools (src/talent): candidates are deleted on erasure, hence DELETE.
  talent_candidates: ROWS,
  talent_partner_members: ROWS,
  talent_partners: ROWS,
  talent_vacancies: ROWS,
  // Imports of VDAB/EURES vacancies: a run is opened, then closed with its outcome.
  talent_vacancy_imports: ['SELECT', 'INSERT', 'UPDATE'],
  // The ESCO catalogue is loaded by the owner at start (src/occupations/occupation-names.repo.ts); the app only searches it.
  esco_occupation_names: ['SELECT'],
  esco_catalogue_state: ['SELECT'],
  // The care pipeline's recognition files (src/talent/care): erased with their candidate (by the
  // foreign key's cascade); their status history is only appended.
  talent_recognition_files: ROWS,
  talent_recognition_events: APPEND_ONLY,
  // Recruitment pilots (src/talent/pilots): projects are recorded and edited by analysts (their
  // revisions only appended; their reported results and spending replaced, the old ones kept in the
  // revisions); participants move on; their stage history is append-only.
  recruitment_pilots: ['SELECT', 'INSERT', 'UPDATE'],
  recruitment_pilot_results: ROWS,
  recruitment_pilot_revisions: APPEND_ONLY,
  recruitment_pilot_spending: ROWS,
  recruitment_pilot_participants: ['SELECT', 'INSERT', 'UPDATE'],
  recruitment_pilot_stage_events: APPEND_ONLY,
  staff_saved_filters: ROWS,
  staff_notifications: ROWS,
  worker_access_tokens: ROWS,
  statistics_cohort_counts: ROWS,
  statistics_decision_counts: ROWS,
  statistics_lead_times: ROWS,
  statistics_cohort_lead_times: ROWS,
  statistics_appeal_counts: ROWS,
  statistics_profile_counts: ROWS,
  statistics_pending: ROWS,
  users: ROWS,
  worker_access: ROWS,
};

/** Functions the app calls that PUBLIC may not (they run with the owner's rights). */
const APP_FUNCTIONS = ['audit_seal_pending()'];

/** pg-boss's schema: its own tables, one per queue, all rows the app's job runner works on. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

// biome-ignore lint/suspicious/noExplicitAny: grants address the catalog, not the typed schema
type AnyDb = Kysely<any>;

/**
 * Brings the app role's rights to exactly APP_TABLE_PRIVILEGES (revoke everything, then grant), so
 * running it again after every migration is harmless and a right taken out of the list is taken
 * back. Call it in a transaction as the owner; concurrent GRANTs on one table can fail with "tuple
 * concurrently updated", so callers hold a lock (prepare-database.ts).
 */
export async function grantAppRole(db: AnyDb, role: string): Promise<void> {
  const who = sql.id(role);
  await sql`revoke all on all tables in schema public from ${who}`.execute(db);
  await sql`revoke all on all sequences in schema public from ${who}`.execute(db);
  await sql`grant usage on schema public to ${who}`.execute(db);
  for (const [table, privileges] of Object.entries(APP_TABLE_PRIVILEGES)) {
    await sql`grant ${sql.raw(privileges.join(', '))} on table ${sql.table(table)} to ${who}`.execute(db);
  }
  // nextval() for the serial and identity columns the app inserts into; no setval (UPDATE).
  await sql`grant usage on all sequences in schema public to ${who}`.execute(db);
  for (const fn of APP_FUNCTIONS) await sql`grant execute on function ${sql.raw(fn)} to ${who}`.execute(db);

  const queue = sql.id(JOB_QUEUE_SCHEMA);
  const hasQueue = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_namespace where nspname = ${JOB_QUEUE_SCHEMA}) as ok`.execute(db);
  if (hasQueue.rows[0]?.ok) {
    await sql`grant usage on schema ${queue} to ${who}`.execute(db);
    await sql`revoke all on all tables in schema ${queue} from ${who}`.execute(db);
    await sql`grant select, insert, update, delete on all tables in schema ${queue} to ${who}`.execute(db);
    await sql`grant usage on all sequences in schema ${queue} to ${who}`.execute(db);
  }
}

/** What must never be true of the app role; each entry is one reason it is unfit. */
export async function appRoleProblems(db: AnyDb, role: string): Promise<string[]> {
  const { rows } = await sql<{
    rolsuper: boolean;
    rolbypassrls: boolean;
    rolcreaterole: boolean;
    rolcreatedb: boolean;
    rolreplication: boolean;
    is_owner_member: boolean;
    owns: number;
    can_create: boolean;
  }>`
    select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
      pg_has_role(r.oid, (select oid from pg_roles where rolname = current_user), 'MEMBER') as is_owner_member,
      (select count(*) from pg_class c where c.relowner = r.oid and c.relpersistence <> 't')
        + (select count(*) from pg_namespace n where n.nspowner = r.oid and n.nspname !~ '^pg_(toast_)?temp_')
        + (select count(*) from pg_proc p where p.proowner = r.oid) as owns,
      has_schema_privilege(r.oid, 'public', 'CREATE')
        or has_database_privilege(r.oid, current_database(), 'CREATE') as can_create
    from pg_roles r where r.rolname = ${role}`.execute(db);
  const found = rows[0];
  if (!found) return [`role ${role} does not exist`];
  const problems: string[] = [];
  if (found.rolsuper) problems.push('is a superuser');
  if (found.rolbypassrls) problems.push('has BYPASSRLS');
  if (found.rolcreaterole) problems.push('has CREATEROLE');
  if (found.rolcreatedb) problems.push('has CREATEDB');
  if (found.rolreplication) problems.push('has REPLICATION');
  if (found.is_owner_member)
    problems.push('has the rights of the owner (it is the owner, or a member of it)');
  if (Number(found.owns) > 0)
    problems.push('owns tables, schemas or functions in this database (other than temporary ones)');
  if (found.can_create) problems.push('may create objects in the database or its public schema');
  return problems;
}
