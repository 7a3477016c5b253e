import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { assessmentRoutes } from '../assessments/assessments.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { oidcRoutes } from '../auth/oidc.routes.ts';
import { deskRoutes } from '../desk/desk.routes.ts';
import { triageRoutes } from '../desk/triage.routes.ts';
import { databaseStorage, diskStorage } from '../dossiers/documents/document-storage.ts';
import { documentRoutes } from '../dossiers/documents/documents.routes.ts';
import { dossierRoutes } from '../dossiers/dossiers.routes.ts';
import { handlingRoutes } from '../dossiers/handling/handling.routes.ts';
import { drainRegisterChecks } from '../dossiers/register-check/run-register-checks.ts';
import { revocationRoutes } from '../dossiers/revocation/revocation.routes.ts';
import { groundProposalRoutes } from '../dossiers/staff/ground-proposals.routes.ts';
import { screeningRoutes } from '../dossiers/staff/screening.routes.ts';
import { staffWorkRoutes } from '../dossiers/staff/staff-work.routes.ts';
import { workerAccessRoutes } from '../dossiers/worker-access/worker-access.routes.ts';
import { workerSelfServiceRoutes } from '../dossiers/worker-access/worker-self-service.routes.ts';
import { enforcementRoutes } from '../enforcement/enforcement.routes.ts';
import { evidenceRoutes } from '../enforcement/evidence.routes.ts';
import { inspectionStatisticsRoutes } from '../enforcement/inspection-stats.routes.ts';
import { occupationRoutes } from '../occupations/occupations.routes.ts';
import '../validation/compile-validator.ts'; // sets TypeBox to report every error
import { accountRoutes } from '../governance/accounts/accounts.routes.ts';
import { feeIndexationRoutes } from '../governance/rule-data/fee-indexation.routes.ts';
import { ruleDataRoutes } from '../governance/rule-data/rule-data.routes.ts';
import { simulationRoutes } from '../governance/simulation/simulation.routes.ts';
import { notificationRoutes } from '../notifications/notifications.routes.ts';
import type { SourceAdapters } from '../sources/index.ts';
import { evaluationRoutes } from '../stats/evaluation/evaluation.routes.ts';
import { statsRoutes } from '../stats/stats.routes.ts';
import { careRoutes } from '../talent/care/care.routes.ts';
import { partnerAdminRoutes } from '../talent/partners/partner-admin.routes.ts';
import { pilotAdminRoutes } from '../talent/pilots/pilot-admin.routes.ts';
import { pilotRoutes } from '../talent/pilots/pilots.routes.ts';
import { shortageHistoryRoutes } from '../talent/shortage/shortage-history.routes.ts';
import { talentRoutes } from '../talent/talent.routes.ts';
import { workspaceRoutes } from '../workspaces/workspaces.routes.ts';
import type { Config } from './config.ts';
import type { DatabaseState } from './database-state.ts';
import { LoketError } from './errors.ts';
import { loggerOptions } from './logger.ts';
import { accessControl, CSRF_COOKIE } from './plugins/access-control.ts';
import { answerFrameworkError, errorHandling } from './plugins/error-handling.ts';
import { metrics } from './plugins/metrics.ts';
import { openApi } from './plugins/openapi.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { webApp } from './plugins/web-app.ts';
import { healthRoutes } from './routes/health.routes.ts';

