import type { Db } from '../../db/client.ts';

/**
 * What staff did on a dossier besides changing its status (migration 0013): internal notes,
 * assignments, letter texts edited before signing. Shown in the staff history only; never in the
 * employer's or worker's view, a letter or an export to them.
 */
export type StaffEntryKind =
  | 'NOTE'
  | 'ASSIGNED'
  | 'LETTER_EDITED'
  | 'SCREENING_REFERRED'
  | 'SCREENING_ADVICE'
  | 'REFUSAL_GROUNDS_PROPOSED';

/** An inspector's proposal of refusal grounds for a pending dossier (issue 14), as staff read it. */
export interface GroundProposal {
  codes: string[];
  facts: string;
  on: string;
  by: string | null;
}

export interface StaffEntry {
  id: string;
  kind: StaffEntryKind;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  on: string;
  occurredAt: Date;
  details: Record<string, unknown>;
}

export async function insertStaffEntry(
  trx: Db,
  entry: {
    dossierId: string;
    kind: StaffEntryKind;
    actorUserId: string | null;
    on: string;
    details: Record<string, unknown>;
  },
): Promise<string> {
  const row = await trx
    .insertInto('dossier_staff_entries')
    .values({
      dossier_id: entry.dossierId,
      kind: entry.kind,
      actor_user_id: entry.actorUserId,
      effective_on: entry.on,
      details: entry.details,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function listStaffEntries(db: Db, dossierId: string): Promise<StaffEntry[]> {
  const rows = await db
    .selectFrom('dossier_staff_entries as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.kind',
      'e.actor_user_id',
      'e.effective_on',
      'e.occurred_at',
      'e.details',
      'u.display_name',
      'u.role',
    ])
    .where('e.dossier_id', '=', dossierId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    kind: row.kind,
    actorUserId: row.actor_user_id,
    actorName: row.display_name,
    actorRole: row.role,
    on: row.effective_on,
    occurredAt: row.occurred_at,
    details: row.details as Record<string, unknown>,
  }));
}

/**
 * The staff entries as rows of the staff history, with what each says: a note's text, the name
 * of whom a dossier was assigned to, a letter's signed motivation.
 */
export async function staffHistoryOf(db: Db, dossierId: string) {
  const entries = await listStaffEntries(db, dossierId);
  const assigneeIds = [
    ...new Set(
      entries.flatMap((e) =>
        e.kind === 'ASSIGNED' && typeof e.details.to === 'string' ? [e.details.to] : [],
      ),
    ),
  ];
  const names = new Map(
    assigneeIds.length === 0
      ? []
      : (
          await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', assigneeIds).execute()
        ).map((row) => [row.id, row.display_name]),
  );
  const notes = entries
    .filter((e) => e.kind === 'NOTE')
    .map((e) => ({
      id: e.id,
      text: String(e.details.text ?? ''),
      authorName: e.actorName,
      on: e.on,
      occurredAt: e.occurredAt.toISOString(),
    }));
  const referral = entries.findLast((e) => e.kind === 'SCREENING_REFERRED');
  const advice = referral
    ? entries.find((e) => e.kind === 'SCREENING_ADVICE' && Number(e.id) > Number(referral.id))
    : undefined;
  // A minister of religion's dossier put to the screening service (policy note 002 §2.7, 1.).
  const screening = referral
    ? {
        referredOn: referral.on,
        referredBy: referral.actorName,
        question: String(referral.details.question ?? ''),
        advice: advice ? (advice.details.advice as 'NO_OBJECTION' | 'OBJECTION') : null,
        adviceOn: advice?.on ?? null,
        adviceNote: advice ? String(advice.details.note ?? '') || null : null,
      }
    : null;
  const groundProposals: GroundProposal[] = entries
    .filter((e) => e.kind === 'REFUSAL_GROUNDS_PROPOSED')
    .map((e) => ({
      codes: Array.isArray(e.details.codes) ? (e.details.codes as string[]) : [],
      facts: String(e.details.facts ?? ''),
      on: e.on,
      by: e.actorName,
    }));
  const history = entries.map((e) => ({
    action: e.kind,
    by: e.actorRole ?? 'CASE_HANDLER',
    actorName: e.actorName,
    on: e.on,
    occurredAt: e.occurredAt,
    detail:
      e.kind === 'NOTE'
        ? String(e.details.text ?? '')
        : e.kind === 'SCREENING_REFERRED'
          ? String(e.details.question ?? '') || null
          : e.kind === 'SCREENING_ADVICE'
            ? String(e.details.note ?? '') || null
            : e.kind === 'REFUSAL_GROUNDS_PROPOSED'
              ? String(e.details.facts ?? '') || null
              : e.kind === 'ASSIGNED'
                ? typeof e.details.to === 'string'
                  ? (names.get(e.details.to) ?? null)
                  : null
                : String(e.details.signed ?? '') || null,
  }));
  return { notes, history, screening, groundProposals };
}
