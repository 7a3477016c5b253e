import path from 'node:path';
import { isValidIban } from '../dossiers/fees/epc-qr-payload.ts';
import type { MailSettings } from '../notifications/send-mail.ts';

/** Everything configurable, from the environment, with defaults for a developer's machine (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** The owner's URL: migrations and grants (README "Configuration"); null: the embedded database. */
  databaseUrl: string | null;
  /** The app role's URL for serving; null: Loket creates the app role itself (docs/operations.md). */
  appDatabaseUrl: string | null;
  /** Bounds on the database connections of the server (README "Configuration", docs/operations.md). */
  database: DatabaseLimits;
  dataDir: string;
  demo: 'auto' | 'on' | 'off';
  logLevel: string;
  sessionTtlMs: number;
  /** How long this instance reuses a session it looked up (src/auth/session-cache.ts); 0: never. */
  sessionCacheMs: number;
  cookieSecure: boolean | 'auto';
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** On SIGTERM, how long background work (register checks) may finish before its claim is released. */
  shutdownDrainMs: number;
  /**
   * How long work an instance claimed (a register check, a mail it sends) is left to it before
   * another instance may take it over: the delay after an instance dies without releasing it.
   */
  claimLeaseSeconds: number;
  loginRateLimit: { max: number; perAddressMax: number; timeWindowMs: number };
  auth:
    | { mode: 'local' }
    | {
        mode: 'oidc';
        issuer: string;
        clientId: string;
        clientSecret: string;
        redirectUri: string;
        roleClaim: string;
        enterpriseClaim: string;
      };
  webDist: string;
  caseHandling: CaseHandlingConfig;
  mail: MailSettings;
  /** The public desk's abuse reports (docs/desk.md). */
  desk: { proofOfWorkBits: number; reportsPerHour: number };
}

