import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { DocumentStorage } from '../dossiers/documents/document-storage.ts';
import { checkDocumentContent } from '../dossiers/documents/upload-document.ts';
import { translate } from '../i18n/translate.ts';
import type { Config } from '../server/config.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { brusselsDate } from '../server/today.ts';
import { readMultipartForm } from '../validation/multipart-form.ts';
import {
  addAttachment,
  addMessage,
  createReport,
  issueChallenge,
  reportAttachments,
  reportByCode,
  reportMessages,
  spendChallenge,
} from './desk.repo.ts';
import { DESK_TOPICS, type DeskPage, loadDeskContent } from './desk-content.ts';
import { DESK_LANGUAGES, type DeskLang, messageLang } from './desk-languages.ts';
import { REPORT_CATEGORIES, REPORTER_ROLES, reportedEnterprise } from './report-input.ts';
import { stripMetadata } from './strip-metadata.ts';

export interface DeskRouteOptions {
  database: DatabaseState;
  storage: DocumentStorage;
  now: () => Date;
  desk: Config['desk'];
  maxDocumentBytes: number;
}

const Lang = Type.Union(DESK_LANGUAGES.map((lang) => Type.Literal(lang)));
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, format: 'text' });
const Optional = (maxLength: number) => Type.Optional(Type.Union([Text(maxLength), Type.Null()]));
const FollowUp = {
  reference: Type.String({ pattern: '^[Mm]-[A-Za-z0-9]{8}$' }),
  code: Type.String({ minLength: 16, maxLength: 24, pattern: '^[A-Za-z0-9 -]+$' }),
};

/** What the reporter sees with their code: the status and the conversation, never who triaged. */
async function followUpView(options: DeskRouteOptions, reference: string, code: string) {
  const db = options.database.db;
  const report = await reportByCode(db, reference, code);
  const [messages, attachments] = await Promise.all([
    reportMessages(db, report.id),
    reportAttachments(db, report.id),
  ]);
  return {
    reference: report.reference,
    status: report.status,
    receivedOn: report.received_on,
    // The service it went to is the reporter's business (they may contact it); the reasoning is not.
    forwardedTo: report.forwarded_to,
    messages: messages.map((m) => ({
      id: String(m.id),
      author: m.author,
      body: m.body,
      writtenOn: m.written_on,
    })),
    attachmentCount: attachments.length,
    canAnswer: report.status === 'RECEIVED' || report.status === 'ADMISSIBLE',
  };
}

/**
 * The public desk (issue 14): information pages from content files, and abuse reports filed without
 * an account, followed with a reference and a secret code. No address, user agent or time of day is
 * stored with a report; rate limits (in memory, per address) and a proof-of-work challenge slow
 * down automated filing (decision 014).
 */
