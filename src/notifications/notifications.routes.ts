import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { User } from '../auth/users.repo.ts';
import { withoutLinkToken } from '../governance/accounts/account-mail.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { composeQueuedMail } from './dossier-mail.ts';
import { listOutbox } from './mail-outbox.repo.ts';
import type { MailSettings } from './send-mail.ts';

const OutboxQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

const OutboxMail = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  dossierNumber: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([
    Type.Literal('RECEIVED'),
    Type.Literal('ACTION_NEEDED'),
    Type.Literal('DECISION'),
    Type.Literal('REMINDER'),
    Type.Literal('HEARING'),
    Type.Literal('ACCOUNT_LINK'),
  ]),
  audience: Type.Union([Type.Literal('EMPLOYER'), Type.Literal('WORKER'), Type.Literal('ACCOUNT')]),
  recipient: Type.String(),
  lang: Type.String(),
  status: Type.Union([Type.Literal('PENDING'), Type.Literal('SENT'), Type.Literal('FAILED')]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  subject: Type.String(),
  text: Type.String(),
});

/**
 * The mail outbox for an administrator: what was sent, what waits (all of it when no SMTP server
 * is configured, as in the demo) and what failed. Addresses are personal data: every read is audited.
 */
export async function notificationRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; mail: MailSettings },
): Promise<void> {
  app.get(
    '/api/v1/mail-outbox',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['notifications'],
        summary: 'Mails to employers and workers, newest first, with their sending state',
        querystring: OutboxQuery,
        response: {
          200: Type.Object({
            total: Type.Integer(),
            smtpConfigured: Type.Boolean(),
            mails: Type.Array(OutboxMail),
          }),
        },
      },
    },
    async (request) => {
      const query = request.query as { limit?: number; offset?: number };
      const db = options.database.db;
      const page = await listOutbox(db, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
      await recordAuditEvent(db, {
        actorUserId: (request.user as User).id,
        action: 'MAIL_OUTBOX_READ',
        subjectType: 'mail_outbox',
        requestId: String(request.id),
        details: { mails: page.mails.length, offset: query.offset ?? 0 },
      });
      return {
        total: page.total,
        smtpConfigured: options.mail.smtpUrl !== null,
        mails: page.mails.map((mail) => {
          // What was sent is shown as sent; a waiting mail as it will be composed. A waiting
          // account mail's link is shown only where no mail server is configured: the outbox is
          // then the only way it can reach its user (the demo); otherwise it is a key to the account.
          const composed =
            mail.subject !== null && mail.body_text !== null && mail.kind !== 'ACCOUNT_LINK'
              ? { subject: mail.subject, text: mail.body_text }
              : composeQueuedMail(mail, options.mail.publicUrl);
          if (mail.kind === 'ACCOUNT_LINK' && options.mail.smtpUrl !== null)
            composed.text = withoutLinkToken(composed.text);
          return {
            id: String(mail.id),
            createdAt: mail.created_at.toISOString(),
            dossierNumber: mail.dossier_number,
            kind: mail.kind,
            audience: mail.audience,
            recipient: mail.recipient,
            lang: mail.lang,
            status: mail.status,
            attempts: mail.attempts,
            lastError: mail.last_error,
            sentAt: mail.sent_at ? new Date(mail.sent_at).toISOString() : null,
            ...composed,
          };
        }),
      };
    },
  );
}
