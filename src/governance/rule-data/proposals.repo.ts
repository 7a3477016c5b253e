import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/** Proposals and decisions on rule data (rule_parameter_versions, rule_list_versions). */

export type ProposalKind = 'parameter' | 'list';

export interface Proposal {
  kind: ProposalKind;
  id: string;
  subject: string;
  validFrom: string;
  value: unknown;
  source: string;
  note: string | null;
  state: string;
  proposedBy: string | null;
  proposedById: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** Proposals, newest first: the open ones and the latest decided. */
export async function listProposals(db: Db, limit = 100): Promise<Proposal[]> {
  const { rows } = await sql<{
    kind: ProposalKind;
    id: string;
    subject: string;
    valid_from: string;
    value: unknown;
    source: string;
    note: string | null;
    state: string;
    proposed_by: string | null;
    proposed_by_id: string | null;
    proposed_at: Date;
    decided_by: string | null;
    decided_at: Date | null;
    decision_note: string | null;
  }>`
    select * from (
      select 'parameter' as kind, v.id::text, v.name as subject, v.valid_from::text, v.value, v.source,
        v.note, v.state, p.display_name as proposed_by, v.proposed_by::text as proposed_by_id, v.proposed_at,
        d.display_name as decided_by, v.decided_at, v.decision_note
      from rule_parameter_versions v
      left join users p on p.id = v.proposed_by left join users d on d.id = v.decided_by
      where v.origin = 'PROPOSAL'
      union all
      select 'list', v.id::text, v.list, v.valid_from::text,
        jsonb_build_object('legalAct', v.legal_act, 'entries', jsonb_array_length(v.entries), 'version', v.version),
        v.source, v.note, v.state, p.display_name, v.proposed_by::text, v.proposed_at,
        d.display_name, v.decided_at, v.decision_note
      from rule_list_versions v
      left join users p on p.id = v.proposed_by left join users d on d.id = v.decided_by
      where v.origin = 'PROPOSAL'
    ) proposals
    order by (state = 'PROPOSED') desc, proposed_at desc
    limit ${limit}`.execute(db);
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    subject: row.subject,
    validFrom: row.valid_from,
    value: row.value,
    source: row.source,
    note: row.note,
    state: row.state,
    proposedBy: row.proposed_by,
    proposedById: row.proposed_by_id,
    proposedAt: new Date(row.proposed_at).toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decisionNote: row.decision_note,
  }));
}

export async function insertParameterProposal(
  trx: Db,
  proposal: {
    name: string;
    validFrom: string;
    value: unknown;
    source: string;
    verified: boolean;
    note: string | null;
    proposedBy: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('rule_parameter_versions')
    .values({
      name: proposal.name,
      valid_from: proposal.validFrom,
      valid_until: null,
      value: JSON.stringify(proposal.value),
      source: proposal.source,
      verified: proposal.verified,
      status: proposal.verified ? 'VERIFIED' : 'PROVISIONAL',
      note: proposal.note,
      origin: 'PROPOSAL',
      state: 'PROPOSED',
      proposed_by: proposal.proposedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function insertListProposal(
  trx: Db,
  proposal: {
    validFrom: string;
    legalAct: string;
    source: string;
    verified: boolean;
    note: string | null;
    entries: unknown[];
    proposedBy: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('rule_list_versions')
    .values({
      list: 'migration-list',
      version: null,
      valid_from: proposal.validFrom,
      legal_act: proposal.legalAct,
      source: proposal.source,
      verified: proposal.verified,
      note: proposal.note,
      entries: JSON.stringify(proposal.entries),
      origin: 'PROPOSAL',
      state: 'PROPOSED',
      proposed_by: proposal.proposedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** The proposal, locked for the decision; undefined when there is none with that id. */
export async function lockProposal(trx: Db, kind: ProposalKind, id: string) {
  const table = kind === 'parameter' ? 'rule_parameter_versions' : 'rule_list_versions';
  const { rows } = await sql<{
    id: string;
    subject: string;
    valid_from: string;
    state: string;
    proposed_by: string | null;
    origin: string;
  }>`select id::text, ${sql.raw(kind === 'parameter' ? 'name' : 'list')} as subject, valid_from::text,
      state, proposed_by::text, origin
    from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  return rows[0];
}

/** Approves a parameter value; an approved value from the same day is superseded by it. */
export async function approveParameter(
  trx: Db,
  id: string,
  decision: { by: string; note: string | null },
): Promise<void> {
  const target = await trx
    .selectFrom('rule_parameter_versions')
    .select(['name', 'valid_from'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('rule_parameter_versions')
    .set({ state: 'SUPERSEDED' })
    .where('name', '=', target.name)
    .where('valid_from', '=', target.valid_from)
    .where('state', '=', 'APPROVED')
    .execute();
  await trx
    .updateTable('rule_parameter_versions')
    .set({ state: 'APPROVED', decided_by: decision.by, decided_at: new Date(), decision_note: decision.note })
    .where('id', '=', id)
    .execute();
}

/** The start of the latest approved list version (a new one must start after it). */
export async function latestListStart(trx: Db): Promise<{ validFrom: string; count: number }> {
  const row = await trx
    .selectFrom('rule_list_versions')
    .select([(eb) => eb.fn.max('valid_from').as('latest'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('state', '=', 'APPROVED')
    .where('list', '=', 'migration-list')
    .executeTakeFirstOrThrow();
  return { validFrom: String(row.latest ?? ''), count: Number(row.count) };
}

/** Approves a list version, numbered after the approved ones (v1, v2, … in date order). */
export async function approveList(
  trx: Db,
  id: string,
  decision: { by: string; note: string | null; version: string },
): Promise<void> {
  await trx
    .updateTable('rule_list_versions')
    .set({
      state: 'APPROVED',
      version: decision.version,
      decided_by: decision.by,
      decided_at: new Date(),
      decision_note: decision.note,
    })
    .where('id', '=', id)
    .execute();
}

export async function rejectProposal(
  trx: Db,
  kind: ProposalKind,
  id: string,
  decision: { by: string; note: string | null },
): Promise<void> {
  const table = kind === 'parameter' ? 'rule_parameter_versions' : 'rule_list_versions';
  await sql`update ${sql.table(table)} set state = 'REJECTED', decided_by = ${decision.by},
      decided_at = now(), decision_note = ${decision.note} where id = ${id}`.execute(trx);
}
