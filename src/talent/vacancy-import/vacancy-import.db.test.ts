import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import {
  createSimulator,
  createSourceAdapters,
  generatePopulation,
  type Simulator,
} from '../../sources/index.ts';
import { importPublishedVacancies } from './import-vacancies.ts';
import type { ChannelSummary } from './vacancy-import.repo.ts';

/**
 * The VDAB/EURES import on a real database against the simulated registers over HTTP: idempotent on
 * the source's id, updates and withdrawals at the source reflected, a register that is down
 * recorded as the run's outcome with nothing changed, and the staff's route.
 */
const TODAY = '2026-11-23';
const population = generatePopulation({ seed: 2026, referenceDate: TODAY });
let database: TestDatabase;
let simulator: Simulator;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
let caseHandler: Session;
let employer: Session;

const adapters = (url: string, settings = {}) =>
  createSourceAdapters({ baseUrl: url, sleep: async () => {}, settings: { vacancies: settings } });
const channel = (channels: ChannelSummary[], name: 'VDAB' | 'EURES') =>
  channels.find((c) => c.channel === name) as ChannelSummary;
const imported = () =>
  database.db
    .selectFrom('talent_vacancies')
    .select([
      'id',
      'source',
      'source_reference',
      'source_version',
      'status',
      'positions',
      'on_vdab_shortage_list',
      'created_by',
    ])
    .where('source', '!=', 'LOKET')
    .orderBy('source')
    .orderBy('source_reference')
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoData(database.db);
  simulator = await createSimulator({ population, port: 0, failureRate: 0, latencyMs: [0, 0] });
  ({ app } = await createTestApp(
    database,
    {},
    { now: () => new Date(`${TODAY}T10:00:00Z`), sources: adapters(simulator.url) },
  ));
  caseHandler = await signIn(app, 'behandelaar', DEMO_PASSWORD);
  employer = await signIn(app, 'werkgever', DEMO_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await simulator?.close();
  await database?.dispose();
});

