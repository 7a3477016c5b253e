import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { hashPassword } from '../../auth/passwords.ts';
import type { Role } from '../../auth/roles.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';

/** An account as the administrator sees it: never a password hash, never a token. */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseNumber: string | null;
  email: string | null;
  preferredLang: Lang;
  createdAt: string;
  disabledAt: string | null;
  /** How the user can sign in: a password of their own, single sign-on, or not yet (link sent). */
  signIn: 'PASSWORD' | 'OIDC' | 'PENDING';
  lastLoginAt: string | null;
  lastLoginVia: 'PASSWORD' | 'OIDC' | null;
  mandates: { enterpriseNumber: string; enterpriseName: string | null }[];
  /** For a partner account: the partner organisation it acts for (src/talent; migration 0020). */
  partnerId: string | null;
  partnerName: string | null;
}

export interface AccountFields {
  displayName: string;
  role: Role;
  enterpriseNumber: string | null;
  email: string | null;
  preferredLang: Lang;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** Every account with its mandates, by username; or one account with `id`. */
export async function listAccounts(db: Db, id?: string): Promise<Account[]> {
  let query = db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'role',
      'enterprise_number',
      'email',
      'preferred_lang',
      'created_at',
      'disabled_at',
      'last_login_at',
      'last_login_via',
      sql<boolean>`password_hash is not null`.as('has_password'),
      sql<boolean>`oidc_subject is not null`.as('has_oidc'),
      sql<{ enterprise_number: string; enterprise_name: string | null }[]>`coalesce((
        select json_agg(json_build_object('enterprise_number', m.enterprise_number,
          'enterprise_name', m.enterprise_name) order by m.enterprise_number)
        from employer_mandates m where m.user_id = users.id), '[]'::json)`.as('mandates'),
      sql<
        string | null
      >`(select pm.partner_id from talent_partner_members pm where pm.user_id = users.id)`.as('partner_id'),
      sql<string | null>`(select p.name from talent_partner_members pm join talent_partners p
        on p.id = pm.partner_id where pm.user_id = users.id)`.as('partner_name'),
    ])
    .orderBy(sql`lower(username)`);
  if (id) query = query.where('id', '=', id);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    enterpriseNumber: row.enterprise_number,
    email: row.email,
    preferredLang: row.preferred_lang,
    createdAt: iso(row.created_at) as string,
    disabledAt: iso(row.disabled_at),
    signIn: row.has_oidc ? 'OIDC' : row.has_password ? 'PASSWORD' : 'PENDING',
    lastLoginAt: iso(row.last_login_at),
    lastLoginVia: row.last_login_via,
    mandates: row.mandates.map((m) => ({
      enterpriseNumber: m.enterprise_number,
      enterpriseName: m.enterprise_name,
    })),
    partnerId: row.partner_id,
    partnerName: row.partner_name,
  }));
}

/** Whether a partner organisation exists and is active: an account may be linked to an active one. */
export async function partnerLinkState(
  db: Db,
  partnerId: string,
): Promise<'ACTIVE' | 'INACTIVE' | 'UNKNOWN'> {
  const row = await db
    .selectFrom('talent_partners')
    .select('deactivated_at')
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!row) return 'UNKNOWN';
  return row.deactivated_at === null ? 'ACTIVE' : 'INACTIVE';
}

/** Links the account to the partner organisation it acts for, or unlinks it (null). */
export async function setPartnerMembership(db: Db, userId: string, partnerId: string | null): Promise<void> {
  if (partnerId === null) {
    await db.deleteFrom('talent_partner_members').where('user_id', '=', userId).execute();
    return;
  }
  await db
    .insertInto('talent_partner_members')
    .values({ user_id: userId, partner_id: partnerId })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ partner_id: partnerId }))
    .execute();
}

