import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { Db } from '../db/client.ts';
import type { DeskReportStatus } from '../db/schema.ts';
import type { DocumentStorage } from '../dossiers/documents/document-storage.ts';
import { LoketError } from '../server/errors.ts';
import { solves } from './proof-of-work.ts';
import { newFollowUpCode, newReference, normaliseCode, type TriageOutcome } from './report-input.ts';

/** Follow-up codes are stored as hashes only (80 random bits: a fast hash suffices). */
export const hashFollowUpCode = (code: string) =>
  createHash('sha256')
    .update(`desk:${normaliseCode(code)}`)
    .digest('hex');

const CHALLENGE_MINUTES = 30;

export async function issueChallenge(db: Db, bits: number, now: Date) {
  const salt = randomBytes(16).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  // Spent and expired challenges have done their work; keep the table small.
  await db.deleteFrom('desk_challenges').where('expires_at', '<', now).execute();
  await db.insertInto('desk_challenges').values({ salt, bits, expires_at: expiresAt }).execute();
  return { salt, bits, expiresAt: expiresAt.toISOString() };
}

/** Spends a solved challenge once; a wrong, expired, unknown or spent one is a field error. */
export async function spendChallenge(db: Db, salt: string, nonce: string, now: Date, message: string) {
  const challenge = await db
    .updateTable('desk_challenges')
    .set({ spent_at: now })
    .where('salt', '=', salt)
    .where('spent_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('bits')
    .executeTakeFirst();
  if (!challenge || !solves(salt, nonce, challenge.bits))
    throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
      { path: 'challenge', rule: 'proofOfWork', message },
    ]);
}

export interface NewReport {
  lang: string;
  reporterRole: string;
  contact: string | null;
  employerName: string | null;
  enterpriseNumber: string | null;
  place: string | null;
  categories: string[];
  description: string;
  receivedOn: string;
}

