import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { MailOutboxTable } from '../db/schema.ts';
import type { Lang } from '../i18n/languages.ts';
import { isToldOf, type MailAudience, type MailKind, mailKindFor } from './dossier-mail.ts';

/** What the outbox needs of a dossier that changed. */
export interface ChangedDossier {
  id: string;
  number: string | null;
  version: number;
  enterprise_number: string;
  lang: Lang;
  worker_email: string | null;
  /** The language the worker gave their address in; the dossier's language when unknown. */
  worker_lang?: Lang | null;
}

/**
 * Queues the mails a change from `from` to the dossier's new status calls for, inside the change's
 * transaction: to every active employer account of the enterprise (its own, or mandated) with an
 * address, in that account's language; and for decisions to the worker's own address, in the
 * language the worker chose when giving it (the dossier's language for an address given before). Nothing is sent here.
 */
export async function queueDossierMails(
  trx: Db,
  dossier: ChangedDossier,
  from: string,
  to: string,
): Promise<number> {
  const kind = mailKindFor(from, to);
  if (!kind || !dossier.number) return 0;
  const recipients: Recipient[] = await employerRecipients(trx, dossier.enterprise_number);
  if (dossier.worker_email && isToldOf('WORKER', kind)) {
    recipients.push({
      audience: 'WORKER',
      recipient: dossier.worker_email,
      lang: dossier.worker_lang ?? dossier.lang,
    });
  }
  return insertMails(trx, dossier, recipients, { kind, reported_status: to });
}

type Recipient = { audience: MailAudience; recipient: string; lang: Lang };

/** One outbox row per recipient, once per dossier version, kind and address (mail_outbox_once). */
async function insertMails(
  trx: Db,
  dossier: ChangedDossier,
  recipients: readonly Recipient[],
  mail: { kind: MailKind; reported_status: string; due_on?: string },
): Promise<number> {
  if (recipients.length === 0 || !dossier.number) return 0;
  await trx
    .insertInto('mail_outbox')
    .values(
      recipients.map((r) => ({
        dossier_id: dossier.id,
        dossier_version: dossier.version,
        dossier_number: dossier.number as string,
        ...mail,
        audience: r.audience,
        recipient: r.recipient,
        lang: r.lang,
      })),
    )
    .onConflict((oc) => oc.constraint('mail_outbox_once').doNothing())
    .execute();
  return recipients.length;
}

/** Every active employer account of the enterprise (its own, or mandated) with an address. */
async function employerRecipients(trx: Db, enterpriseNumber: string) {
  const employers = await trx
    .selectFrom('users')
    .select(['email', 'preferred_lang'])
    .where('role', '=', 'EMPLOYER')
    .where('disabled_at', 'is', null)
    .where('email', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('enterprise_number', '=', enterpriseNumber),
        eb(
          'id',
          'in',
          eb
            .selectFrom('employer_mandates')
            .select('user_id')
            .where('enterprise_number', '=', enterpriseNumber),
        ),
      ]),
    )
    .execute();
  return employers.map((employer) => ({
    audience: 'EMPLOYER' as MailAudience,
    recipient: employer.email as string,
    lang: employer.preferred_lang,
  }));
}

/**
 * Queues the notice that the employer is heard on a proposed withdrawal of its authorisation and
 * may answer until `dueOn`, to the employer accounts only, inside the caller's transaction.
 */
export async function queueHearingMails(
  trx: Db,
  dossier: ChangedDossier & { status: string },
  dueOn: string,
) {
  const recipients = await employerRecipients(trx, dossier.enterprise_number);
  return insertMails(trx, dossier, recipients, {
    kind: 'HEARING',
    reported_status: dossier.status,
    due_on: dueOn,
  });
}

/**
 * Queues the reminder that an answer to a request for information is due on `dueOn`, to the
 * employer accounts only (acting is the employer's part), inside the caller's transaction.
 */
export async function queueReminderMails(
  trx: Db,
  dossier: ChangedDossier & { status: string },
  dueOn: string,
): Promise<number> {
  if (!dossier.number) return 0;
  const recipients = await employerRecipients(trx, dossier.enterprise_number);
  return insertMails(trx, dossier, recipients, {
    kind: 'REMINDER',
    reported_status: dossier.status,
    due_on: dueOn,
  });
}

export type OutboxRow = Selectable<MailOutboxTable>;

/**
 * Claims up to `limit` mails due now, for one sending round: rows locked with SKIP LOCKED so two
 * instances never send the same mail, and pushed forward by `leaseMs` so a sender that dies
 * mid-round leaves them to be retried, not lost.
 */
export async function claimDueMails(db: Db, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const rows = await sql<OutboxRow>`
    UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id IN (
      SELECT id FROM mail_outbox
      WHERE status = 'PENDING' AND next_attempt_at <= now()
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  return rows.rows;
}

export async function markMailSent(
  db: Db,
  id: string,
  sent: { subject: string; text: string; messageId: string | null; attempts: number },
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: 'SENT',
      sent_at: new Date(),
      subject: sent.subject,
      body_text: sent.text,
      message_id: sent.messageId,
      attempts: sent.attempts,
      last_error: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function markMailFailed(
  db: Db,
  id: string,
  failure: { attempts: number; error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      attempts: failure.attempts,
      last_error: failure.error.slice(0, 500),
      ...(failure.retryAt ? { next_attempt_at: failure.retryAt } : { status: 'FAILED' as const }),
    })
    .where('id', '=', id)
    .execute();
}

export interface OutboxPage {
  total: number;
  mails: OutboxRow[];
}

/** The newest mails first, for the outbox page. */
export async function listOutbox(db: Db, options: { limit: number; offset: number }): Promise<OutboxPage> {
  const [mails, count] = await Promise.all([
    db
      .selectFrom('mail_outbox')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), mails };
}
