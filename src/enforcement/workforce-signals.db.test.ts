import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { loadDemoData } from '../demo/demo-data.ts';
import { loadDemoEnforcement } from '../demo/demo-enforcement.ts';
import {
  createSimulator,
  createSourceAdapters,
  type DimonaPeriod,
  generatePopulation,
  type Simulator,
  withDemoMonitoring,
} from '../sources/index.ts';
import { createPersonFactory } from '../sources/simulator/generate-people.ts';
import { indexPopulation } from '../sources/simulator/population.ts';
import { createSeededRandom } from '../sources/simulator/seeded-random.ts';
import { workRequestedRuns } from './monitoring-run.ts';

const TODAY = '2026-12-02';

/**
 * The monitoring run end to end (PostgreSQL, the simulator over HTTP, the batch questions): the
 * employer's staff from Dimona with the national register's nationalities, and the KBO address
 * against the one the register check stored at filing.
 */
describe('monitoring run: non-EU staff and a moved employer', () => {
  let database: TestDatabase;
  let simulator: Simulator;
  const demo = withDemoMonitoring(generatePopulation({ seed: 2026, referenceDate: TODAY }));
  const caseOf = (name: string) => {
    const found = demo.cases.find((c) => c.enterpriseName === name);
    if (!found) throw new Error(name);
    return found;
  };
  // Tuinbouw Maes employs its two permit workers; give it two more non-EU staff (no permit needed,
  // e.g. refugees): four of four outside the EU. Schoonmaak Janssens keeps its single worker.
  const maes = caseOf('Tuinbouw Maes bv');
  const janssens = caseOf('Schoonmaak Janssens bv');

  beforeAll(async () => {
    const makePerson = createPersonFactory(
      createSeededRandom(5),
      demo.population.people.map((p) => p.insz),
    );
    const extra = ['SY', 'AF'].map((nationality) => makePerson({ nationality, registeredInBelgium: true }));
    const periods: DimonaPeriod[] = extra.map((person, i) => ({
      dimonaId: `900000${i}`,
      enterpriseNumber: maes.enterpriseNumber,
      insz: person.insz,
      jointCommittee: '145',
      workerType: 'OTH',
      startDate: '2024-03-01',
      endDate: null,
      declarations: [{ type: 'IN', declaredOn: '2024-03-01' }],
    }));
    const population = indexPopulation({
      ...demo.population,
      people: [...demo.population.people, ...extra],
      employments: [...demo.population.employments, ...periods],
    });
    database = await createTestDatabase();
    await loadDemoData(database.db);
    simulator = await createSimulator({ port: 0, failureRate: 0, latencyMs: [0, 0], population });
  });
  afterAll(async () => {
    await simulator?.close();
    await database?.dispose();
  });

  it('stores both signals with what was compared, and adds them to the score as parts', async () => {
    const loaded = await loadDemoEnforcement(database.db, TODAY);
    const db = database.db;
    // What the register check stored at filing for Janssens' dossier: the KBO record with its old seat.
    const dossier = await db
      .selectFrom('dossiers')
      .select('id')
      .where('enterprise_number', '=', janssens.enterpriseNumber)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('register_facts')
      .values({
        dossier_id: dossier.id,
        source: 'kbo',
        subject: `enterprise:${janssens.enterpriseNumber}`,
        is_found: true,
        value: JSON.stringify({
          name: janssens.enterpriseName,
          registeredAddress: { street: 'Kouter', houseNumber: '3', postalCode: '9000', municipality: 'Gent' },
        }),
        fetched_at: new Date('2025-10-20T08:30:00Z'),
        request_id: 'filing-kbo-1',
      })
      .execute();

    const sources = createSourceAdapters({ baseUrl: simulator.url, log: pino({ level: 'silent' }) });
    const result = await workRequestedRuns(db, sources);
    expect(result).toMatchObject({ runs: 1, unread: {} });

    const signals = await db
      .selectFrom('risk_signals')
      .select(['enterprise_number', 'kind', 'points', 'facts', 'rule', 'dossier_id'])
      .where('run_id', '=', loaded.runId as string)
      .where('kind', 'in', ['NON_EU_STAFF', 'EMPLOYER_MOVED'])
      .execute();
    expect(signals.map((s) => [s.enterprise_number, s.kind]).sort()).toEqual(
      [
        [maes.enterpriseNumber, 'NON_EU_STAFF'],
        [janssens.enterpriseNumber, 'EMPLOYER_MOVED'],
      ].sort(),
    );
    const nonEu = signals.find((s) => s.kind === 'NON_EU_STAFF');
    const facts = nonEu?.facts as Array<{ name: string; value: unknown; source: string; at: string }>;
    expect(facts.map((f) => [f.name, f.value, f.source])).toEqual([
      ['staffHeadcount', 4, 'dimona'],
      ['nonEuHeadcount', 4, 'national-register'],
      ['nonEuShare', 1, 'national-register'],
      ['minimumHeadcount', 3, 'LOKET'],
    ]);
    expect(facts[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(nonEu?.rule).toMatchObject({ parameter: 'policy.almostOnlyNonEu.minimumShare', value: 0.9 });
    expect(nonEu?.dossier_id).toBeNull();

    const moved = signals.find((s) => s.kind === 'EMPLOYER_MOVED');
    const movedFacts = moved?.facts as Array<{
      name: string;
      value: unknown;
      at: string;
      requestId?: string;
    }>;
    expect(movedFacts[0]).toMatchObject({
      name: 'addressAtFiling',
      value: 'Kouter 3, 9000 Gent',
      at: '2025-10-20T08:30:00.000Z',
      requestId: 'filing-kbo-1',
    });
    expect(movedFacts[1]).toMatchObject({ name: 'addressNow', value: 'Industrieweg 10, 9000 Gent' });

    const scores = await db
      .selectFrom('employer_risk_scores')
      .select(['enterprise_number', 'score', 'parts'])
      .where('run_id', '=', loaded.runId as string)
      .where('enterprise_number', 'in', [maes.enterpriseNumber, janssens.enterpriseNumber])
      .execute();
    for (const row of scores) {
      const parts = row.parts as Array<{ kind: string; points: number; counted: boolean }>;
      const expectedKind =
        row.enterprise_number === maes.enterpriseNumber ? 'NON_EU_STAFF' : 'EMPLOYER_MOVED';
      expect(parts).toContainEqual(expect.objectContaining({ kind: expectedKind, counted: true }));
      expect(row.score).toBeCloseTo(
        parts.filter((p) => p.counted).reduce((sum, p) => sum + p.points, 0),
        2,
      );
    }
    // The other demo employers have one or two staff: under the headcount, no signal.
    expect(signals.filter((s) => s.kind === 'NON_EU_STAFF')).toHaveLength(1);
  }, 120_000);
});
