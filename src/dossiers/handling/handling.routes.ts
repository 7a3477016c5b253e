import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { User } from '../../auth/users.repo.ts';
import { translate } from '../../i18n/translate.ts';
import { CATEGORIES } from '../../rules/index.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { loadDossierFor, recordStaffListRead } from '../dossier-guard.ts';
import { lockDossier } from '../dossiers.repo.ts';
import type { DossierRouteOptions } from '../dossiers.routes.ts';
import { importPayments } from '../fees/import-payments.ts';
import { assignDossier, assignDossiers } from './assignment.ts';
import { recordFeePaid } from './perform-action.ts';
import { listQueue } from './queue.ts';
import {
  QUEUE_SORTS,
  QUEUE_STATUSES,
  type QueueSort,
  type QueueStatus,
  SORT_DIRECTIONS,
  type SortDirection,
} from './queue-statuses.ts';
import { leadTimesPerCategory, workloadPerCaseHandler } from './supervision.ts';

const STAFF = ['CASE_HANDLER', 'SUPERVISOR'] as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The service side: the queue, assignment, fee payments and the supervisor's figures. */
export async function handlingRoutes(app: FastifyInstance, options: DossierRouteOptions): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());

  app.get(
    '/api/v1/queue',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['case handling'],
        summary:
          'Open dossiers, fewest days left first (or sorted by a column); a status filter also finds closed ones; q searches number, worker name and enterprise number',
        querystring: Type.Object(
          {
            scope: Type.Optional(Type.Enum(['mine', 'unassigned', 'all'])),
            status: Type.Optional(Type.Enum(QUEUE_STATUSES)),
            category: Type.Optional(Type.Enum(CATEGORIES)),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            sort: Type.Optional(Type.Enum(QUEUE_SORTS)),
            direction: Type.Optional(Type.Enum(SORT_DIRECTIONS)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const query = request.query as {
        scope?: 'mine' | 'unassigned' | 'all';
        status?: QueueStatus;
        category?: string;
        q?: string;
        sort?: QueueSort;
        direction?: SortDirection;
        limit?: number;
        offset?: number;
      };
      const page = await listQueue(
        db(),
        (request.user as User).id,
        {
          scope: query.scope ?? 'all',
          ...(query.status ? { status: query.status } : {}),
          ...(query.category ? { category: query.category } : {}),
          ...(query.q ? { search: query.q } : {}),
          ...(query.sort ? { sort: query.sort, direction: query.direction ?? 'asc' } : {}),
          limit: query.limit ?? 50,
          offset: query.offset ?? 0,
        },
        today(),
      );
      await recordStaffListRead(
        db(),
        request,
        'queue',
        page.items.map((item) => item.id),
      );
      return page;
    },
  );

  app.post(
    '/api/v1/dossiers/:id/assignment',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['case handling'],
        summary: 'Assign a dossier (a supervisor to anyone, a case handler to themself)',
        params: IdParams,
        body: Type.Object(
          {
            assigneeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
            version: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as { assigneeId: string | null; version: number };
      const user = request.user as User;
      if (user.role === 'CASE_HANDLER' && body.assigneeId !== user.id)
        throw new LoketError('LOKET_FORBIDDEN');
      await loadDossierFor(db(), request, id, 'CHANGE');
      const updated = await assignDossier(
        db(),
        id,
        { role: user.role, userId: user.id, requestId: String(request.id) },
        { ...body, lang: request.lang, today: today() },
      );
      return { id: updated.id, version: updated.version, assigneeId: updated.assigned_to };
    },
  );

  app.post(
    '/api/v1/supervision/assignments',
    {
      config: { access: ['SUPERVISOR'] },
      schema: {
        tags: ['supervision'],
        summary:
          'Assign several open dossiers to one case handler (or to nobody) at once: all or none; a closed or unknown dossier is named by its position',
        body: Type.Object(
          {
            dossierIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100 }),
            assigneeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const body = request.body as { dossierIds: string[]; assigneeId: string | null };
      const user = request.user as User;
      const assigned = await assignDossiers(
        db(),
        body.dossierIds,
        { role: user.role, userId: user.id, requestId: String(request.id) },
        { assigneeId: body.assigneeId, lang: request.lang, today: today() },
      );
      return {
        assigneeId: body.assigneeId,
        dossiers: assigned.map((dossier) => ({
          id: dossier.id,
          number: dossier.number,
          version: dossier.version,
        })),
      };
    },
  );

  app.post(
    '/api/v1/dossiers/:id/fee/payment',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['case handling'],
        summary: 'Record that the fee was paid; admissibility then runs',
        params: IdParams,
        body: Type.Object(
          { paidOn: Type.String({ format: 'date' }), version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as { paidOn: string; version: number };
      const user = request.user as User;
      await loadDossierFor(db(), request, id, 'CHANGE');
      const updated = await db()
        .transaction()
        .execute(async (trx) => {
          const dossier = await lockDossier(trx, id);
          if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
          if (!dossier.fee_reference)
            throw new LoketError('LOKET_ILLEGAL_TRANSITION', {
              status: dossier.status,
              action: 'RECORD_PAYMENT',
            });
          await trx
            .insertInto('fee_payments')
            .values({
              dossier_id: id,
              booked_on: body.paidOn,
              amount_cents: dossier.fee_amount_cents ?? 0,
              reference: dossier.fee_reference,
              outcome: 'MANUAL',
              imported_by: user.id,
            })
            .execute();
          return recordFeePaid(
            trx,
            dossier,
            { role: user.role, userId: user.id },
            body.paidOn,
            today(),
            body.version,
          );
        });
      return {
        id: updated.id,
        status: updated.status,
        version: updated.version,
        feePaidOn: updated.fee_paid_on,
      };
    },
  );

  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: 10 * 1_048_576 },
    (_request, body, done) => done(null, body),
  );
  app.post(
    '/api/v1/fee-payments/import',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['case handling'],
        summary: 'Import a bank statement (CSV): matched fees are marked paid and admissibility runs',
        consumes: ['text/csv'],
        body: Type.String({ minLength: 1, maxLength: 10 * 1_048_576 }),
      },
    },
    async (request) => {
      const user = request.user as User;
      const acting = { role: user.role, userId: user.id };
      return importPayments(db(), request.body as string, acting, today(), request.lang);
    },
  );

  app.get(
    '/api/v1/supervision/workload',
    {
      config: { access: ['SUPERVISOR'] },
      schema: { tags: ['supervision'], summary: 'Open dossiers per case handler' },
    },
    async (request) => {
      const workload = await workloadPerCaseHandler(db(), today());
      await recordStaffListRead(db(), request, 'workload', []);
      return workload;
    },
  );

  app.get(
    '/api/v1/supervision/lead-times',
    {
      config: { access: ['SUPERVISOR'] },
      schema: {
        tags: ['supervision'],
        summary:
          'Lead time admissible → decision per category: median, 90th percentile, share within the deadline',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const query = request.query as { from?: string; to?: string };
      const to = query.to ?? today();
      const from = query.from ?? `${to.slice(0, 4)}-01-01`;
      if (from > to) {
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
          {
            path: 'from',
            rule: 'beforeTo',
            message: translate(request.lang, 'validation.periodStartAfterEnd', { to }),
          },
        ]);
      }
      return { from, to, ...(await leadTimesPerCategory(db(), from, to)) };
    },
  );

  app.get(
    '/api/v1/staff/notifications',
    {
      config: { access: [...STAFF] },
      schema: { tags: ['supervision'], summary: 'Unread notifications for my role' },
    },
    async (request) => {
      const rows = await db()
        .selectFrom('staff_notifications as n')
        .innerJoin('dossiers as d', 'd.id', 'n.dossier_id')
        .select(['n.id', 'n.kind', 'n.created_on', 'd.id as dossier_id', 'd.number'])
        .where('n.recipient_role', '=', (request.user as User).role as 'CASE_HANDLER' | 'SUPERVISOR')
        .where('n.read_at', 'is', null)
        .orderBy('n.created_at', 'desc')
        .limit(200)
        .execute();
      await recordStaffListRead(
        db(),
        request,
        'notifications',
        rows.map((r) => r.dossier_id),
      );
      return {
        notifications: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          createdOn: r.created_on,
          dossierId: r.dossier_id,
          dossierNumber: r.number,
        })),
      };
    },
  );

  app.post(
    '/api/v1/staff/notifications/:id/read',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['supervision'],
        summary: 'Mark a notification of my role as read',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const role = (request.user as User).role as 'CASE_HANDLER' | 'SUPERVISOR';
      const updated = await db()
        .updateTable('staff_notifications')
        .set({ read_at: new Date() })
        .where('id', '=', id)
        .where('recipient_role', '=', role)
        .where('read_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new LoketError('LOKET_NOT_FOUND');
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/staff/case-handlers',
    {
      config: { access: [...STAFF] },
      schema: { tags: ['supervision'], summary: 'Staff a dossier can be assigned to' },
    },
    async () => {
      const rows = await db()
        .selectFrom('users')
        .select(['id', 'display_name', 'role'])
        .where('role', 'in', ['CASE_HANDLER', 'SUPERVISOR'])
        .where('disabled_at', 'is', null)
        .orderBy('display_name')
        .execute();
      return { staff: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })) };
    },
  );
}
