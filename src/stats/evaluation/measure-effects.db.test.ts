import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { openSession } from '../../auth/sessions.repo.ts';
import { createUser } from '../../auth/users.repo.ts';
import { toDayNumber } from '../../rules/dates/iso-date.ts';
import { DatabaseState } from '../../server/database-state.ts';
import { accessControl, SESSION_COOKIE } from '../../server/plugins/access-control.ts';
import { errorHandling } from '../../server/plugins/error-handling.ts';
import { brusselsDate } from '../../server/today.ts';
import '../../validation/compile-validator.ts';
import { generateDossiers } from '../generate/generate-dossiers.ts';
import { writeDossiers } from '../generate/write-dossiers.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import type { MeasureEffect, MeasureEffectsReport } from './measure-effects.ts';

/**
 * The evaluation of measures (policy note 002 §2.10) against a recount in loops over the raw
 * dossier rows — not over `dossier_statistics` — and its route: analysts only, audited, 400 naming
 * the parameter.
 */
const HISTORY_UNTIL = '2026-11-30';
const TODAY = '2026-12-02';

interface Raw {
  category: string;
  status: string;
  decision: { outcome?: string } | null;
  submitted_at: Date;
  admissible_on: string | null;
  decided_on: string | null;
  due_date: string | null;
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  const value = sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
  return Math.round(value * 10) / 10;
}

function recountWindow(rows: readonly Raw[], categories: readonly string[], from: string, to: string) {
  let filed = 0;
  let granted = 0;
  let refused = 0;
  let withinDeadline = 0;
  let withDueDate = 0;
  const leads: number[] = [];
  for (const row of rows) {
    const on = brusselsDate(row.submitted_at);
    if (!categories.includes(row.category) || on < from || on > to) continue;
    filed++;
    const outcome = row.decided_on ? row.decision?.outcome : undefined;
    if (outcome !== 'GRANTED' && outcome !== 'REFUSED') continue;
    if (outcome === 'GRANTED') granted++;
    else refused++;
    if (row.admissible_on) leads.push(toDayNumber(row.decided_on as string) - toDayNumber(row.admissible_on));
    if (row.due_date) {
      withDueDate++;
      if ((row.decided_on as string) <= row.due_date) withinDeadline++;
    }
  }
  const decided = granted + refused;
  const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 10_000) / 10_000 : null);
  return {
    filed,
    decided,
    granted,
    refused,
    grantShare: share(granted, decided),
    refusalShare: share(refused, decided),
    leadMedianDays: percentile(leads, 0.5),
    leadP90Days: percentile(leads, 0.9),
    withinDeadlineShare: share(withinDeadline, withDueDate),
  };
}