describe('importing the vacancies VDAB and EURES publish', () => {
  const register = () => adapters(simulator.url).vacancies;
  let firstCount = 0;

  it('imports each published shortage vacancy once, with its source', async () => {
    const run = await importPublishedVacancies(database.db, register(), { today: TODAY, requestedBy: null });
    expect(run.outcome).toBe('SUCCEEDED');
    const vdab = channel(run.channels, 'VDAB');
    const eures = channel(run.channels, 'EURES');
    const listed = simulator.vacancyFeed.list('VDAB', { page: 1, pageSize: 100, shortageOnly: true });
    expect(vdab).toMatchObject({
      outcome: 'SUCCEEDED',
      read: listed.totalItems,
      created: listed.totalItems,
      pages: 1,
    });
    // EURES copies of VDAB vacancies are not imported twice; functions off VDAB's list are left out.
    expect(eures.created).toBeGreaterThan(0);
    expect(eures.skipped.CARRIED_BY_VDAB).toBeGreaterThan(0);
    expect(eures.skipped.NOT_SHORTAGE).toBeGreaterThan(0);
    const rows = await imported();
    firstCount = rows.length;
    expect(rows).toHaveLength(vdab.created + eures.created);
    expect(new Set(rows.map((row) => `${row.source} ${row.source_reference}`)).size).toBe(rows.length);
    expect(rows.every((row) => row.status === 'OPEN' && row.created_by === null)).toBe(true);
    expect(
      rows.filter((row) => row.source === 'VDAB').every((row) => row.on_vdab_shortage_list === true),
    ).toBe(true);
  });

  it('is idempotent: the same listing again changes nothing', async () => {
    const run = await importPublishedVacancies(database.db, register(), { today: TODAY, requestedBy: null });
    const vdab = channel(run.channels, 'VDAB');
    const eures = channel(run.channels, 'EURES');
    expect(
      vdab.created + vdab.updated + vdab.withdrawn + eures.created + eures.updated + eures.withdrawn,
    ).toBe(0);
    expect(vdab.unchanged + eures.unchanged).toBe(firstCount);
    expect(await imported()).toHaveLength(firstCount);
  });

  it('reflects an update and a withdrawal at the source, and a vacancy no longer listed', async () => {
    const [first, second] = simulator.vacancyFeed.list('VDAB', {
      page: 1,
      pageSize: 100,
      shortageOnly: true,
    }).items;
    if (!first || !second) throw new Error('VDAB publishes vacancies');
    simulator.vacancyFeed.update('VDAB', first.id, { positions: 7 });
    simulator.vacancyFeed.withdraw('VDAB', second.id);
    // A EURES-only vacancy whose function VDAB no longer lists as shortage drops out of the listing's scope.
    const run = await importPublishedVacancies(database.db, register(), { today: TODAY, requestedBy: null });
    expect(channel(run.channels, 'VDAB')).toMatchObject({ created: 0, updated: 1, withdrawn: 1 });
    const rows = await imported();
    expect(rows).toHaveLength(firstCount);
    expect(rows.find((row) => row.source_reference === first.id)).toMatchObject({
      positions: 7,
      source_version: 2,
      status: 'OPEN',
    });
    expect(rows.find((row) => row.source_reference === second.id)).toMatchObject({ status: 'WITHDRAWN' });
    // Published again later: open again.
    simulator.vacancyFeed.update('VDAB', second.id, { status: 'PUBLISHED' });
    const again = await importPublishedVacancies(database.db, register(), {
      today: TODAY,
      requestedBy: null,
    });
    expect(channel(again.channels, 'VDAB')).toMatchObject({ updated: 1, withdrawn: 0 });
  });

  it('records a register that is down as a failed run, changes nothing, and recovers on the next run', async () => {
    const down = await createSimulator({ population, port: 0, failureRate: 1, latencyMs: [0, 0] });
    const before = await imported();
    try {
      const sources = adapters(down.url, { retries: 1, failureThreshold: 1 });
      const run = await importPublishedVacancies(database.db, sources.vacancies, {
        today: TODAY,
        requestedBy: null,
      });
      expect(run.outcome).toBe('FAILED');
      expect(channel(run.channels, 'VDAB')).toMatchObject({
        outcome: 'FAILED',
        failure: 'UNAVAILABLE HTTP_5XX',
        created: 0,
      });
      // The breaker opened after VDAB's failed call (threshold 1 here): EURES was not even asked.
      expect(channel(run.channels, 'EURES').failure).toBe('UNAVAILABLE CIRCUIT_OPEN');
      expect(await imported()).toEqual(before);
    } finally {
      await down.close();
    }
    const recovered = await importPublishedVacancies(database.db, register(), {
      today: TODAY,
      requestedBy: null,
    });
    expect(recovered.outcome).toBe('SUCCEEDED');
  });
});

describe('the staff route and the imported vacancy as staff and employers see it', () => {
  it('lets a case handler import now and read the runs; an employer may not', async () => {
    const response = await caseHandler.request('POST', '/api/v1/talent/vacancy-imports');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ ran: true, import: { outcome: 'SUCCEEDED' } });
    const runs = await caseHandler.request('GET', '/api/v1/talent/vacancy-imports?limit=2');
    expect(runs.json().imports).toHaveLength(2);
    expect((await employer.request('POST', '/api/v1/talent/vacancy-imports')).statusCode).toBe(403);
    const audit = await database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'TALENT_VACANCIES_IMPORTED')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(5);
  });

  it('shows an imported vacancy with its source, its shortage status and permit route', async () => {
    const row = (await imported()).find((r) => r.source === 'VDAB' && r.status === 'OPEN');
    if (!row) throw new Error('an open VDAB vacancy');
    const response = await caseHandler.request('GET', `/api/v1/talent/vacancies/${row.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.vacancy).toMatchObject({
      source: 'VDAB',
      sourceReference: row.source_reference,
      onVdabShortageList: true,
    });
    expect(Array.isArray(body.shortage.migrationList)).toBe(true);
    expect(body.shortage).toHaveProperty('route');
    expect(body.shortage.onVdabShortageList).toBe(true);
  });
});