export interface DatabaseLimits {
  poolSize: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export interface CaseHandlingConfig {
  /** A supervisor co-signs every refusal before it is final. */
  refusalNeedsCoSign: boolean;
  /** The account the employer pays the fee into (shown with the structured reference and QR code). */
  feeAccount: { beneficiaryName: string; iban: string; bic: string };
  documents: { storage: 'database' | 'disk'; dir: string; maxBytes: number };
  /** Base URL of the authentic sources (registers and federal office); null starts the simulator in demo mode. */
  sourcesUrl: string | null;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  }
  return value;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${name} is required when LOKET_AUTH=oidc.`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const demoRaw = env.LOKET_DEMO ?? '';
  if (!['', '0', '1'].includes(demoRaw))
    throw new ConfigError(`LOKET_DEMO must be 1 or 0; got "${demoRaw}".`);
  const authMode = env.LOKET_AUTH ?? 'local';
  if (authMode !== 'local' && authMode !== 'oidc')
    throw new ConfigError(`LOKET_AUTH must be local or oidc; got "${authMode}".`);
  const secure = env.LOKET_COOKIE_SECURE ?? 'auto';
  if (!['auto', 'true', 'false'].includes(secure))
    throw new ConfigError(`LOKET_COOKIE_SECURE must be auto, true or false; got "${secure}".`);
  const claimLeaseSeconds = integer(env, 'LOKET_CLAIM_LEASE_SECONDS', 60, 2, 3_600);
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// connection string.');
  }
  const appDatabaseUrl = env.LOKET_APP_DATABASE_URL || null;
  if (appDatabaseUrl && !/^postgres(ql)?:\/\/[^/@]+@/.test(appDatabaseUrl)) {
    throw new ConfigError(
      'LOKET_APP_DATABASE_URL must be a postgres:// or postgresql:// connection string naming its role (postgres://ROLE:PASSWORD@host/db).',
    );
  }
  if (appDatabaseUrl && !databaseUrl) {
    throw new ConfigError(
      'LOKET_APP_DATABASE_URL needs DATABASE_URL too: the owner that migrates the database and grants the app role its rights.',
    );
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    appDatabaseUrl,
    database: {
      poolSize: integer(env, 'LOKET_DB_POOL_SIZE', 10, 1, 500),
      connectionTimeoutMs: integer(env, 'LOKET_DB_CONNECTION_TIMEOUT_MS', 5_000, 100, 600_000),
      statementTimeoutMs: integer(env, 'LOKET_DB_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
      idleInTransactionTimeoutMs: integer(
        env,
        'LOKET_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        60_000,
        0,
        3_600_000,
      ),
    },
    dataDir: path.resolve(cwd, env.LOKET_DATA_DIR ?? '.loket-data'),
    demo: demoRaw === '1' ? 'on' : demoRaw === '0' ? 'off' : 'auto',
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionTtlMs: integer(env, 'LOKET_SESSION_HOURS', 8, 1, 24 * 30) * 3_600_000,
    sessionCacheMs: integer(env, 'LOKET_SESSION_CACHE_SECONDS', 5, 0, 60) * 1_000,
    cookieSecure: secure === 'auto' ? 'auto' : secure === 'true',
    trustProxy: env.LOKET_TRUST_PROXY === '1',
    bodyLimitBytes: integer(env, 'LOKET_BODY_LIMIT_BYTES', 1_048_576, 1_024, 100 * 1_048_576),
    shutdownDrainMs: integer(env, 'LOKET_SHUTDOWN_DRAIN_SECONDS', 10, 0, 600) * 1_000,
    claimLeaseSeconds,
    loginRateLimit: {
      max: integer(env, 'LOKET_LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 10_000),
      perAddressMax: integer(env, 'LOKET_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE', 30, 1, 100_000),
      timeWindowMs: 60_000,
    },
    auth:
      authMode === 'oidc'
        ? {
            mode: 'oidc',
            issuer: required(env, 'LOKET_OIDC_ISSUER'),
            clientId: required(env, 'LOKET_OIDC_CLIENT_ID'),
            clientSecret: required(env, 'LOKET_OIDC_CLIENT_SECRET'),
            redirectUri: required(env, 'LOKET_OIDC_REDIRECT_URI'),
            roleClaim: env.LOKET_OIDC_ROLE_CLAIM ?? 'loket_role',
            enterpriseClaim: env.LOKET_OIDC_ENTERPRISE_CLAIM ?? 'kbo_enterprise_number',
          }
        : { mode: 'local' },
    webDist: path.resolve(cwd, env.LOKET_WEB_DIST ?? 'web/dist'),
    caseHandling: loadCaseHandlingConfig(env, cwd),
    mail: { ...loadMailSettings(env), leaseMs: claimLeaseSeconds * 1_000 },
    desk: {
      proofOfWorkBits: integer(env, 'LOKET_DESK_PROOF_OF_WORK_BITS', 16, 1, 28),
      reportsPerHour: integer(env, 'LOKET_DESK_REPORTS_PER_HOUR', 5, 1, 10_000),
    },
  };
}

function loadMailSettings(env: NodeJS.ProcessEnv): MailSettings {
  const smtpUrl = env.LOKET_SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl))
    throw new ConfigError('LOKET_SMTP_URL must be an smtp:// or smtps:// URL.');
  const port = env.PORT || '3000';
  const publicUrl = (env.LOKET_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(publicUrl))
    throw new ConfigError('LOKET_PUBLIC_URL must be an http:// or https:// URL.');
  const from = env.LOKET_MAIL_FROM || 'Loket <no-reply@loket.invalid>';
  return { smtpUrl, from, publicUrl };
}

function loadCaseHandlingConfig(env: NodeJS.ProcessEnv, cwd: string): CaseHandlingConfig {
  const storage = env.LOKET_DOCUMENT_STORAGE ?? 'database';
  if (storage !== 'database' && storage !== 'disk')
    throw new ConfigError(`LOKET_DOCUMENT_STORAGE must be database or disk; got "${storage}".`);
  const iban = (env.LOKET_FEE_IBAN ?? 'BE10091012345604').replace(/\s/g, '');
  if (!isValidIban(iban)) throw new ConfigError(`LOKET_FEE_IBAN is not a valid IBAN; got "${iban}".`);
  const sourcesUrl = env.LOKET_SOURCES_URL || null;
  if (sourcesUrl && !/^https?:\/\//.test(sourcesUrl))
    throw new ConfigError('LOKET_SOURCES_URL must be an http:// or https:// URL.');
  return {
    refusalNeedsCoSign: env.LOKET_REFUSAL_COSIGN === '1',
    feeAccount: {
      beneficiaryName: env.LOKET_FEE_BENEFICIARY ?? 'Vlaamse overheid - Economische Migratie',
      iban,
      bic: env.LOKET_FEE_BIC ?? 'GKCCBEBB',
    },
    documents: {
      storage,
      dir: path.resolve(cwd, env.LOKET_DOCUMENT_DIR ?? '.loket-data/documents'),
      maxBytes: integer(env, 'LOKET_DOCUMENT_MAX_MB', 10, 1, 100) * 1_048_576,
    },
    sourcesUrl,
  };
}
