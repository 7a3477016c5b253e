import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { User } from '../auth/users.repo.ts';
import type { DeskReportStatus } from '../db/schema.ts';
import { translate } from '../i18n/translate.ts';
import { LoketError } from '../server/errors.ts';
import { brusselsDate } from '../server/today.ts';
import {
  addMessage,
  employerDossierCount,
  employerNameOnFile,
  linkEmployer,
  listReports,
  reportAttachments,
  reportById,
  reportCountsByEmployer,
  reportMessages,
  triageReport,
} from './desk.repo.ts';
import type { DeskRouteOptions } from './desk.routes.ts';
import { reportedEnterprise, TRIAGE_OUTCOMES, type TriageOutcome } from './report-input.ts';

const INSPECTOR = ['INSPECTOR'] as const;
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, format: 'text' });
const STATUSES = ['RECEIVED', ...TRIAGE_OUTCOMES] as const;

/**
 * The inspectors' triage of the desk's reports (issue 14): a queue, a report with its conversation
 * and attachments, the triage (admissible / not / forwarded with its addressee), a question to the
 * reporter, and the link to an employer. Inspectors only: an employer or any other role is refused
 * by the route's access. Every read is audited, as every change.
 */
export async function triageRoutes(app: FastifyInstance, options: DeskRouteOptions): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const userId = (request: { user: User | null }) => (request.user as User).id;

  async function detail(id: string) {
    const report = await reportById(db(), id);
    const [messages, attachments] = await Promise.all([
      reportMessages(db(), id),
      reportAttachments(db(), id),
    ]);
    const employer = report.enterprise_number
      ? {
          enterpriseNumber: report.enterprise_number,
          name: await employerNameOnFile(db(), report.enterprise_number),
          dossiers: await employerDossierCount(db(), report.enterprise_number),
          reports: (await reportCountsByEmployer(db(), [report.enterprise_number]))[0] ?? null,
        }
      : null;
    return {
      id: report.id,
      reference: report.reference,
      lang: report.lang,
      receivedOn: report.received_on,
      reporterRole: report.reporter_role,
      contact: report.contact,
      employerName: report.employer_name,
      place: report.place,
      categories: report.categories,
      description: report.description,
      status: report.status,
      triageReason: report.triage_reason,
      forwardedTo: report.forwarded_to,
      triagedOn: report.triaged_on,
      employer,
      messages: messages.map((m) => ({
        id: String(m.id),
        author: m.author,
        body: m.body,
        writtenOn: m.written_on,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        mediaType: a.media_type,
        sizeBytes: a.size_bytes,
        addedOn: a.added_on,
      })),
    };
  }

  app.get(
    '/api/v1/inspector/reports',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['desk'],
        summary: 'The triage queue of abuse reports, newest first (inspectors)',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { status, limit } = request.query as { status?: DeskReportStatus; limit?: number };
      const rows = await listReports(db(), { ...(status ? { status } : {}), limit: limit ?? 200 });
      await recordAuditEvent(db(), {
        actorUserId: userId(request),
        action: 'DESK_REPORTS_LISTED',
        requestId: String(request.id),
        details: { status: status ?? null, count: rows.length },
      });
      return {
        reports: rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          receivedOn: r.received_on,
          status: r.status,
          categories: r.categories,
          employerName: r.employer_name,
          enterpriseNumber: r.enterprise_number,
          place: r.place,
          lang: r.lang,
          hasNewAnswer: r.has_new_answer,
        })),
      };
    },
  );

  app.get(
    '/api/v1/inspector/reports/:id',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['desk'],
        summary: 'One abuse report with its conversation (inspectors; the read is audited)',
        params: Params,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const report = await detail(id);
      await recordAuditEvent(db(), {
        actorUserId: userId(request),
        action: 'DESK_REPORT_READ',
        subjectType: 'desk_report',
        subjectId: id,
        requestId: String(request.id),
      });
      return report;
    },
  );

  app.get(
    '/api/v1/inspector/reports/:id/attachments/:attachmentId',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['desk'],
        summary: "Download a report's attachment (inspectors; audited)",
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          attachmentId: Type.String({ format: 'uuid' }),
        }),
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params as { id: string; attachmentId: string };
      const attachment = (await reportAttachments(db(), id)).find((a) => a.id === attachmentId);
      if (!attachment) throw new LoketError('LOKET_NOT_FOUND');
      const content = await options.storage.get(db(), attachment.storage_key);
      if (!content) throw new LoketError('LOKET_NOT_FOUND');
      await recordAuditEvent(db(), {
        actorUserId: userId(request),
        action: 'DESK_ATTACHMENT_READ',
        subjectType: 'desk_report',
        subjectId: id,
        requestId: String(request.id),
        details: { attachmentId },
      });
      const extension =
        attachment.media_type === 'application/pdf'
          ? 'pdf'
          : attachment.media_type === 'image/png'
            ? 'png'
            : 'jpg';
      return reply
        .type(attachment.media_type)
        .header(
          'content-disposition',
          `attachment; filename="attachment-${attachmentId.slice(0, 8)}.${extension}"`,
        )
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.post(
    '/api/v1/inspector/reports/:id/triage',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['desk'],
        summary:
          'Triage a report: admissible, not admissible, or forwarded to another service (with its name)',
        params: Params,
        body: Type.Object(
          {
            outcome: Type.Union(TRIAGE_OUTCOMES.map((o) => Type.Literal(o))),
            reason: Text(2000),
            forwardedTo: Type.Optional(Type.Union([Text(200), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as { outcome: TriageOutcome; reason: string; forwardedTo?: string | null };
      const forwardedTo = body.forwardedTo?.trim() || null;
      if (body.outcome === 'FORWARDED' && !forwardedTo)
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
          {
            path: 'forwardedTo',
            rule: 'required',
            message: translate(request.lang, 'validation.desk.forwardedTo'),
          },
        ]);
      await db()
        .transaction()
        .execute(async (trx) => {
          const before = await reportById(trx, id);
          await triageReport(trx, {
            id,
            outcome: body.outcome,
            reason: body.reason.trim(),
            forwardedTo,
            userId: userId(request),
            on: today(),
          });
          await recordAuditEvent(trx, {
            actorUserId: userId(request),
            action: 'DESK_REPORT_TRIAGED',
            subjectType: 'desk_report',
            subjectId: id,
            requestId: String(request.id),
            details: { from: before.status, to: body.outcome, forwardedTo },
          });
        });
      return detail(id);
    },
  );

  app.post(
    '/api/v1/inspector/reports/:id/questions',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['desk'],
        summary: 'Ask the reporter a question; they read and answer it with their follow-up code',
        params: Params,
        body: Type.Object({ body: Text(3000) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { body } = request.body as { body: string };
      await db()
        .transaction()
        .execute(async (trx) => {
          const report = await reportById(trx, id);
          if (report.status !== 'RECEIVED' && report.status !== 'ADMISSIBLE')
            throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: report.status, action: 'ASK' });
          await addMessage(trx, {
            reportId: id,
            author: 'INSPECTOR',
            userId: userId(request),
            body: body.trim(),
            on: today(),
          });
          await recordAuditEvent(trx, {
            actorUserId: userId(request),
            action: 'DESK_QUESTION_ASKED',
            subjectType: 'desk_report',
            subjectId: id,
            requestId: String(request.id),
          });
        });
      return reply.code(201).send(await detail(id));
    },
  );

  app.put(
    '/api/v1/inspector/reports/:id/employer',
    {
      config: { access: INSPECTOR },
      schema: {
        tags: ['desk'],
        summary: 'Link the report to an employer by enterprise number (or unlink it with null)',
        params: Params,
        body: Type.Object(
          { enterpriseNumber: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()]) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { enterpriseNumber } = request.body as { enterpriseNumber: string | null };
      const enterprise = reportedEnterprise(enterpriseNumber, () =>
        translate(request.lang, 'validation.desk.enterpriseNumber'),
      );
      if (enterprise.errors.length > 0)
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, enterprise.errors);
      await db()
        .transaction()
        .execute(async (trx) => {
          const before = await reportById(trx, id);
          await linkEmployer(trx, id, enterprise.digits);
          await recordAuditEvent(trx, {
            actorUserId: userId(request),
            action: 'DESK_REPORT_EMPLOYER_LINKED',
            subjectType: 'desk_report',
            subjectId: id,
            requestId: String(request.id),
            details: { from: before.enterprise_number, to: enterprise.digits },
          });
        });
      return detail(id);
    },
  );
}
