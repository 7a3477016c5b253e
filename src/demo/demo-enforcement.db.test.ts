import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listActions } from '../dossiers/dossiers.repo.ts';
import { deriveStatus } from '../dossiers/lifecycle/dossier-lifecycle.ts';
import { workRequestedRuns } from '../enforcement/monitoring-run.ts';
import {
  createSimulator,
  createSourceAdapters,
  generatePopulation,
  type Simulator,
  withDemoMonitoring,
} from '../sources/index.ts';
import { loadDemoData } from './demo-data.ts';
import { loadDemoEnforcement } from './demo-enforcement.ts';

const TODAY = '2026-12-02';

describe('the demo enforcement cases', () => {
  let database: TestDatabase;
  let simulator: Simulator;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    simulator = await createSimulator({
      port: 0,
      failureRate: 0,
      latencyMs: [0, 0],
      referenceDate: TODAY,
      demoMonitoring: true,
    });
  });
  afterAll(async () => {
    await simulator?.close();
    await database?.dispose();
  });

  it('grant dossiers whose registers the monitoring run turns into a ranked work list: planted cases first, look-alikes low or absent', async () => {
    const loaded = await loadDemoEnforcement(database.db, TODAY);
    expect(loaded.dossiers).toBe(6);
    expect(loaded.runId).not.toBeNull();
    const granted = await database.db
      .selectFrom('dossiers')
      .select(['id', 'status'])
      .where('status', '=', 'DECIDED_GRANTED')
      .execute();
    expect(granted).toHaveLength(loaded.dossiers);
    for (const row of granted) expect(deriveStatus(await listActions(database.db, row.id))).toBe(row.status);

    const sources = createSourceAdapters({ baseUrl: simulator.url, log: pino({ level: 'silent' }) });
    const result = await workRequestedRuns(database.db, sources);
    expect(result).toMatchObject({ runs: 1, unread: expect.anything() });

    const { cases } = withDemoMonitoring(generatePopulation({ seed: 2026, referenceDate: TODAY }));
    const employerOf = (truth: string) =>
      cases.find((c) => c.truth === truth || c.employerTruth === truth)?.enterpriseNumber;
    const scores = await database.db
      .selectFrom('employer_risk_scores')
      .select(['enterprise_number', 'score'])
      .where('run_id', '=', loaded.runId as string)
      .orderBy('score', 'desc')
      .execute();
    const signals = await database.db
      .selectFrom('risk_signals')
      .select(['enterprise_number', 'kind'])
      .where('run_id', '=', loaded.runId as string)
      .execute();
    const kindsOf = (enterprise: string | undefined) =>
      signals.filter((s) => s.enterprise_number === enterprise).map((s) => s.kind);
    expect(kindsOf(employerOf('UNDERPAID'))).toEqual(['WAGE_BELOW_PROMISE']);
    expect(kindsOf(employerOf('UNDECLARED'))).toEqual(['NOT_DECLARED']);
    expect(kindsOf(employerOf('SANCTIONED_FRONT_MAN')).sort()).toEqual([
      'DIRECTORS_CHANGED',
      'SANCTION_ACTIVE',
    ]);
    // The honest look-alikes: a late Dimona weighs little, part-time work and an undeclared last
    // quarter give nothing, an expired sanction gives nothing.
    expect(kindsOf(employerOf('PART_TIME'))).toEqual(['LATE_DIMONA']);
    expect(kindsOf(employerOf('EXPIRED_SANCTION'))).toEqual([]);
    const planted = new Set([
      employerOf('UNDERPAID'),
      employerOf('UNDECLARED'),
      employerOf('SANCTIONED_FRONT_MAN'),
    ]);
    expect(new Set(scores.slice(0, 3).map((s) => s.enterprise_number))).toEqual(planted);
  }, 120_000);
});
