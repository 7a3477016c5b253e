import type { Db } from '../../db/client.ts';
import { type CareProfession, candidateRecognition, type RecognitionStatus } from './recognition-model.ts';

/** SQL of the recognition files (migration 0031). Callers decide who may see what. */

export interface RecognitionFile {
  candidateId: string;
  partnerId: string;
  naricReference: string;
  profession: CareProfession;
  status: RecognitionStatus;
  requestedOn: string;
  statusOn: string;
  isDemo: boolean;
  updatedAt: string;
}

export interface RecognitionEvent {
  status: RecognitionStatus;
  statusOn: string;
  recordedAt: string;
}

const FILE_COLUMNS = [
  'candidate_id',
  'partner_id',
  'naric_reference',
  'profession',
  'status',
  'requested_on',
  'status_on',
  'is_demo',
  'updated_at',
] as const;

function toFile(row: {
  candidate_id: string;
  partner_id: string;
  naric_reference: string;
  profession: CareProfession;
  status: RecognitionStatus;
  requested_on: string;
  status_on: string;
  is_demo: boolean;
  updated_at: Date;
}): RecognitionFile {
  return {
    candidateId: row.candidate_id,
    partnerId: row.partner_id,
    naricReference: row.naric_reference,
    profession: row.profession,
    status: row.status,
    requestedOn: row.requested_on,
    statusOn: row.status_on,
    isDemo: row.is_demo,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findRecognitionFile(db: Db, candidateId: string): Promise<RecognitionFile | null> {
  const row = await db
    .selectFrom('talent_recognition_files')
    .select(FILE_COLUMNS)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
  return row ? toFile(row) : null;
}

/** The files of these candidates (a ranking's), by candidate id. */
export async function recognitionFilesOf(
  db: Db,
  candidateIds: readonly string[],
): Promise<Map<string, RecognitionFile>> {
  if (candidateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('talent_recognition_files')
    .select(FILE_COLUMNS)
    .where('candidate_id', 'in', [...candidateIds])
    .execute();
  return new Map(rows.map((row) => [row.candidate_id, toFile(row)]));
}

export async function recognitionEvents(db: Db, candidateId: string): Promise<RecognitionEvent[]> {
  const rows = await db
    .selectFrom('talent_recognition_events')
    .select(['status', 'status_on', 'recorded_at'])
    .where('candidate_id', '=', candidateId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    status: row.status,
    statusOn: row.status_on,
    recordedAt: row.recorded_at.toISOString(),
  }));
}

export class DuplicateNaricReferenceError extends Error {}

export interface RecognitionWrite {
  candidateId: string;
  partnerId: string;
  naricReference: string;
  profession: CareProfession;
  status: RecognitionStatus;
  requestedOn: string;
  statusOn: string;
  isDemo?: boolean;
  recordedBy: string | null;
}

/**
 * Records the file as it stands now (made or changed), appends the status to its history when it
 * is new or moved, and keeps the candidate's recognition and NARIC reference (what the ranking and
 * the permit route read) in step with it. Run in the caller's transaction.
 */
export async function saveRecognitionFile(
  trx: Db,
  write: RecognitionWrite,
  previous: RecognitionFile | null,
): Promise<void> {
  const values = {
    naric_reference: write.naricReference,
    profession: write.profession,
    status: write.status,
    requested_on: write.requestedOn,
    status_on: write.statusOn,
  };
  try {
    if (previous) {
      await trx
        .updateTable('talent_recognition_files')
        .set({ ...values, updated_at: new Date() })
        .where('candidate_id', '=', write.candidateId)
        .execute();
    } else {
      await trx
        .insertInto('talent_recognition_files')
        .values({
          ...values,
          candidate_id: write.candidateId,
          partner_id: write.partnerId,
          is_demo: write.isDemo ?? false,
        })
        .execute();
    }
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'talent_recognition_files_reference_key')
      throw new DuplicateNaricReferenceError();
    throw error;
  }
  if (!previous || previous.status !== write.status || previous.statusOn !== write.statusOn) {
    await trx
      .insertInto('talent_recognition_events')
      .values({
        candidate_id: write.candidateId,
        status: write.status,
        status_on: write.statusOn,
        recorded_by: write.recordedBy,
      })
      .execute();
  }
  await trx
    .updateTable('talent_candidates')
    .set({
      recognition_status: candidateRecognition(write.status),
      naric_reference: write.naricReference,
      updated_at: new Date(),
    })
    .where('id', '=', write.candidateId)
    .execute();
}