export async function deskRoutes(app: FastifyInstance, options: DeskRouteOptions): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const pages = loadDeskContent();
  const page = (lang: DeskLang, topic: string) => pages.get(`${lang}/${topic}`) as DeskPage;

  app.get(
    '/api/v1/desk/pages',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['desk'],
        summary: 'The information pages of the desk in one language (titles and summaries)',
        querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { lang } = request.query as { lang: DeskLang };
      return {
        lang,
        languages: DESK_LANGUAGES,
        pages: DESK_TOPICS.map((topic) => {
          const { title, summary, translation } = page(lang, topic);
          return { topic, title, summary, translation };
        }),
      };
    },
  );

  app.get(
    '/api/v1/desk/pages/:topic',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['desk'],
        summary: 'One information page: rights and obligations on a topic, as blocks of text',
        params: Type.Object({ topic: Type.Union(DESK_TOPICS.map((topic) => Type.Literal(topic))) }),
        querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { topic } = request.params as { topic: string };
      const { lang } = request.query as { lang: DeskLang };
      return page(lang, topic);
    },
  );

  app.post(
    '/api/v1/desk/challenges',
    {
      config: { access: 'PUBLIC', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags: ['desk'],
        summary:
          'A proof-of-work challenge: find a nonce such that SHA-256("salt:nonce") starts with `bits` zero bits',
      },
    },
    async (_request, reply) =>
      reply.code(201).send(await issueChallenge(db(), options.desk.proofOfWorkBits, options.now())),
  );

  app.post(
    '/api/v1/desk/reports',
    {
      config: {
        access: 'PUBLIC',
        csrf: true,
        rateLimit: { max: options.desk.reportsPerHour, timeWindow: 3_600_000 },
      },
      schema: {
        tags: ['desk'],
        summary:
          'File an abuse report (anonymous unless contact is given); answers a reference and a follow-up code',
        body: Type.Object(
          {
            lang: Lang,
            reporterRole: Type.Union(REPORTER_ROLES.map((role) => Type.Literal(role))),
            contact: Optional(300),
            employerName: Optional(200),
            enterpriseNumber: Optional(20),
            place: Optional(200),
            categories: Type.Array(Type.Union(REPORT_CATEGORIES.map((c) => Type.Literal(c))), {
              minItems: 1,
              maxItems: REPORT_CATEGORIES.length,
              uniqueItems: true,
            }),
            description: Text(5000),
            challenge: Type.Object(
              {
                salt: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' }),
                nonce: Type.String({ pattern: '^[0-9]{1,12}$' }),
              },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as {
        lang: DeskLang;
        reporterRole: string;
        contact?: string | null;
        employerName?: string | null;
        enterpriseNumber?: string | null;
        place?: string | null;
        categories: string[];
        description: string;
        challenge: { salt: string; nonce: string };
      };
      const lang = messageLang(body.lang);
      const enterprise = reportedEnterprise(body.enterpriseNumber, () =>
        translate(lang, 'validation.desk.enterpriseNumber'),
      );
      if (enterprise.errors.length > 0)
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, enterprise.errors);
      const filed = await db()
        .transaction()
        .execute(async (trx) => {
          await spendChallenge(
            trx,
            body.challenge.salt,
            body.challenge.nonce,
            options.now(),
            translate(lang, 'validation.desk.proofOfWork'),
          );
          const report = await createReport(trx, {
            lang: body.lang,
            reporterRole: body.reporterRole,
            contact: body.contact?.trim() || null,
            employerName: body.employerName?.trim() || null,
            enterpriseNumber: enterprise.digits,
            place: body.place?.trim() || null,
            categories: body.categories,
            description: body.description.trim(),
            receivedOn: today(),
          });
          // No request id: it would tie the report to the request's log lines.
          await recordAuditEvent(trx, {
            actorUserId: null,
            action: 'DESK_REPORT_FILED',
            subjectType: 'desk_report',
            subjectId: report.id,
            details: { categories: body.categories, anonymous: !body.contact },
          });
          return report;
        });
      return reply.code(201).send({ reference: filed.reference, followUpCode: filed.followUpCode });
    },
  );

  app.post(
    '/api/v1/desk/follow-up',
    {
      config: { access: 'PUBLIC', csrf: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['desk'],
        summary: "A report's status and the inspector's questions, with its reference and follow-up code",
        body: Type.Object(FollowUp, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { reference, code } = request.body as { reference: string; code: string };
      return followUpView(options, reference, code);
    },
  );

  app.post(
    '/api/v1/desk/follow-up/answers',
    {
      config: { access: 'PUBLIC', csrf: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['desk'],
        summary:
          "The reporter answers the inspector's question (or adds information) with their follow-up code",
        body: Type.Object({ ...FollowUp, body: Text(3000) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { reference, code, body } = request.body as { reference: string; code: string; body: string };
      const report = await reportByCode(db(), reference, code);
      if (report.status !== 'RECEIVED' && report.status !== 'ADMISSIBLE')
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: report.status, action: 'ANSWER' });
      await db()
        .transaction()
        .execute(async (trx) => {
          await addMessage(trx, {
            reportId: report.id,
            author: 'REPORTER',
            userId: null,
            body: body.trim(),
            on: today(),
          });
          await recordAuditEvent(trx, {
            actorUserId: null,
            action: 'DESK_REPORT_ANSWERED',
            subjectType: 'desk_report',
            subjectId: report.id,
          });
        });
      return followUpView(options, reference, code);
    },
  );

  app.post(
    '/api/v1/desk/follow-up/attachments',
    {
      config: { access: 'PUBLIC', csrf: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['desk'],
        summary:
          'Add a photo or document to a report (multipart: reference, code, then file; PDF, JPEG or PNG, checked by content; image metadata removed)',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new LoketError('LOKET_UNSUPPORTED_MEDIA_TYPE');
      const fields: Record<string, string> = {};
      let content = null as Buffer | null; // set in the callback; `as` keeps it from narrowing to null
      const lang = messageLang(request.lang);
      await readMultipartForm(
        request,
        { fileSize: options.maxDocumentBytes + 1, files: 1, fields: 3 },
        async (part) => {
          if (part.type === 'field') fields[part.fieldname] = String(part.value);
          else content = await part.toBuffer();
        },
        lang,
      );
      const missing = ['reference', 'code', 'file']
        .filter((path) => (path === 'file' ? !content : !fields[path]))
        .map((path) => ({ path, rule: 'required', message: translate(lang, 'validation.required') }));
      if (missing.length > 0 || !content) throw new LoketError('LOKET_VALIDATION_FAILED', {}, missing);
      const report = await reportByCode(db(), fields.reference as string, fields.code as string);
      if (report.status !== 'RECEIVED' && report.status !== 'ADMISSIBLE')
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: report.status, action: 'ADD_ATTACHMENT' });
      const mediaType = await checkDocumentContent(content, lang, options.maxDocumentBytes);
      const attachment = await addAttachment(db(), options.storage, {
        reportId: report.id,
        content: stripMetadata(content, mediaType),
        mediaType,
        on: today(),
      });
      return reply.code(201).send({ id: attachment.id, mediaType, sizeBytes: attachment.size_bytes });
    },
  );
}
