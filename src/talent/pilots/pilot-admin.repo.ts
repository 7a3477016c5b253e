import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import {
  byFigure,
  byYearAndFunder,
  type PilotInput,
  type PilotResult,
  type PilotSpending,
  type ResultFigure,
} from './pilot-admin.ts';
import type { Pilot } from './pilots.repo.ts';

/** SQL of the pilots' administration (migration 0040): results, edits and their revisions. */

const isoDate = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

/** The reported results of the given projects, by project. */
export async function resultsOf(db: Db, pilotIds: readonly string[]): Promise<Map<string, PilotResult[]>> {
  const byPilot = new Map<string, PilotResult[]>(pilotIds.map((id) => [id, []]));
  if (pilotIds.length === 0) return byPilot;
  const rows = await db
    .selectFrom('recruitment_pilot_results')
    .selectAll()
    .where('pilot_id', 'in', pilotIds)
    .execute();
  for (const row of rows)
    byPilot.get(row.pilot_id)?.push({
      figure: row.figure as ResultFigure,
      value: row.value,
      asOf: isoDate(row.as_of),
    });
  for (const results of byPilot.values()) results.sort(byFigure);
  return byPilot;
}

/** The project's fields as the form edits them. */
export function inputOf(
  pilot: Pilot,
  results: readonly PilotResult[],
  spending: readonly PilotSpending[],
): PilotInput {
  return {
    name: pilot.name,
    leadOrganisation: pilot.leadOrganisation,
    partnerOrganisations: pilot.partnerOrganisations,
    countries: pilot.countries,
    occupationIds: pilot.occupationIds,
    funders: pilot.funders,
    budgetEur: pilot.budgetEur,
    startedOn: pilot.startedOn,
    endedOn: pilot.endedOn,
    targetParticipants: pilot.targetParticipants,
    targetPlaced: pilot.targetPlaced,
    results: [...results].sort(byFigure),
    operatorId: pilot.partnerId,
    spending: [...spending].sort(byYearAndFunder),
  };
}

function columnsOf(input: PilotInput, sourcedFigures: string[]) {
  return {
    name: input.name,
    lead_organisation: input.leadOrganisation,
    partner_organisations: input.partnerOrganisations,
    partner_id: input.operatorId,
    countries: input.countries,
    occupation_ids: input.occupationIds,
    funders: input.funders,
    budget_eur: input.budgetEur === null ? null : String(input.budgetEur),
    started_on: input.startedOn,
    ended_on: input.endedOn,
    target_participants: input.targetParticipants,
    target_placed: input.targetPlaced,
    sourced_figures: sourcedFigures,
  };
}

export class DuplicatePilotCodeError extends Error {}

export async function createPilot(
  db: Db,
  code: string,
  input: PilotInput,
  sourcedFigures: string[],
): Promise<string> {
  try {
    const { id } = await db
      .insertInto('recruitment_pilots')
      .values({ code, ...columnsOf(input, sourcedFigures) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'recruitment_pilots_code_key')
      throw new DuplicatePilotCodeError();
    throw error;
  }
}

/** Locks the project for an edit: two analysts' saves are applied in turn, each against the last. */
export async function lockPilot(db: Db, id: string): Promise<void> {
  await db.selectFrom('recruitment_pilots').select('id').where('id', '=', id).forUpdate().execute();
}

export async function updatePilot(
  db: Db,
  id: string,
  input: PilotInput,
  sourcedFigures: string[],
): Promise<void> {
  await db
    .updateTable('recruitment_pilots')
    .set({ ...columnsOf(input, sourcedFigures), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function replaceResults(
  db: Db,
  pilotId: string,
  results: readonly PilotResult[],
): Promise<void> {
  await db.deleteFrom('recruitment_pilot_results').where('pilot_id', '=', pilotId).execute();
  if (results.length === 0) return;
  await db
    .insertInto('recruitment_pilot_results')
    .values(results.map((r) => ({ pilot_id: pilotId, figure: r.figure, value: r.value, as_of: r.asOf })))
    .execute();
}

/** The project's spending as last saved: the rows an analyst entered replace the earlier ones. */
export async function replaceSpending(
  db: Db,
  pilotId: string,
  spending: readonly PilotSpending[],
): Promise<void> {
  await db.deleteFrom('recruitment_pilot_spending').where('pilot_id', '=', pilotId).execute();
  if (spending.length === 0) return;
  await db
    .insertInto('recruitment_pilot_spending')
    .values(
      spending.map((row) => ({
        pilot_id: pilotId,
        year: row.year,
        funder: row.funder,
        amount_eur: row.amountEur.toFixed(2),
      })),
    )
    .execute();
}

export async function appendRevision(
  db: Db,
  revision: { pilotId: string; changedBy: string | null; changedFields: string[]; snapshot: PilotInput },
): Promise<void> {
  await db
    .insertInto('recruitment_pilot_revisions')
    .values({
      pilot_id: revision.pilotId,
      changed_by: revision.changedBy,
      changed_fields: revision.changedFields,
      snapshot: JSON.stringify(revision.snapshot),
    })
    .execute();
}

export interface Revision {
  id: string;
  changedAt: string;
  changedBy: string | null;
  changedFields: string[];
  snapshot: PilotInput;
}

/** The project's revisions, newest first, with the display name of who saved each. */
export async function revisionsOf(db: Db, pilotId: string): Promise<Revision[]> {
  const rows = await db
    .selectFrom('recruitment_pilot_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.changed_by')
    .select(['r.id', 'r.changed_at', 'r.changed_fields', 'r.snapshot', 'u.display_name'])
    .where('r.pilot_id', '=', pilotId)
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    changedAt: new Date(row.changed_at).toISOString(),
    changedBy: row.display_name ?? null,
    changedFields: row.changed_fields,
    snapshot: row.snapshot as PilotInput,
  }));
}
