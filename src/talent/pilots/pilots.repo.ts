import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { foldText } from '../../occupations/search-text.ts';
import type { DropReason, ParticipantProgress, PilotStage, SourcedFigure } from './pilot-model.ts';

export interface Pilot {
  id: string;
  code: string;
  name: string;
  leadOrganisation: string;
  partnerOrganisations: string[];
  partnerId: string | null;
  countries: string[];
  occupationIds: string[];
  funders: string[];
  budgetEur: number | null;
  startedOn: string;
  endedOn: string | null;
  targetParticipants: number | null;
  targetPlaced: number | null;
  sourcedFigures: SourcedFigure[];
}

export interface Participant {
  id: string;
  pilotId: string;
  reference: string;
  country: string;
  educationVks: number;
  selectedOn: string;
  stage: PilotStage;
  droppedReason: DropReason | null;
  droppedOn: string | null;
  dossier: { id: string; number: string | null; status: string } | null;
}

export type NewPilot = Omit<Pilot, 'id'>;

const isoDate = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

function pilotFrom(row: {
  id: string;
  code: string;
  name: string;
  lead_organisation: string;
  partner_organisations: string[];
  partner_id: string | null;
  countries: string[];
  occupation_ids: string[];
  funders: string[];
  budget_eur: string | null;
  started_on: unknown;
  ended_on: unknown;
  target_participants: number | null;
  target_placed: number | null;
  sourced_figures: string[];
}): Pilot {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    leadOrganisation: row.lead_organisation,
    partnerOrganisations: row.partner_organisations,
    partnerId: row.partner_id,
    countries: row.countries,
    occupationIds: row.occupation_ids,
    funders: row.funders,
    budgetEur: row.budget_eur === null ? null : Number(row.budget_eur),
    startedOn: isoDate(row.started_on),
    endedOn: row.ended_on === null ? null : isoDate(row.ended_on),
    targetParticipants: row.target_participants,
    targetPlaced: row.target_placed,
    sourcedFigures: row.sourced_figures as SourcedFigure[],
  };
}

