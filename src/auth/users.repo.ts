import type { Db } from '../db/client.ts';
import type { Lang } from '../i18n/languages.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from './roles.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseNumber: string | null;
  preferredLang: Lang;
}

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'enterprise_number',
  'preferred_lang',
] as const;

function toUser(row: {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  enterprise_number: string | null;
  preferred_lang: Lang;
}): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    enterpriseNumber: row.enterprise_number,
    preferredLang: row.preferred_lang,
  };
}

export async function findLoginCandidate(
  db: Db,
  username: string,
): Promise<(User & { passwordHash: string | null }) | null> {
  const row = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

/** An account by its username (any case), disabled or not: for the demo loader and benchmarks. */
export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  enterpriseNumber?: string | null;
  password?: string;
  oidcSubject?: string;
  preferredLang?: Lang;
  /** Where the account is told of its dossiers (employers). */
  email?: string | null;
}

export async function createUser(db: Db, user: NewUser): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      enterprise_number: user.enterpriseNumber ?? null,
      password_hash: user.password ? await hashPassword(user.password) : null,
      oidc_subject: user.oidcSubject ?? null,
      preferred_lang: user.preferredLang,
      email: user.email ?? null,
    })
    .returning([...USER_COLUMNS])
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countUsersByRole(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .where('disabled_at', 'is', null)
    .groupBy('role')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.role, Number(r.n)]));
}

/** Remembers how the user came in last (the administrator's account list shows it). */
export async function recordLogin(db: Db, userId: string, via: 'PASSWORD' | 'OIDC'): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_login_at: new Date(), last_login_via: via })
    .where('id', '=', userId)
    .execute();
}

export { toUser, USER_COLUMNS };
