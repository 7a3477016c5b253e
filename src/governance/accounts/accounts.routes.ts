import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import { ROLES } from '../../auth/roles.ts';
import { sessionCache } from '../../auth/sessions.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { Db } from '../../db/client.ts';
import { LANGUAGES, type Lang } from '../../i18n/languages.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { LoketError } from '../../server/errors.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { composeAccountMail } from './account-mail.ts';
import { checkAccountInput, checkPartnerLink, compactEnterpriseNumber, fieldError } from './account-rules.ts';
import {
  type Account,
  type AccountFields,
  createPasswordLink,
  findAccount,
  insertAccount,
  listAccounts,
  partnerLinkState,
  queueAccountMail,
  replaceMandates,
  setAccountDisabled,
  setPartnerMembership,
  updateAccount,
  usernameTaken,
} from './accounts.repo.ts';
import { passwordLinkRoutes } from './password-link.routes.ts';

/** How long a password link works. */
export const PASSWORD_LINK_HOURS = 24;

const Mandate = Type.Object(
  {
    enterpriseNumber: Type.String({ minLength: 10, maxLength: 14, pattern: '^[0-9. ]+$' }),
    enterpriseName: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const editable = {
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  role: Type.Enum([...ROLES]),
  enterpriseNumber: Type.Union([
    Type.String({ minLength: 10, maxLength: 14, pattern: '^[0-9. ]+$' }),
    Type.Null(),
  ]),
  email: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
  preferredLang: Type.Enum([...LANGUAGES]),
  mandates: Type.Array(Mandate, { maxItems: 500 }),
  // A partner account's organisation (docs/talent.md#partner-organisations); left out, unchanged.
  partnerId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
};

const NewAccountBody = Type.Object(
  { username: Type.String({ minLength: 3, maxLength: 100, pattern: '^[A-Za-z0-9._@-]+$' }), ...editable },
  { additionalProperties: false },
);
const AccountBody = Type.Object(editable, { additionalProperties: false });

const AccountSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum([...ROLES]),
  enterpriseNumber: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  preferredLang: Type.Enum([...LANGUAGES]),
  createdAt: Type.String({ format: 'date-time' }),
  disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  signIn: Type.Enum(['PASSWORD', 'OIDC', 'PENDING']),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastLoginVia: Type.Union([Type.Enum(['PASSWORD', 'OIDC']), Type.Null()]),
  mandates: Type.Array(
    Type.Object({
      enterpriseNumber: Type.String(),
      enterpriseName: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  partnerId: Type.Union([Type.String(), Type.Null()]),
  partnerName: Type.Union([Type.String(), Type.Null()]),
});

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export interface AccountRouteOptions {
  database: DatabaseState;
  authMode: 'local' | 'oidc';
  publicUrl: string;
  now: () => Date;
}

type Editable = {
  displayName: string;
  role: AccountFields['role'];
  enterpriseNumber: string | null;
  email: string | null;
  preferredLang: AccountFields['preferredLang'];
  mandates: { enterpriseNumber: string; enterpriseName?: string | null }[];
  partnerId?: string | null;
};

function invalid(errors: FieldError[]): LoketError {
  return new LoketError('LOKET_VALIDATION_FAILED', { count: errors.length }, errors);
}

function fieldsOf(body: Editable): AccountFields {
  return {
    displayName: body.displayName.trim(),
    role: body.role,
    enterpriseNumber: body.enterpriseNumber === null ? null : compactEnterpriseNumber(body.enterpriseNumber),
    email: body.email,
    preferredLang: body.preferredLang,
  };
}

function mandatesOf(body: Editable) {
  return body.mandates.map((m) => ({
    enterpriseNumber: compactEnterpriseNumber(m.enterpriseNumber),
    enterpriseName: m.enterpriseName?.trim() || null,
  }));
}

const actorOf = (request: FastifyRequest) => request.user as User;

/**
 * Accounts for an administrator (issue 15): create, change role, enterprise and mandates,
 * disable and re-enable, send a one-time link to set a password; and the link's own public routes.
 * Every change is audited in its transaction; every list read is audited (staff personal data).
 */
export async function accountRoutes(fastify: FastifyInstance, options: AccountRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => options.database.db;

  async function sendLink(trx: Db, account: Account, purpose: 'SET' | 'RESET', actor: string | null) {
    if (!account.email) return false;
    const token = await createPasswordLink(trx, {
      userId: account.id,
      purpose,
      createdBy: actor,
      ttlMs: PASSWORD_LINK_HOURS * 3_600_000,
      now: options.now(),
    });
    const mail = composeAccountMail({
      lang: account.preferredLang,
      purpose,
      username: account.username,
      publicUrl: options.publicUrl,
      token,
      validHours: PASSWORD_LINK_HOURS,
    });
    await queueAccountMail(trx, { recipient: account.email, lang: account.preferredLang, ...mail });
    return true;
  }

  async function found(trx: Db, id: string): Promise<Account> {
    const account = await findAccount(trx, id);
    if (!account) throw new LoketError('LOKET_NOT_FOUND');
    return account;
  }

  /** The organisation a partner account acts for after this change (left out: as it was). */
  async function linkPartner(trx: Db, userId: string, body: Editable, previous: string | null, lang: Lang) {
    const partnerId =
      body.partnerId === undefined ? (body.role === 'PARTNER' ? previous : null) : body.partnerId;
    const state = partnerId ? await partnerLinkState(trx, partnerId) : null;
    const errors = checkPartnerLink({ role: body.role, partnerId, previousPartnerId: previous }, state, lang);
    if (errors.length > 0) throw invalid(errors);
    await setPartnerMembership(trx, userId, partnerId);
  }

  app.get(
    '/api/v1/accounts',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['accounts'],
        summary: 'Every account with its role, mandates, state and how its user signs in',
        response: {
          200: Type.Object({
            authMode: Type.Enum(['local', 'oidc']),
            roles: Type.Array(Type.Enum([...ROLES])),
            accounts: Type.Array(AccountSchema),
          }),
        },
      },
    },
    async (request) => {
      const accounts = await listAccounts(db());
      await recordAuditEvent(db(), {
        actorUserId: actorOf(request).id,
        action: 'ACCOUNTS_READ',
        subjectType: 'users',
        requestId: String(request.id),
        details: { accounts: accounts.length },
      });
      return { authMode: options.authMode, roles: [...ROLES], accounts };
    },
  );

  app.post(
    '/api/v1/accounts',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account; with local sign-in its user gets a mail with a link to set a password',
        body: NewAccountBody,
        response: { 201: AccountSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const needsEmail = options.authMode === 'local';
      const errors = checkAccountInput({ ...body }, request.lang, needsEmail);
      if (errors.length > 0) throw invalid(errors);
      const actor = actorOf(request);
      const account = await db()
        .transaction()
        .execute(async (trx) => {
          if (await usernameTaken(trx, body.username))
            throw invalid([fieldError(request.lang, 'body.username', 'usernameTaken')]);
          const id = await insertAccount(trx, body.username, fieldsOf(body));
          await replaceMandates(trx, id, mandatesOf(body));
          await linkPartner(trx, id, body, null, request.lang);
          const created = await found(trx, id);
          const mailed = needsEmail ? await sendLink(trx, created, 'SET', actor.id) : false;
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'ACCOUNT_CREATED',
            subjectType: 'user',
            subjectId: id,
            requestId: String(request.id),
            details: {
              role: created.role,
              enterpriseNumber: created.enterpriseNumber,
              mandates: created.mandates.map((m) => m.enterpriseNumber),
              partnerId: created.partnerId,
              passwordLinkMailed: mailed,
            },
          });
          return created;
        })
        .catch((error: unknown) => {
          // Two administrators creating the same username at once: the unique index decides.
          if ((error as { code?: string }).code === '23505')
            throw invalid([fieldError(request.lang, 'body.username', 'usernameTaken')]);
          throw error;
        });
      return reply.code(201).send(account);
    },
  );

  app.put(
    '/api/v1/accounts/:id',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['accounts'],
        summary: "Change an account's name, role, enterprise, mandates, address or language",
        params: IdParams,
        body: AccountBody,
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const actor = actorOf(request);
      const errors = checkAccountInput(body, request.lang, false);
      if (request.params.id === actor.id && body.role !== actor.role)
        errors.push(fieldError(request.lang, 'body.role', 'self'));
      if (errors.length > 0) throw invalid(errors);
      const account = await db()
        .transaction()
        .execute(async (trx) => {
          const before = await found(trx, request.params.id);
          await updateAccount(trx, before.id, fieldsOf(body));
          await replaceMandates(trx, before.id, mandatesOf(body));
          await linkPartner(trx, before.id, body, before.partnerId, request.lang);
          const after = await found(trx, before.id);
          const was = new Set(before.mandates.map((m) => m.enterpriseNumber));
          const is = new Set(after.mandates.map((m) => m.enterpriseNumber));
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'ACCOUNT_UPDATED',
            subjectType: 'user',
            subjectId: before.id,
            requestId: String(request.id),
            details: {
              role: before.role === after.role ? after.role : { from: before.role, to: after.role },
              enterpriseNumber: { from: before.enterpriseNumber, to: after.enterpriseNumber },
              mandatesAdded: [...is].filter((n) => !was.has(n)),
              mandatesRemoved: [...was].filter((n) => !is.has(n)),
              displayNameChanged: before.displayName !== after.displayName,
              emailChanged: before.email !== after.email,
              partnerId: { from: before.partnerId, to: after.partnerId },
            },
          });
          return after;
        });
      // Role and enterprises are read from the session cache: this instance sees the change now.
      await sessionCache.forgetUser(account.id);
      return account;
    },
  );

  for (const disable of [true, false]) {
    app.post(
      `/api/v1/accounts/:id/${disable ? 'disable' : 'enable'}`,
      {
        config: { access: ['ADMIN'] },
        schema: {
          tags: ['accounts'],
          summary: disable
            ? 'Disable an account: its sessions end at once and it can no longer sign in'
            : 'Enable a disabled account again',
          params: IdParams,
          response: { 200: AccountSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (disable && request.params.id === actor.id)
          throw invalid([fieldError(request.lang, 'params.id', 'self')]);
        const account = await db()
          .transaction()
          .execute(async (trx) => {
            const before = await found(trx, request.params.id);
            const ended = await setAccountDisabled(trx, before.id, disable);
            await recordAuditEvent(trx, {
              actorUserId: actor.id,
              action: disable ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED',
              subjectType: 'user',
              subjectId: before.id,
              requestId: String(request.id),
              details: disable ? { sessionsEnded: ended, wasDisabled: before.disabledAt !== null } : {},
            });
            return found(trx, before.id);
          });
        // Its sessions are gone from the database; this instance forgets them now too. Other
        // instances stop accepting them within LOKET_SESSION_CACHE_SECONDS (docs/governance.md).
        if (disable) await sessionCache.forgetUser(account.id);
        return account;
      },
    );
  }

  app.post(
    '/api/v1/accounts/:id/password-link',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['accounts'],
        summary: 'Mail the user a one-time link to set a new password (older links stop working)',
        params: IdParams,
        response: { 202: Type.Object({ mailedTo: Type.String() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const mailedTo = await db()
        .transaction()
        .execute(async (trx) => {
          const account = await found(trx, request.params.id);
          if (account.signIn === 'OIDC' || options.authMode === 'oidc')
            throw invalid([fieldError(request.lang, 'params.id', 'oidcAccount')]);
          if (account.disabledAt) throw invalid([fieldError(request.lang, 'params.id', 'disabled')]);
          if (!account.email) throw invalid([fieldError(request.lang, 'params.id', 'emailRequired')]);
          await sendLink(trx, account, account.signIn === 'PENDING' ? 'SET' : 'RESET', actor.id);
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'PASSWORD_LINK_SENT',
            subjectType: 'user',
            subjectId: account.id,
            requestId: String(request.id),
          });
          return account.email;
        });
      return reply.code(202).send({ mailedTo });
    },
  );
  await passwordLinkRoutes(fastify, options);
}