export async function findAccount(db: Db, id: string): Promise<Account | undefined> {
  return (await listAccounts(db, id))[0];
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAccount(trx: Db, username: string, fields: AccountFields): Promise<string> {
  const row = await trx
    .insertInto('users')
    .values({
      username,
      display_name: fields.displayName,
      role: fields.role,
      enterprise_number: fields.enterpriseNumber,
      email: fields.email,
      preferred_lang: fields.preferredLang,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAccount(trx: Db, id: string, fields: AccountFields): Promise<void> {
  await trx
    .updateTable('users')
    .set({
      display_name: fields.displayName,
      role: fields.role,
      enterprise_number: fields.enterpriseNumber,
      email: fields.email,
      preferred_lang: fields.preferredLang,
    })
    .where('id', '=', id)
    .execute();
}

/** Disables (ending every session of the account in the database) or re-enables an account. */
export async function setAccountDisabled(trx: Db, id: string, disabled: boolean): Promise<number> {
  await trx
    .updateTable('users')
    .set({ disabled_at: disabled ? sql<Date>`now()` : null })
    .where('id', '=', id)
    .execute();
  return disabled ? endSessions(trx, id) : 0;
}

/** Deletes the account's sessions; the caller also forgets them in this process's session cache. */
export async function endSessions(trx: Db, userId: string): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Makes the account's mandates exactly `mandates` (none for an account that is no employer). */
export async function replaceMandates(
  trx: Db,
  userId: string,
  mandates: readonly { enterpriseNumber: string; enterpriseName: string | null }[],
): Promise<void> {
  await trx.deleteFrom('employer_mandates').where('user_id', '=', userId).execute();
  if (mandates.length === 0) return;
  await trx
    .insertInto('employer_mandates')
    .values(
      mandates.map((m) => ({
        user_id: userId,
        enterprise_number: m.enterpriseNumber,
        enterprise_name: m.enterpriseName,
      })),
    )
    .execute();
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * A new one-time link to set the account's password; links given before for the account stop
 * working. Returns the token (only its hash is stored): it goes into the mail and nowhere else.
 */
export async function createPasswordLink(
  trx: Db,
  link: { userId: string; purpose: 'SET' | 'RESET'; createdBy: string | null; ttlMs: number; now: Date },
): Promise<string> {
  await trx
    .updateTable('password_links')
    .set({ used_at: link.now })
    .where('user_id', '=', link.userId)
    .where('used_at', 'is', null)
    .execute();
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('password_links')
    .values({
      token_hash: hashLinkToken(token),
      user_id: link.userId,
      purpose: link.purpose,
      created_by: link.createdBy,
      expires_at: new Date(link.now.getTime() + link.ttlMs),
    })
    .execute();
  return token;
}

/** The account a live link is for (unused, unexpired, account enabled), locked when `forUpdate`. */
export async function findLiveLink(trx: Db, token: string, now: Date, forUpdate = false) {
  let query = trx
    .selectFrom('password_links')
    .innerJoin('users', 'users.id', 'password_links.user_id')
    .select([
      'password_links.token_hash',
      'password_links.purpose',
      'password_links.expires_at',
      'users.id as user_id',
      'users.username',
      'users.oidc_subject',
    ])
    .where('password_links.token_hash', '=', hashLinkToken(token))
    .where('password_links.used_at', 'is', null)
    .where('password_links.expires_at', '>', now)
    .where('users.disabled_at', 'is', null);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Sets the password, spends the link, and ends the account's other sessions. */
export async function setPasswordWithLink(
  trx: Db,
  link: { tokenHash: string; userId: string },
  password: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), password_changed_at: now })
    .where('id', '=', link.userId)
    .execute();
  await trx
    .updateTable('password_links')
    .set({ used_at: now })
    .where('token_hash', '=', link.tokenHash)
    .execute();
  await endSessions(trx, link.userId);
}

/** Queues the mail carrying the link, composed now (the token exists only now). */
export async function queueAccountMail(
  trx: Db,
  mail: { recipient: string; lang: Lang; subject: string; text: string },
): Promise<void> {
  await trx
    .insertInto('mail_outbox')
    .values({
      kind: 'ACCOUNT_LINK',
      audience: 'ACCOUNT',
      reported_status: 'ACCOUNT',
      dossier_number: null,
      recipient: mail.recipient,
      lang: mail.lang,
      subject: mail.subject,
      body_text: mail.text,
    })
    .execute();
}
