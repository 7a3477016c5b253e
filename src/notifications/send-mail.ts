import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { withoutLinkToken } from '../governance/accounts/account-mail.ts';
import { repeatInProcess } from '../jobs/repeat-in-process.ts';
import { composeQueuedMail } from './dossier-mail.ts';
import { claimDueMails, markMailFailed, markMailSent } from './mail-outbox.repo.ts';

/**
 * Sends the outbox over SMTP (nodemailer), a few mails at a time, from every instance at once
 * without sending one twice (rows claimed with SKIP LOCKED). A temporary failure is retried with
 * growing pauses; a permanent one (SMTP 5xx: unknown mailbox, refused) or too many attempts marks
 * the mail FAILED for an administrator to see. A dossier change never waits for any of this.
 */

export interface MailSettings {
  /** smtp:// or smtps:// URL of the mail server; null keeps every mail in the outbox. */
  smtpUrl: string | null;
  from: string;
  /** The service's public address, for the link in each mail. */
  publicUrl: string;
  /** How long a mail claimed for sending is left to its instance before another may send it (60 s). */
  leaseMs?: number;
}

export interface MailTransport {
  send(mail: { to: string; subject: string; text: string }): Promise<{ messageId: string | null }>;
  close(): void;
}

export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transporter.sendMail({ from, ...mail });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transporter.close(),
  };
}

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;

/** The pause before attempt `attempts + 1`: 30 s, 1 min, 2 min … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export async function sendDueMails(
  db: Db,
  transport: MailTransport,
  settings: Pick<MailSettings, 'publicUrl' | 'leaseMs'>,
  limit = 20,
): Promise<{ sent: number; failed: number; retrying: number }> {
  const due = await claimDueMails(db, limit, settings.leaseMs ?? LEASE_MS);
  let sent = 0;
  let failed = 0;
  let retrying = 0;
  for (const mail of due) {
    const composed = composeQueuedMail(mail, settings.publicUrl);
    const attempts = mail.attempts + 1;
    try {
      const { messageId } = await transport.send({
        to: mail.recipient,
        subject: composed.subject,
        text: composed.text,
      });
      // An account mail's link is a key to the account: once sent, the outbox keeps it blanked.
      const kept =
        mail.kind === 'ACCOUNT_LINK' ? { ...composed, text: withoutLinkToken(composed.text) } : composed;
      await markMailSent(db, mail.id, { ...kept, messageId, attempts });
      sent += 1;
    } catch (error) {
      const giveUp = isPermanent(error) || attempts >= MAX_ATTEMPTS;
      // The server's answer may quote the address: keep its code and kind, not its text.
      const code =
        (error as { responseCode?: number; code?: string }).responseCode ?? (error as { code?: string }).code;
      await markMailFailed(db, mail.id, {
        attempts,
        error: `SMTP ${code ?? 'error'}`,
        retryAt: giveUp ? null : new Date(Date.now() + retryDelayMs(attempts)),
      });
      if (giveUp) failed += 1;
      else retrying += 1;
    }
  }
  return { sent, failed, retrying };
}

/** Sends every few seconds while the service runs; without an SMTP server, nothing (mails wait in the outbox). */
export function startMailSending(
  db: Db,
  settings: MailSettings,
  log: Pick<Logger, 'warn' | 'info'>,
  intervalMs = 3_000,
): { stop(): Promise<void> } | null {
  if (!settings.smtpUrl) return null;
  const transport = createSmtpTransport(settings.smtpUrl, settings.from);
  const loop = repeatInProcess(
    async () => {
      const summary = await sendDueMails(db, transport, settings);
      if (summary.failed > 0) log.warn({ mail: summary }, 'mails given up after failures');
    },
    { intervalMs, log, failureMessage: 'mail sending round failed' },
  );
  return {
    async stop() {
      await loop.stop();
      transport.close();
    },
  };
}
