import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SourceAdapters } from '../../sources/index.ts';
import type { DatabaseState } from '../database-state.ts';

const BREAKER_VALUE = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

/**
 * Prometheus metrics at /metrics. Labels use the route pattern, never the raw URL (no personal data,
 * bounded cardinality). Besides HTTP: each register's breaker, calls and latency (from its caller's
 * events), the work waiting in the database (register checks, outboxes, failed jobs) read when
 * scraped, and the connection pool's saturation. Example alert rules: docs/operations.md.
 */
export const metrics = fp(
  async (app: FastifyInstance, options: { database?: DatabaseState; sources?: SourceAdapters | null }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'loket_' });
    const duration = new Histogram({
      name: 'loket_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.addHook('onResponse', async (request, reply) => {
      duration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });

    const { sources, database } = options;
    if (sources) registerSourceMetrics(app, registry, sources);
    if (database) registerDatabaseMetrics(registry, database);

    app.get('/metrics', { config: { access: 'PUBLIC' }, schema: { hide: true } }, async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    });
  },
);

function registerSourceMetrics(app: FastifyInstance, registry: Registry, sources: SourceAdapters): void {
  new Gauge({
    name: 'loket_register_breaker_state',
    help: 'Circuit breaker of each register: 0 closed, 1 half-open (trying), 2 open (not asked)',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      for (const [source, caller] of Object.entries(sources.callers)) {
        this.set({ source }, BREAKER_VALUE[caller.breaker.state]);
      }
    },
  });
  const calls = new Counter({
    name: 'loket_register_calls_total',
    help: 'Calls that reached a register (cache hits not counted), by outcome: ANSWERED or why it was unavailable',
    labelNames: ['source', 'outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'loket_register_call_duration_seconds',
    help: 'Duration of register calls, retries included',
    labelNames: ['source', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const unsubscribe = sources.subscribe((event) => {
    if (event.type !== 'CALLED') return;
    calls.inc({ source: event.source, outcome: event.outcome });
    if (event.outcome !== 'CIRCUIT_OPEN') {
      latency.observe({ source: event.source, outcome: event.outcome }, event.durationMs / 1000);
    }
  });
  app.addHook('onClose', async () => {
    unsubscribe();
  });
}

function registerDatabaseMetrics(registry: Registry, database: DatabaseState): void {
  const pool = new Gauge({
    name: 'loket_db_pool_connections',
    help: 'Database connection pool: open (total), idle, and requests waiting for a connection',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = database.poolStats();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  void pool;
  // Work waiting in the database, counted when scraped (cheap: each count uses a partial index or a small table).
  new Gauge({
    name: 'loket_background_backlog',
    help: 'Work waiting: register checks WAITING, federal and mail outbox PENDING, mails FAILED, job runs FAILED in the last 24 h',
    labelNames: ['what'],
    registers: [registry],
    async collect() {
      let db: DatabaseState['db'];
      try {
        db = database.db;
      } catch {
        return; // not connected: readiness says so; nothing to count
      }
      // A saturated pool would hold the scrape for the connection timeout just when the metrics
      // matter most: the counts keep their last values until a connection is free again.
      if ((database.poolStats()?.waiting ?? 0) > 0) return;
      const row = await sql<{
        register_checks_waiting: string;
        federal_outbox_pending: string;
        mail_outbox_pending: string;
        mail_outbox_failed: string;
        job_runs_failed_24h: string;
      }>`
        SELECT
          (SELECT count(*) FROM register_checks WHERE status = 'WAITING') AS register_checks_waiting,
          (SELECT count(*) FROM federal_outbox WHERE status = 'PENDING') AS federal_outbox_pending,
          (SELECT count(*) FROM mail_outbox WHERE status = 'PENDING') AS mail_outbox_pending,
          (SELECT count(*) FROM mail_outbox WHERE status = 'FAILED') AS mail_outbox_failed,
          (SELECT count(*) FROM job_runs WHERE outcome = 'FAILED' AND started_at > now() - interval '24 hours') AS job_runs_failed_24h
      `
        .execute(db)
        .then((result) => result.rows[0])
        .catch(() => undefined);
      if (!row) return;
      for (const [what, count] of Object.entries(row)) this.set({ what }, Number(count));
    },
  });
}