describe('the evaluation of measures before and after their date', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let analystCookie: string;
  let employerCookie: string;
  let raw: Raw[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeDossiers(database.pool, generateDossiers({ count: 2500, seed: 15, until: HISTORY_UNTIL }), {
      batchSize: 2500,
    });
    raw = (await database.db
      .selectFrom('dossiers')
      .select(['category', 'status', 'decision', 'submitted_at', 'admissible_on', 'decided_on', 'due_date'])
      .where('submitted_at', 'is not', null)
      .execute()) as unknown as Raw[];
    app = Fastify();
    app.setValidatorCompiler(TypeBoxValidatorCompiler);
    await app.register(errorHandling);
    await app.register(cookie);
    await app.register(csrf);
    await app.register(accessControl, { getDb: () => database.db, sessionTtlMs: 3_600_000 });
    await app.register(evaluationRoutes, {
      database: new DatabaseState(database.db),
      now: () => new Date(`${TODAY}T10:00:00Z`),
    });
    await app.ready();
    const analyst = await createUser(database.db, {
      username: 'analist',
      displayName: 'Analist',
      role: 'ANALYST',
      oidcSubject: 'analist',
    });
    const employer = await createUser(database.db, {
      username: 'werkgever',
      displayName: 'Werkgever',
      role: 'EMPLOYER',
      enterpriseNumber: '0403170701',
      oidcSubject: 'werkgever',
    });
    analystCookie = await openSession(database.db, analyst.id, 3_600_000);
    employerCookie = await openSession(database.db, employer.id, 3_600_000);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const get = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, ...(token ? { cookies: { [SESSION_COOKIE]: token } } : {}) });

  it('lets analysts in only and rejects bad parameters naming them', async () => {
    expect((await get('/api/v1/stats/evaluation/measures')).statusCode).toBe(401);
    expect((await get('/api/v1/stats/evaluation/measures', employerCookie)).statusCode).toBe(403);
    for (const [query, path] of [
      ['months=25', 'query.months'],
      ['months=0', 'query.months'],
      ['from=2013', 'query.from'],
      ['from=2026&to=2024', 'query.from'],
      ['categories=HIGHLY_SKILLED', 'query.categories'],
    ] as const) {
      const response = await get(`/api/v1/stats/evaluation/measures?${query}`, analystCookie);
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json().error), query).toContain(path.replace('query.', ''));
    }
  });

  it('lists the measures of the rule data and equals the recount from the raw dossiers', async () => {
    const response = await get('/api/v1/stats/evaluation/measures?months=6', analystCookie);
    expect(response.statusCode).toBe(200);
    const report = response.json() as MeasureEffectsReport;
    expect(report.years).toEqual([2024, 2026]);
    const byParameter = (name: string) =>
      report.measures.find((m) => m.changes.some((c) => c.parameter === name)) as MeasureEffect;
    expect(byParameter('procedure.fastLane.highlySkilled')).toMatchObject({
      on: '2025-05-01',
      categories: ['HIGHLY_SKILLED'],
    });
    expect(byParameter('labourMarketTest.shortageListRequired')).toMatchObject({
      on: '2024-05-01',
      categories: ['OTHER_LABOUR_MARKET_TEST'],
    });
    expect(byParameter('procedure.regionalDeadlineDays.default').on).toBe('2026-01-01');
    expect(byParameter('refusal.employerActsAsHub').categories).toContain('SEASONAL_WORKER');
    expect(byParameter('function.lowSkilledExcludedMaximumVks').categories).not.toContain('SEASONAL_WORKER');
    // Indexations are not measures.
    expect(report.measures.flatMap((m) => m.changes.map((c) => c.parameter))).not.toContain(
      'salary.averageGrossAnnual',
    );
    let filedSeen = 0;
    for (const measure of report.measures) {
      for (const side of ['before', 'after'] as const) {
        const window = measure[side];
        const expected = recountWindow(raw, measure.categories, window.from, window.to);
        expect(window, `${measure.id} ${side}`).toMatchObject(expected);
        filedSeen += window.filed;
      }
      expect(measure.difference.filed).toBe(measure.after.filed - measure.before.filed);
    }
    expect(filedSeen).toBeGreaterThan(100);
    const fastLane = byParameter('procedure.fastLane.highlySkilled');
    expect(fastLane.before).toMatchObject({ from: '2024-11-01', to: '2025-04-30' });
    expect(fastLane.after).toMatchObject({ from: '2025-05-01', to: '2025-10-31' });
  });

  it('records each read as a statistics read of the analyst', async () => {
    const reads = () =>
      database.db
        .selectFrom('audit_events')
        .select(['subject_id', 'details'])
        .where('action', '=', 'STATS_READ')
        .execute();
    const before = (await reads()).length;
    expect(
      (await get('/api/v1/stats/evaluation/measures?from=2025&to=2025&months=3', analystCookie)).statusCode,
    ).toBe(200);
    const events = await reads();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      subject_id: 'measure-effects',
      details: { what: 'report', filters: { from: 2025, to: 2025 } },
    });
  });

  it("shows the latest monitoring run's market conformity, audited, and nothing before a run", async () => {
    const empty = await get('/api/v1/stats/evaluation/wage-conformity', analystCookie);
    expect(empty.json()).toMatchObject({ readOn: null, rows: [] });
    expect((await get('/api/v1/stats/evaluation/wage-conformity', employerCookie)).statusCode).toBe(403);
    expect((await get('/api/v1/stats/evaluation/wage-conformity?x=1', analystCookie)).statusCode).toBe(400);
    const db = database.db;
    for (const [readOn, median] of [
      ['2026-10-01', 1.05],
      ['2026-11-01', 1.12],
    ] as const) {
      const run = await db
        .insertInto('risk_monitoring_runs')
        .values({ trigger: 'SCHEDULE', requested_by: null, read_on: readOn })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('risk_monitoring_runs')
        .set({ status: 'SUCCEEDED', finished_at: new Date(`${readOn}T05:00:00Z`), summary: {} })
        .where('id', '=', run.id)
        .execute();
      await db
        .insertInto('wage_conformity')
        .values([
          {
            run_id: run.id,
            category: 'HIGHLY_SKILLED',
            grant_year: 2025,
            authorisations: 40,
            quantiles: [0.95, 1.0, median, 1.3, 1.6],
            below_share: 0.15,
          },
          {
            run_id: run.id,
            category: 'EU_BLUE_CARD',
            grant_year: 2025,
            authorisations: 3,
            quantiles: null,
            below_share: null,
          },
        ])
        .execute();
    }
    // A group under 5 with quantiles is refused by the table itself.
    await expect(
      db
        .insertInto('wage_conformity')
        .values({
          run_id: (await db.selectFrom('risk_monitoring_runs').select('id').executeTakeFirstOrThrow()).id,
          category: 'EXECUTIVE',
          grant_year: 2025,
          authorisations: 2,
          quantiles: [1, 1, 1, 1, 1],
          below_share: 0,
        })
        .execute(),
    ).rejects.toThrow();
    const response = await get('/api/v1/stats/evaluation/wage-conformity', analystCookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      readOn: '2026-11-01',
      quantiles: [0.1, 0.25, 0.5, 0.75, 0.9],
      rows: [
        { category: 'EU_BLUE_CARD', year: 2025, authorisations: 3, values: null, belowShare: null },
        {
          category: 'HIGHLY_SKILLED',
          year: 2025,
          authorisations: 40,
          values: [0.95, 1, 1.12, 1.3, 1.6],
          belowShare: 0.15,
        },
      ],
    });
    const last = await db
      .selectFrom('audit_events')
      .select(['subject_id'])
      .where('action', '=', 'STATS_READ')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.subject_id).toBe('wage-conformity');
  });
});