export async function insertPilot(db: Db, pilot: NewPilot): Promise<Pilot> {
  const row = await db
    .insertInto('recruitment_pilots')
    .values({
      code: pilot.code,
      name: pilot.name,
      lead_organisation: pilot.leadOrganisation,
      partner_organisations: pilot.partnerOrganisations,
      partner_id: pilot.partnerId,
      countries: pilot.countries,
      occupation_ids: pilot.occupationIds,
      funders: pilot.funders,
      budget_eur: pilot.budgetEur === null ? null : String(pilot.budgetEur),
      started_on: pilot.startedOn,
      ended_on: pilot.endedOn,
      target_participants: pilot.targetParticipants,
      target_placed: pilot.targetPlaced,
      sourced_figures: pilot.sourcedFigures,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return pilotFrom(row);
}

/** Every project, newest first: a project is public information (its participants are not). */
export async function listPilots(db: Db): Promise<Pilot[]> {
  const rows = await db.selectFrom('recruitment_pilots').selectAll().orderBy('started_on', 'desc').execute();
  return rows.map(pilotFrom);
}

export async function findPilot(db: Db, id: string): Promise<Pilot | null> {
  const row = await db.selectFrom('recruitment_pilots').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? pilotFrom(row) : null;
}

export async function insertSpending(
  db: Db,
  pilotId: string,
  rows: ReadonlyArray<{ year: number; funder: string; amountEur: number }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('recruitment_pilot_spending')
    .values(
      rows.map((row) => ({
        pilot_id: pilotId,
        year: row.year,
        funder: row.funder,
        amount_eur: String(row.amountEur),
      })),
    )
    .execute();
}

export async function spendingOf(
  db: Db,
  pilotId: string,
): Promise<Array<{ year: number; funder: string; amountEur: number }>> {
  const rows = await db
    .selectFrom('recruitment_pilot_spending')
    .select(['year', 'funder', 'amount_eur'])
    .where('pilot_id', '=', pilotId)
    .orderBy('year')
    .orderBy('funder')
    .execute();
  return rows.map((row) => ({ year: row.year, funder: row.funder, amountEur: Number(row.amount_eur) }));
}

/** Progress of every participant of the given projects: what the reports count, without references. */
export async function progressOf(
  db: Db,
  pilotIds: readonly string[],
): Promise<Map<string, ParticipantProgress[]>> {
  const byPilot = new Map<string, ParticipantProgress[]>(pilotIds.map((id) => [id, []]));
  if (pilotIds.length === 0) return byPilot;
  const rows = await db
    .selectFrom('recruitment_pilot_participants')
    .select(['pilot_id', 'stage', 'dropped_reason', 'country', 'education_vks', 'selected_on'])
    .where('pilot_id', 'in', pilotIds)
    .execute();
  for (const row of rows)
    byPilot.get(row.pilot_id)?.push({
      stage: row.stage as PilotStage,
      droppedReason: row.dropped_reason as DropReason | null,
      country: row.country,
      educationVks: row.education_vks,
      year: Number(isoDate(row.selected_on).slice(0, 4)),
    });
  return byPilot;
}

const participantColumns = [
  'p.id',
  'p.pilot_id',
  'p.reference',
  'p.country',
  'p.education_vks',
  'p.selected_on',
  'p.stage',
  'p.dropped_reason',
  'p.dropped_on',
  'p.dossier_id',
  'd.number as dossier_number',
  'd.status as dossier_status',
] as const;

type ParticipantRow = {
  id: string;
  pilot_id: string;
  reference: string;
  country: string;
  education_vks: number;
  selected_on: unknown;
  stage: string;
  dropped_reason: string | null;
  dropped_on: unknown;
  dossier_id: string | null;
  dossier_number: string | null;
  dossier_status: string | null;
};

function participantFrom(row: ParticipantRow): Participant {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    reference: row.reference,
    country: row.country,
    educationVks: row.education_vks,
    selectedOn: isoDate(row.selected_on),
    stage: row.stage as PilotStage,
    droppedReason: row.dropped_reason as DropReason | null,
    droppedOn: row.dropped_on === null ? null : isoDate(row.dropped_on),
    dossier: row.dossier_id
      ? { id: row.dossier_id, number: row.dossier_number, status: row.dossier_status ?? 'DRAFT' }
      : null,
  };
}

export async function listParticipants(db: Db, pilotId: string): Promise<Participant[]> {
  const rows = await db
    .selectFrom('recruitment_pilot_participants as p')
    .leftJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .select(participantColumns)
    .where('p.pilot_id', '=', pilotId)
    .orderBy('p.reference')
    .execute();
  return rows.map((row) => participantFrom(row as ParticipantRow));
}

/** One participant, locked for the change that follows (two partners' clicks are applied in turn). */
export async function lockParticipant(db: Db, pilotId: string, id: string): Promise<Participant | null> {
  const row = await db
    .selectFrom('recruitment_pilot_participants as p')
    .leftJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .select(participantColumns)
    .where('p.pilot_id', '=', pilotId)
    .where('p.id', '=', id)
    .forUpdate('p')
    .executeTakeFirst();
  return row ? participantFrom(row as ParticipantRow) : null;
}

export class DuplicateParticipantError extends Error {}

export async function insertParticipant(
  db: Db,
  participant: {
    pilotId: string;
    reference: string;
    country: string;
    educationVks: number;
    selectedOn: string;
  },
  recordedBy: string | null,
): Promise<string> {
  try {
    const { id } = await db
      .insertInto('recruitment_pilot_participants')
      .values({
        pilot_id: participant.pilotId,
        reference: participant.reference,
        country: participant.country,
        education_vks: participant.educationVks,
        selected_on: participant.selectedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('recruitment_pilot_stage_events')
      .values({
        participant_id: id,
        stage: 'SELECTED',
        reached_on: participant.selectedOn,
        recorded_by: recordedBy,
      })
      .execute();
    return id;
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'recruitment_pilot_participants_reference_key')
      throw new DuplicateParticipantError();
    throw error;
  }
}

export async function recordStage(
  db: Db,
  participantId: string,
  change: { stage: PilotStage; reachedOn: string; dossierId: string | null },
  recordedBy: string | null,
): Promise<void> {
  await db
    .updateTable('recruitment_pilot_participants')
    .set({
      stage: change.stage,
      ...(change.dossierId ? { dossier_id: change.dossierId } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', participantId)
    .execute();
  await db
    .insertInto('recruitment_pilot_stage_events')
    .values({
      participant_id: participantId,
      stage: change.stage,
      reached_on: change.reachedOn,
      recorded_by: recordedBy,
    })
    .execute();
}

export async function recordDropOut(
  db: Db,
  participantId: string,
  reason: DropReason,
  on: string,
  recordedBy: string | null,
): Promise<void> {
  await db
    .updateTable('recruitment_pilot_participants')
    .set({ dropped_reason: reason, dropped_on: on, updated_at: sql<Date>`now()` })
    .where('id', '=', participantId)
    .execute();
  await db
    .insertInto('recruitment_pilot_stage_events')
    .values({
      participant_id: participantId,
      stage: `DROPPED:${reason}`,
      reached_on: on,
      recorded_by: recordedBy,
    })
    .execute();
}

/**
 * The dossier a permit was filed as, by the number the employer sees on it (VL-2026-000042) and the
 * worker's family name in it: a partner knows both for its own participant, and cannot find out
 * anything about a dossier by trying numbers (a wrong name answers as a wrong number).
 */
export async function findParticipantDossier(
  db: Db,
  number: string,
  familyName: string,
): Promise<{ id: string; status: string } | null> {
  const row = await db
    .selectFrom('dossiers')
    .select(['id', 'status', sql<string | null>`worker_identity ->> 'familyName'`.as('family_name')])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row || foldText(row.family_name ?? '') !== foldText(familyName)) return null;
  return { id: row.id, status: row.status };
}
