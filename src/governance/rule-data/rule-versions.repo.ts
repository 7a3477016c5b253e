import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { MigrationListEntry, RuleData } from '../../rules/index.ts';
import { brusselsDate } from '../../server/today.ts';
import { type ListRow, type ParameterRow, ruleDataFromRows } from './rule-versions.ts';

/**
 * Puts the YAML rule data (`rules/`) into an empty database as approved SEED versions: the start of
 * every fresh database, and of the tests. Returns false when versions exist already (never
 * overwritten: after the first start the database is the source, the YAML only the seed).
 */
export async function seedRuleData(db: Db, seed: RuleData): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended('loket:rule-data-seed', 0))`.execute(trx);
    // A parameter the code needs and the database never held (added to the engine after the
    // first seed) is seeded from its YAML too; what the database holds is never touched, so a
    // governed change is not undone.
    const known = new Set(
      (await trx.selectFrom('rule_parameters').select('name').execute()).map((r) => r.name),
    );
    const timelines = [...seed.parameters.timelines.values()].filter((t) => !known.has(t.name));
    if (timelines.length === 0) return false;
    await trx
      .insertInto('rule_parameters')
      .values(timelines.map((t) => ({ name: t.name, unit: t.unit, description: t.description })))
      .execute();
    await trx
      .insertInto('rule_parameter_versions')
      .values(
        timelines.flatMap((t) =>
          t.periods.map((p) => ({
            name: t.name,
            valid_from: p.validFrom,
            valid_until: p.validUntil,
            value: JSON.stringify(p.value),
            source: p.source,
            verified: p.verified,
            status: p.status,
            origin: 'SEED' as const,
            state: 'APPROVED' as const,
          })),
        ),
      )
      .execute();
    if (known.size > 0) return true;
    await trx
      .insertInto('rule_list_versions')
      .values(
        seed.migrationList.map((v) => ({
          list: 'migration-list' as const,
          version: v.id,
          valid_from: v.validFrom,
          legal_act: v.legalAct,
          source: v.source,
          verified: v.verified,
          note: v.note,
          entries: JSON.stringify(v.entries),
          origin: 'SEED' as const,
          state: 'APPROVED' as const,
        })),
      )
      .execute();
    return true;
  });
}

/** The approved versions, as rule data for the engine. */
export async function loadApprovedRuleData(db: Db): Promise<RuleData> {
  const rows = await loadApprovedRows(db);
  return ruleDataFromRows(rows.parameters, rows.lists);
}

/** The approved versions as rows: what `ruleDataFromRows` builds the rule data from. */
export async function loadApprovedRows(db: Db): Promise<{ parameters: ParameterRow[]; lists: ListRow[] }> {
  const [parameters, lists] = await Promise.all([
    db
      .selectFrom('rule_parameter_versions as v')
      .innerJoin('rule_parameters as p', 'p.name', 'v.name')
      .select([
        'v.name',
        'p.unit',
        'p.description',
        'v.valid_from',
        'v.valid_until',
        'v.value',
        'v.source',
        'v.verified',
        'v.status',
      ])
      .where('v.state', '=', 'APPROVED')
      .execute(),
    db
      .selectFrom('rule_list_versions')
      .select(['version', 'valid_from', 'legal_act', 'source', 'verified', 'note', 'entries'])
      .where('state', '=', 'APPROVED')
      .where('list', '=', 'migration-list')
      .orderBy('valid_from')
      .execute(),
  ]);
  return {
    parameters: parameters.map(
      (row): ParameterRow => ({
        name: row.name,
        unit: row.unit,
        description: row.description,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        value: row.value,
        source: row.source,
        verified: row.verified,
        status: row.status,
      }),
    ),
    lists: lists.map(
      (row): ListRow => ({
        version: row.version as string,
        validFrom: row.valid_from,
        legalAct: row.legal_act,
        source: row.source,
        verified: row.verified,
        note: row.note,
        entries: row.entries as MigrationListEntry[],
      }),
    ),
  };
}

/**
 * A fingerprint of what is approved: another instance compares it to decide whether to reload.
 * One cheap aggregate over both tables.
 */
export async function approvedRevision(db: Db): Promise<string> {
  const { rows } = await sql<{ revision: string }>`
    select concat_ws('/',
      (select count(*) || ':' || coalesce(max(decided_at)::text, '') from rule_parameter_versions where state = 'APPROVED'),
      (select count(*) || ':' || coalesce(max(decided_at)::text, '') from rule_list_versions where state = 'APPROVED')
    ) as revision`.execute(db);
  return rows[0]?.revision ?? '';
}

/** The latest date a dossier was filed under (its application date or submission day), or null. */
export async function latestFilingDate(db: Db): Promise<string | null> {
  const { rows } = await sql<{ latest: string | null }>`
    select max(greatest(
      case when application->>'applicationDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'
        then (application->>'applicationDate')::date end,
      (submitted_at at time zone 'Europe/Brussels')::date
    ))::text as latest
    from dossiers where submitted_at is not null`.execute(db);
  return rows[0]?.latest ?? null;
}

/**
 * Who approved a version. The public reads the role and the date only: a seed came with the
 * service's initial rule data; a proposal was approved by a second administrator on a date.
 * Administrators, who see each other's names on the proposals page already, also get the
 * approver's name (`withNames`).
 */
export interface VersionApproval {
  by: 'INITIAL_DATA' | 'SECOND_ADMINISTRATOR';
  approvedOn: string | null;
  approverName?: string;
}

interface ApprovalRow {
  origin: 'SEED' | 'PROPOSAL';
  decided_at: Date | string | null;
  approver_name: string | null;
}

function approvalOf(row: ApprovalRow, withNames: boolean): VersionApproval {
  if (row.origin === 'SEED') return { by: 'INITIAL_DATA', approvedOn: null };
  const approvedOn = row.decided_at === null ? null : brusselsDate(new Date(row.decided_at));
  return {
    by: 'SECOND_ADMINISTRATOR',
    approvedOn,
    ...(withNames && row.approver_name ? { approverName: row.approver_name } : {}),
  };
}

export async function approvalsOfVersions(
  db: Db,
  withNames: boolean,
): Promise<{ parameters: Map<string, VersionApproval>; lists: Map<string, VersionApproval> }> {
  const [parameters, lists] = await Promise.all([
    db
      .selectFrom('rule_parameter_versions as v')
      .leftJoin('users as u', 'u.id', 'v.decided_by')
      .select(['v.name', 'v.valid_from', 'v.origin', 'v.decided_at', 'u.display_name as approver_name'])
      .where('v.state', '=', 'APPROVED')
      .execute(),
    db
      .selectFrom('rule_list_versions as v')
      .leftJoin('users as u', 'u.id', 'v.decided_by')
      .select(['v.version', 'v.origin', 'v.decided_at', 'u.display_name as approver_name'])
      .where('v.state', '=', 'APPROVED')
      .where('v.list', '=', 'migration-list')
      .execute(),
  ]);
  return {
    parameters: new Map(
      parameters.map((row) => [`${row.name}@${row.valid_from}`, approvalOf(row, withNames)]),
    ),
    lists: new Map(lists.map((row) => [String(row.version), approvalOf(row, withNames)])),
  };
}
