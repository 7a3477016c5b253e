import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { withDemoMonitoring } from './demo-monitoring.ts';
import { createFederalOffice } from './federal-office.ts';
import { type MonitoringPopulation, withMonitoring } from './generate-monitoring.ts';
import { generatePopulation } from './generate-population.ts';
import type { Population } from './population.ts';
import { createSeededRandom } from './seeded-random.ts';
import { registerSimulatorRoutes } from './simulator-routes.ts';
import { createVacancyFeed, type VacancyFeed } from './vacancy-feed.ts';

/**
 * The register simulator as a real HTTP service: the adapters talk to it exactly as they would to
 * the registers (docs/sources.md). Each request waits a random latency and fails with 503 at the
 * configured rate, both drawn from the seed, so a run with the same seed and the same requests
 * behaves the same.
 */

export interface SimulatorOptions {
  seed?: number;
  /** Share of requests answered 503, 0–1. */
  failureRate?: number;
  latencyMs?: readonly [number, number];
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** How long the federal office takes to decide on residence. */
  federalDecisionDelayMs?: number;
  referenceDate?: string;
  /** Serve an already generated population (a restart in a test, the demo loader's copy). */
  population?: Population;
  /** Add this many granted authorisations to monitor, with planted cases (generate-monitoring.ts); 0 by default. */
  monitoringAuthorisations?: number;
  /** Add the demo's enforcement cases (demo-monitoring.ts): the registers behind the demo's granted dossiers. */
  demoMonitoring?: boolean;
}

export interface Simulator {
  url: string;
  port: number;
  population: Population;
  /** The authorisations to monitor and their ground truth, when asked for. */
  monitoring: MonitoringPopulation | null;
  /** VDAB's and EURES's published vacancies, changeable while the simulator runs (updates, withdrawals). */
  vacancyFeed: VacancyFeed;
  close(): Promise<void>;
}

export const SIMULATOR_DEFAULTS = {
  port: 4010,
  seed: 2026,
  failureRate: 0.02,
  latencyMs: [50, 400] as const,
  federalDecisionDelayMs: 5_000,
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function buildSimulatorApp(
  options: SimulatorOptions & { population: Population; vacancyFeed?: VacancyFeed },
): FastifyInstance {
  const seed = options.seed ?? options.population.seed;
  const failureRate = options.failureRate ?? SIMULATOR_DEFAULTS.failureRate;
  const [minLatency, maxLatency] = options.latencyMs ?? SIMULATOR_DEFAULTS.latencyMs;
  if (!(failureRate >= 0 && failureRate <= 1)) throw new RangeError('failureRate must be between 0 and 1');
  if (!(minLatency >= 0 && maxLatency >= minLatency))
    throw new RangeError('latencyMs must be [min, max] with 0 ≤ min ≤ max');

  const requestRandom = createSeededRandom(seed ^ 0x5eed_1a7e);
  const federal = createFederalOffice({
    decisionDelayMs: options.federalDecisionDelayMs ?? SIMULATOR_DEFAULTS.federalDecisionDelayMs,
    now: () => Date.now(),
  });
  const failing = new WeakSet<object>();
  const pendingSleeps = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  const app = Fastify({
    logger: false,
    // A register that goes down does not wait for its callers: connections in flight are cut.
    forceCloseConnections: true,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      // The register's reference of the answer, shown to staff as its provenance: no "sim-" mark
      // (that is the project's word, not the register's), the caller's id when it sent a usable one.
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => done(), ms), resolve: () => done() };
      const done = () => {
        clearTimeout(entry.timer);
        pendingSleeps.delete(entry);
        resolve();
      };
      pendingSleeps.add(entry);
    });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/health') return;
    const latency = requestRandom.int(minLatency, maxLatency);
    const fails = requestRandom.next() < failureRate;
    if (latency > 0) await sleep(latency);
    if (!fails) return;
    // Reads fail before anything happens; a notification fails after it was recorded (see the routes).
    if (request.method === 'GET') return reply.code(503).send({ error: 'SIMULATED_FAILURE' });
    failing.add(request);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onClose', async () => {
    for (const entry of pendingSleeps) entry.resolve();
  });

  app.get('/health', async () => ({ status: 'ok', seed, referenceDate: options.population.referenceDate }));
  registerSimulatorRoutes(app, {
    population: options.population,
    vacancyFeed: options.vacancyFeed ?? createVacancyFeed(options.population),
    federal,
    isFailing: (request) => failing.has(request),
  });
  return app;
}

/** Generates (or reuses) the population and listens; `url` has the real port when `port` is 0. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? SIMULATOR_DEFAULTS.seed;
  const generated =
    options.population ??
    generatePopulation({ seed, ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}) });
  const base = options.demoMonitoring ? withDemoMonitoring(generated).population : generated;
  const extended = options.monitoringAuthorisations
    ? withMonitoring(base, options.monitoringAuthorisations)
    : null;
  const population = extended?.population ?? base;
  const vacancyFeed = createVacancyFeed(population);
  const app = buildSimulatorApp({ ...options, seed, population, vacancyFeed });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? SIMULATOR_DEFAULTS.port, host });
  const address = app.server.address();
  const port =
    typeof address === 'object' && address ? address.port : (options.port ?? SIMULATOR_DEFAULTS.port);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    population,
    monitoring: extended?.monitoring ?? null,
    vacancyFeed,
    close: () => app.close(),
  };
}
