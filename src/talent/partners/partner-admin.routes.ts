import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { LoketError } from '../../server/errors.ts';
import { FieldChecks } from '../talent-input.ts';
import { MAX_RETENTION_MONTHS, POOLS } from '../talent-model.ts';
import { PARTNER_KINDS, type PartnerSettings, partnerSettingsErrors } from './partner-model.ts';
import {
  DuplicatePartnerNameError,
  findPartnerOrganisation,
  insertPartnerOrganisation,
  listPartnerOrganisations,
  lockPartnerOrganisation,
  type PartnerOrganisation,
  setPartnerActive,
  updatePartnerOrganisation,
} from './partners.repo.ts';

/**
 * Partner organisations are kept by the administrator, who also links partner accounts to them
 * (the account form, src/governance/accounts): who may record candidates, for which purposes and
 * how long, is an access decision like an account's role. No other role reads or changes them.
 */
const ADMIN = ['ADMIN'] as const;
const Strict = { additionalProperties: false } as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, Strict);
const SettingsBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    kind: Type.Enum([...PARTNER_KINDS]),
    pools: Type.Array(Type.Enum([...POOLS]), {
      minItems: 1,
      maxItems: POOLS.length,
      description: 'The groups of candidates it may record: its purposes',
    }),
    retentionMonths: Type.Integer({
      minimum: 1,
      maximum: MAX_RETENTION_MONTHS,
      description: "The longest a candidate's data may be kept after consent",
    }),
  },
  Strict,
);

/** Partner organisations for the administrator (issue 17; docs/talent.md): list, create, edit, (de)activate. */
export async function partnerAdminRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState },
): Promise<void> {
  const db = () => options.database.db;
  const actorOf = (request: FastifyRequest) => request.user as User;

  function checked(request: FastifyRequest): { settings: PartnerSettings; checks: FieldChecks } {
    const body = request.body as PartnerSettings;
    const settings = { ...body, name: body.name.trim() };
    const checks = new FieldChecks(request.lang);
    for (const error of partnerSettingsErrors(settings))
      checks.fail(error.path, error.rule, 'partnerAdmin.duplicatePool');
    checks.throwIfAny();
    return { settings, checks };
  }

  const nameTaken = (checks: FieldChecks) => (error: unknown) => {
    if (!(error instanceof DuplicatePartnerNameError)) throw error;
    checks.fail('name', 'unique', 'partnerAdmin.nameTaken');
    return checks.throwIfAny() as never;
  };

  async function found(id: string): Promise<PartnerOrganisation> {
    const organisation = await findPartnerOrganisation(db(), id);
    if (!organisation) throw new LoketError('LOKET_NOT_FOUND');
    return organisation;
  }

  app.get(
    '/api/v1/talent/partners',
    {
      config: { access: [...ADMIN] },
      schema: {
        tags: ['talent'],
        summary:
          'Every partner organisation with its kind, purposes, retention, state and how many accounts and candidates it has',
      },
    },
    // Organisations and counts only, no person: not a read of personal data.
    async () => ({ partners: await listPartnerOrganisations(db()) }),
  );

  app.post(
    '/api/v1/talent/partners',
    {
      config: { access: [...ADMIN] },
      schema: { tags: ['talent'], summary: 'Create a partner organisation', body: SettingsBody },
    },
    async (request, reply) => {
      const { settings, checks } = checked(request);
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const made = await insertPartnerOrganisation(trx, settings);
          await recordAuditEvent(trx, {
            actorUserId: actorOf(request).id,
            action: 'TALENT_PARTNER_CREATED',
            subjectType: 'talent_partner',
            subjectId: made,
            requestId: String(request.id),
            details: { ...settings },
          });
          return made;
        })
        .catch(nameTaken(checks));
      return reply.code(201).send({ partner: await found(id) });
    },
  );

  app.put(
    '/api/v1/talent/partners/:id',
    {
      config: { access: [...ADMIN] },
      schema: {
        tags: ['talent'],
        summary:
          "Change a partner organisation's name, kind, purposes or retention (existing candidates keep their own retention date)",
        params: IdParams,
        body: SettingsBody,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { settings, checks } = checked(request);
      await db()
        .transaction()
        .execute(async (trx) => {
          await lockPartnerOrganisation(trx, id);
          const before = await findPartnerOrganisation(trx, id);
          if (!before) throw new LoketError('LOKET_NOT_FOUND');
          await updatePartnerOrganisation(trx, id, settings);
          await recordAuditEvent(trx, {
            actorUserId: actorOf(request).id,
            action: 'TALENT_PARTNER_UPDATED',
            subjectType: 'talent_partner',
            subjectId: id,
            requestId: String(request.id),
            details: {
              from: {
                name: before.name,
                kind: before.kind,
                pools: before.pools,
                retentionMonths: before.retentionMonths,
              },
              to: { ...settings },
            },
          });
        })
        .catch(nameTaken(checks));
      return { partner: await found(id) };
    },
  );

  for (const active of [false, true]) {
    app.post(
      `/api/v1/talent/partners/:id/${active ? 'activate' : 'deactivate'}`,
      {
        config: { access: [...ADMIN] },
        schema: {
          tags: ['talent'],
          summary: active
            ? 'Activate a partner organisation again'
            : 'Deactivate a partner organisation: its accounts record no new candidate or participant',
          params: IdParams,
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        await db()
          .transaction()
          .execute(async (trx) => {
            await lockPartnerOrganisation(trx, id);
            const before = await findPartnerOrganisation(trx, id);
            if (!before) throw new LoketError('LOKET_NOT_FOUND');
            // Again the same: nothing changes, nothing is recorded (a retried click).
            if (before.active === active) return;
            await setPartnerActive(trx, id, active);
            await recordAuditEvent(trx, {
              actorUserId: actorOf(request).id,
              action: active ? 'TALENT_PARTNER_ACTIVATED' : 'TALENT_PARTNER_DEACTIVATED',
              subjectType: 'talent_partner',
              subjectId: id,
              requestId: String(request.id),
              details: { accounts: before.accounts },
            });
          });
        return { partner: await found(id) };
      },
    );
  }
}