/** Files a report; its reference and follow-up code (the code is never stored, only its hash). */
export async function createReport(db: Db, report: NewReport) {
  const code = newFollowUpCode();
  const row = await db
    .insertInto('desk_reports')
    .values({
      reference: newReference(),
      follow_up_hash: hashFollowUpCode(code),
      lang: report.lang,
      received_on: report.receivedOn,
      reporter_role: report.reporterRole,
      contact: report.contact,
      employer_name: report.employerName,
      enterprise_number: report.enterpriseNumber,
      place: report.place,
      categories: report.categories,
      description: report.description,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  return { ...row, followUpCode: code };
}

/** The report a reference and follow-up code open together, or 401 (no hint which one is wrong). */
export async function reportByCode(db: Db, reference: string, code: string) {
  const row = await db
    .selectFrom('desk_reports')
    .selectAll()
    .where('reference', '=', reference.trim().toUpperCase())
    .where('follow_up_hash', '=', hashFollowUpCode(code))
    .executeTakeFirst();
  if (!row) throw new LoketError('LOKET_DESK_CODE_INVALID');
  return row;
}

export async function reportMessages(db: Db, reportId: string) {
  return db
    .selectFrom('desk_report_messages')
    .select(['id', 'author', 'author_user_id', 'body', 'written_on'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

export async function addMessage(
  db: Db,
  message: {
    reportId: string;
    author: 'INSPECTOR' | 'REPORTER';
    userId: string | null;
    body: string;
    on: string;
  },
) {
  await db
    .insertInto('desk_report_messages')
    .values({
      report_id: message.reportId,
      author: message.author,
      author_user_id: message.userId,
      body: message.body,
      written_on: message.on,
    })
    .execute();
}

export const MAX_ATTACHMENTS = 5;

export async function addAttachment(
  db: Db,
  storage: DocumentStorage,
  input: { reportId: string; content: Buffer; mediaType: string; on: string },
) {
  const key = randomUUID();
  await storage.put(db, key, input.content);
  try {
    return await db.transaction().execute(async (trx) => {
      // The report's row lock keeps two concurrent uploads from passing the limit together.
      await trx
        .selectFrom('desk_reports')
        .select('id')
        .where('id', '=', input.reportId)
        .forUpdate()
        .execute();
      const { n } = await trx
        .selectFrom('desk_report_attachments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('report_id', '=', input.reportId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_ATTACHMENTS)
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', {
          status: 'ATTACHMENTS_FULL',
          action: 'ADD_ATTACHMENT',
        });
      const attachment = await trx
        .insertInto('desk_report_attachments')
        .values({
          report_id: input.reportId,
          media_type: input.mediaType,
          size_bytes: input.content.length,
          sha256: createHash('sha256').update(input.content).digest('hex'),
          storage: storage.kind,
          storage_key: key,
          added_on: input.on,
        })
        .returning(['id', 'media_type', 'size_bytes'])
        .executeTakeFirstOrThrow();
      await recordAuditEvent(trx, {
        actorUserId: null,
        action: 'DESK_ATTACHMENT_ADDED',
        subjectType: 'desk_report',
        subjectId: input.reportId,
        details: { attachmentId: attachment.id, mediaType: input.mediaType },
      });
      return attachment;
    });
  } catch (error) {
    await storage.remove(db, key);
    throw error;
  }
}

export async function reportAttachments(db: Db, reportId: string) {
  return db
    .selectFrom('desk_report_attachments')
    .select(['id', 'media_type', 'size_bytes', 'added_on', 'storage_key'])
    .where('report_id', '=', reportId)
    .orderBy('seq')
    .execute();
}

/** The triage queue: the newest first within a status filter; a line per report. */
export async function listReports(db: Db, filter: { status?: DeskReportStatus; limit: number }) {
  let query = db
    .selectFrom('desk_reports as r')
    .select([
      'r.id',
      'r.reference',
      'r.received_on',
      'r.status',
      'r.categories',
      'r.employer_name',
      'r.enterprise_number',
      'r.place',
      'r.lang',
      sql<boolean>`exists (select 1 from desk_report_messages m where m.report_id = r.id
        and m.id = (select max(id) from desk_report_messages where report_id = r.id) and m.author = 'REPORTER')`.as(
        'has_new_answer',
      ),
    ])
    .orderBy('r.seq', 'desc')
    .limit(filter.limit);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  return query.execute();
}

export async function reportById(db: Db, id: string) {
  const row = await db.selectFrom('desk_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new LoketError('LOKET_NOT_FOUND');
  return row;
}

export async function triageReport(
  db: Db,
  input: {
    id: string;
    outcome: TriageOutcome;
    reason: string;
    forwardedTo: string | null;
    userId: string;
    on: string;
  },
) {
  const row = await db
    .updateTable('desk_reports')
    .set({
      status: input.outcome,
      triage_reason: input.reason,
      forwarded_to: input.outcome === 'FORWARDED' ? input.forwardedTo : null,
      triaged_by: input.userId,
      triaged_on: input.on,
    })
    .where('id', '=', input.id)
    .returning(['id'])
    .executeTakeFirst();
  if (!row) throw new LoketError('LOKET_NOT_FOUND');
}

export async function linkEmployer(db: Db, id: string, enterpriseNumber: string | null) {
  const row = await db
    .updateTable('desk_reports')
    .set({ enterprise_number: enterpriseNumber })
    .where('id', '=', id)
    .returning(['id'])
    .executeTakeFirst();
  if (!row) throw new LoketError('LOKET_NOT_FOUND');
}

export interface EmployerReportCount {
  enterpriseNumber: string;
  /** Every report naming the employer, whatever its triage. */
  total: number;
  /** Reports an inspector found admissible. */
  admissible: number;
  /** Reports not triaged yet. */
  untriaged: number;
}

/**
 * Report counts per employer (KBO number), for the risk ranking (issue 14): only reports linked to
 * an enterprise number count; reports found not admissible or forwarded elsewhere count in `total`
 * only, so a ranking can weigh admissible ones and leave malicious reports aside.
 */
export async function reportCountsByEmployer(db: Db, enterpriseNumbers?: readonly string[]) {
  let query = db
    .selectFrom('desk_reports')
    .select([
      'enterprise_number',
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) filter (where status = 'ADMISSIBLE')`.as('admissible'),
      sql<string>`count(*) filter (where status = 'RECEIVED')`.as('untriaged'),
    ])
    .where('enterprise_number', 'is not', null)
    .groupBy('enterprise_number')
    .orderBy('enterprise_number');
  if (enterpriseNumbers) {
    if (enterpriseNumbers.length === 0) return [];
    query = query.where('enterprise_number', 'in', enterpriseNumbers);
  }
  const rows = await query.execute();
  return rows.map(
    (row): EmployerReportCount => ({
      enterpriseNumber: row.enterprise_number as string,
      total: Number(row.total),
      admissible: Number(row.admissible),
      untriaged: Number(row.untriaged),
    }),
  );
}

/** What Loket knows of a named employer: its dossiers' count (the inspector opens the employer's file). */
export async function employerDossierCount(db: Db, enterpriseNumber: string) {
  const { n } = await db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('enterprise_number', '=', enterpriseNumber)
    .where('status', '<>', 'DRAFT')
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * The employer's name as Loket knows it, for the inspector who linked a report by number: the
 * enforcement run's register read first (the KBO's name), else an employer's mandate; null when
 * neither names it.
 */
export async function employerNameOnFile(db: Db, enterpriseNumber: string): Promise<string | null> {
  const scored = await db
    .selectFrom('employer_risk_scores as s')
    .innerJoin('risk_monitoring_runs as r', 'r.id', 's.run_id')
    .select('s.enterprise_name')
    .where('s.enterprise_number', '=', enterpriseNumber)
    .where('s.enterprise_name', 'is not', null)
    .orderBy('r.started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (scored?.enterprise_name) return scored.enterprise_name;
  const mandated = await db
    .selectFrom('employer_mandates')
    .select('enterprise_name')
    .where('enterprise_number', '=', enterpriseNumber)
    .where('enterprise_name', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return mandated?.enterprise_name ?? null;
}
