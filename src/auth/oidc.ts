import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { Db } from '../db/client.ts';
import { checkEnterpriseNumber } from '../rules/identifiers/enterprise-number.ts';
import type { Config } from '../server/config.ts';
import { LoketError } from '../server/errors.ts';
import { isRole, type Role } from './roles.ts';
import { toUser, USER_COLUMNS, type User } from './users.repo.ts';

/** `Config.auth` in OIDC mode. */
export type OidcSettings = Omit<Extract<Config['auth'], { mode: 'oidc' }>, 'mode'>;

/** What the browser keeps (HTTP-only cookie) between the redirect to the IdP and the callback. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** When the login started (ms since epoch); the checks expire with the cookie. */
  issuedAt: number;
}

export const OIDC_CHECKS_TTL_MS = 10 * 60_000;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http is only allowed for an issuer on this machine (tests, a developer's IdP). */
export function allowsInsecureIssuer(issuer: URL): boolean {
  return issuer.protocol === 'http:' && LOCAL_HOSTS.has(issuer.hostname);
}

/**
 * The relying party: discovers the issuer on first use (so the server starts while the IdP is
 * down) and again after a failed discovery.
 */
export class OidcClient {
  #configuration: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  configuration(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const issuer = new URL(this.settings.issuer);
      this.#configuration = client
        .discovery(
          issuer,
          this.settings.clientId,
          this.settings.clientSecret,
          undefined,
          allowsInsecureIssuer(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.#configuration = null;
          throw error;
        });
    }
    return this.#configuration;
  }

  /** The IdP's authorization URL (code flow, PKCE S256) and the checks to keep for the callback. */
  async startLogin(now = Date.now()): Promise<{ url: URL; checks: OidcChecks }> {
    const configuration = await this.configuration();
    const checks: OidcChecks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      issuedAt: now,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      response_type: 'code',
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url, checks };
  }

  /** Exchanges the code of the callback's query string; returns the validated ID token claims. */
  async finishLogin(search: string, checks: OidcChecks): Promise<Record<string, unknown>> {
    const configuration = await this.configuration();
    // The configured redirect URI, not the Host header: it is what the token endpoint must receive.
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = search;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new LoketError('LOKET_UNAUTHENTICATED');
    return claims as Record<string, unknown>;
  }
}

export function encodeChecks(checks: OidcChecks): string {
  return Buffer.from(JSON.stringify(checks)).toString('base64url');
}

/** The checks from the cookie, or null when absent, malformed or older than ten minutes. */
export function decodeChecks(value: string | undefined, now = Date.now()): OidcChecks | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcChecks>;
    const { state, nonce, codeVerifier, issuedAt } = parsed;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string')
      return null;
    if (typeof issuedAt !== 'number' || now - issuedAt > OIDC_CHECKS_TTL_MS || issuedAt > now + 60_000)
      return null;
    return { state, nonce, codeVerifier, issuedAt };
  } catch {
    return null;
  }
}

/** The Loket account an ID token describes. */
export interface OidcIdentity {
  subject: string;
  usernames: string[];
  displayName: string;
  role: Role;
  enterpriseNumber: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 100) : null;
}

/**
 * Maps ID token claims to a Loket identity. A role outside Loket's roles, or an employer without a
 * valid KBO enterprise number, is refused (403): the IdP decides who someone is, not what Loket allows.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'roleClaim' | 'enterpriseClaim'>,
): OidcIdentity {
  const subject = typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : null;
  if (!subject) throw new LoketError('LOKET_UNAUTHENTICATED');
  const role = claims[settings.roleClaim];
  if (!isRole(role)) throw new LoketError('LOKET_FORBIDDEN', { claim: settings.roleClaim });
  let enterpriseNumber: string | null = null;
  if (role === 'EMPLOYER') {
    const raw = claims[settings.enterpriseClaim];
    const check = typeof raw === 'string' ? checkEnterpriseNumber(raw) : null;
    if (!check?.ok) throw new LoketError('LOKET_FORBIDDEN', { claim: settings.enterpriseClaim });
    enterpriseNumber = check.digits;
  }
  const usernames = [text(claims.preferred_username), text(claims.email), subject.slice(0, 100)].filter(
    (name): name is string => name !== null,
  );
  return {
    subject,
    usernames: [...new Set(usernames)],
    displayName: text(claims.name) ?? usernames[0]!,
    role,
    enterpriseNumber,
  };
}

async function findBySubject(db: Db, subject: string) {
  return db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'disabled_at'])
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

/** The first free username among the candidates, or one derived from the subject. */
async function freeUsername(db: Db, identity: OidcIdentity): Promise<string> {
  const lowered = identity.usernames.map((name) => name.toLowerCase());
  const taken = await db
    .selectFrom('users')
    .select((eb) => eb.fn<string>('lower', ['username']).as('name'))
    .where((eb) => eb(eb.fn('lower', ['username']), 'in', lowered))
    .execute();
  const takenNames = new Set(taken.map((row) => row.name));
  const free = identity.usernames.find((name) => !takenNames.has(name.toLowerCase()));
  return free ?? `oidc-${createHash('sha256').update(identity.subject).digest('hex').slice(0, 16)}`;
}

/**
 * The user behind an OIDC subject: created on first login, role, display name and enterprise
 * number kept in step with the IdP on every later login. A disabled account is refused.
 */
export async function upsertOidcUser(db: Db, identity: OidcIdentity): Promise<User> {
  let existing = await findBySubject(db, identity.subject);
  if (!existing) {
    try {
      const row = await db
        .insertInto('users')
        .values({
          username: await freeUsername(db, identity),
          display_name: identity.displayName,
          role: identity.role,
          enterprise_number: identity.enterpriseNumber,
          oidc_subject: identity.subject,
        })
        .returning([...USER_COLUMNS])
        .executeTakeFirstOrThrow();
      return toUser(row);
    } catch (error) {
      // Two first logins of one subject at once: the other one created the account.
      if ((error as { code?: string }).code !== '23505') throw error;
      existing = await findBySubject(db, identity.subject);
      if (!existing) throw error;
    }
  }
  if (existing.disabled_at !== null) throw new LoketError('LOKET_FORBIDDEN');
  const row = await db
    .updateTable('users')
    .set({
      display_name: identity.displayName,
      role: identity.role,
      enterprise_number: identity.enterpriseNumber,
    })
    .where('id', '=', existing.id)
    .returning([...USER_COLUMNS])
    .executeTakeFirstOrThrow();
  return toUser(row);
}
