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
}

export interface JobRunsTable {
  id: Generated<string>;
  job_name: string;
  started_at: Generated<Date>;
  finished_at: Timestamp | null;
  outcome: ColumnType<'RUNNING' | 'SUCCEEDED' | 'FAILED', 'RUNNING' | undefined, 'SUCCEEDED' | 'FAILED'>;
  summary: ColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  job_runs: JobRunsTable;
}