export interface BuildOptions {
  config: Config;
  database: DatabaseState;
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: DestinationStream;
  /** The clock (tests move it to check deadlines); the real time by default. */
  now?: () => Date;
  /** The registers, when configured (a submission warms their answers for the register check). */
  sources?: SourceAdapters | null;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The whole HTTP application, without listening: tests drive it with `app.inject()`. */
export async function buildApp({
  config,
  database,
  logStream,
  now,
  sources,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: undefined,
    logger: logStream
      ? { ...loggerOptions(config.logLevel), stream: logStream }
      : loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Our own id for every request, the one the audit trail keeps: a client's X-Request-Id could
    // be anything (and the same for many requests), so it is only logged beside ours.
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { allErrors: true, coerceTypes: false } },
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.addHook('onRequest', async (request, reply) => {
    const given = request.headers['x-request-id'];
    if (typeof given === 'string' && REQUEST_ID.test(given)) {
      request.log = request.log.child({ clientRequestId: given });
      // Fastify writes "request completed" through the reply's logger: the client's id goes there too.
      reply.log = request.log;
    }
  });
  // Register checks started by submissions run on after their answer; a shutdown (SIGTERM) lets
  // them finish for a while, then hands the rest to the other instances (docs/operations.md).
  app.addHook('onClose', async () => {
    const drained = await drainRegisterChecks(config.shutdownDrainMs);
    if (drained.finished + drained.released > 0)
      app.log.info({ registerChecks: drained }, 'register checks drained');
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(securityHeaders);

  await app.register(errorHandling, { fileLimitBytes: config.caseHandling.documents.maxBytes });
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new LoketError('LOKET_RATE_LIMITED', { seconds: Math.ceil(context.ttl / 1000) }),
  });
  await app.register(accessControl, {
    getDb: () => database.db,
    sessionTtlMs: config.sessionTtlMs,
    sessionCacheMs: config.sessionCacheMs,
  });
  await app.register(openApi);
  await app.register(metrics, { database, sources: sources ?? null });

  const authOptions = {
    database,
    sessionTtlMs: config.sessionTtlMs,
    cookieSecure: config.cookieSecure,
    authMode: config.auth.mode,
    loginRateLimit: config.loginRateLimit,
  };
  await app.register(healthRoutes, { database });
  await app.register(authRoutes, authOptions);
  if (config.auth.mode === 'oidc') await app.register(oidcRoutes, { ...authOptions, oidc: config.auth });
  await app.register(workspaceRoutes, { database });
  await app.register(assessmentRoutes);
  await app.register(occupationRoutes, { database });
  const dossierOptions = {
    database,
    caseHandling: config.caseHandling,
    now: now ?? (() => new Date()),
    sources: sources ?? null,
    claimLeaseSeconds: config.claimLeaseSeconds,
  };
  const { documents } = config.caseHandling;
  const storage = documents.storage === 'disk' ? diskStorage(documents.dir) : databaseStorage;
  await app.register(multipart, { limits: { fileSize: documents.maxBytes + 1, files: 1, fields: 5 } });
  await app.register(dossierRoutes, { ...dossierOptions, storage });
  await app.register(documentRoutes, { ...dossierOptions, storage });
  await app.register(handlingRoutes, dossierOptions);
  await app.register(staffWorkRoutes, dossierOptions);
  await app.register(screeningRoutes, dossierOptions);
  await app.register(groundProposalRoutes, dossierOptions);
  await app.register(revocationRoutes, dossierOptions);
  await app.register(workerAccessRoutes, { ...dossierOptions, cookieSecure: config.cookieSecure });
  await app.register(workerSelfServiceRoutes, dossierOptions);
  await app.register(statsRoutes, { database, now: dossierOptions.now });
  await app.register(evaluationRoutes, { database, now: dossierOptions.now });
  await app.register(notificationRoutes, { database, mail: config.mail });
  await app.register(accountRoutes, {
    database,
    authMode: config.auth.mode,
    publicUrl: config.mail.publicUrl,
    now: dossierOptions.now,
  });
  await app.register(ruleDataRoutes, { database, now: dossierOptions.now });
  await app.register(feeIndexationRoutes, { database, now: dossierOptions.now });
  await app.register(simulationRoutes, { database });
  await app.register(enforcementRoutes, { database, now: dossierOptions.now });
  await app.register(inspectionStatisticsRoutes, { database, now: dossierOptions.now });
  await app.register(talentRoutes, { database, now: dossierOptions.now, sources: sources ?? null });
  await app.register(pilotRoutes, { database, now: dossierOptions.now });
  await app.register(pilotAdminRoutes, { database, now: dossierOptions.now });
  await app.register(partnerAdminRoutes, { database });
  await app.register(careRoutes, { database, now: dossierOptions.now });
  await app.register(shortageHistoryRoutes, { now: dossierOptions.now });
  const deskOptions = {
    database,
    storage,
    now: dossierOptions.now,
    desk: config.desk,
    maxDocumentBytes: documents.maxBytes,
  };
  await app.register(deskRoutes, deskOptions);
  await app.register(evidenceRoutes, deskOptions);
  await app.register(triageRoutes, deskOptions);
  await app.register(webApp, { distDir: config.webDist });
  return app;
}
