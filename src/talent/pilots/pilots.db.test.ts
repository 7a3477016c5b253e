import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { createUser } from '../../auth/users.repo.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { loadDemoDossiers } from '../../demo/demo-dossiers.ts';
import { DEMO_PARTNERS } from '../demo-talent.ts';
import { addPartnerMember, ensurePartner } from '../talent.repo.ts';
import { DEMO_PILOT_PARTICIPANTS } from './demo-pilots.ts';

interface PilotSummary {
  id: string;
  code: string;
  participants: number;
  passed: number;
  placed: number;
  bottleneck: { stage: string; lost: number } | null;
  sourcedFigures: string[];
  runByYou: boolean;
}

/**
 * Recruitment pilots through the HTTP API: the demo's projects with the seed's figures (PALIM: 120
 * trained, 116 passed, none placed, all lost after passing), the report's funnel and breakdowns,
 * who may read participants and record their progress, and a participant moved from "passed" to a
 * filed permit linked by its dossier number.
 */
describe('recruitment pilots', () => {
  const clock = new Date('2026-12-01T09:00:00Z');
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let partner: Session;
  let otherPartner: Session;
  let analyst: Session;
  let employer: Session;
  let pilots: PilotSummary[];
  const pilot = (code: string) => pilots.find((p) => p.code === code) as PilotSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    await loadDemoDossiers(database.db, '2026-12-01');
    const user = await createUser(database.db, {
      username: 'partner2',
      displayName: 'Tweede partner',
      role: 'PARTNER',
      password: DEMO_PASSWORD,
      preferredLang: 'nl',
    });
    await addPartnerMember(database.db, user.id, (await ensurePartner(database.db, DEMO_PARTNERS.other)).id);
    ({ app } = await createTestApp(database, {}, { now: () => clock }));
    partner = await signIn(app, 'partner', DEMO_PASSWORD);
    otherPartner = await signIn(app, 'partner2', DEMO_PASSWORD);
    analyst = await signIn(app, 'analist', DEMO_PASSWORD);
    employer = await signIn(app, 'werkgever', DEMO_PASSWORD);
    const listed = await analyst.request('GET', '/api/v1/talent/pilots');
    expect(listed.statusCode, listed.body).toBe(200);
    pilots = listed.json().pilots;
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("lists the seed's projects with its figures marked as sourced", () => {
    expect(pilots.map((p) => p.code).sort()).toEqual(['MATCH', 'PALIM', 'THAMM', 'TW-MOU']);
    const palim = pilot('PALIM');
    expect(palim.participants).toBe(DEMO_PILOT_PARTICIPANTS.PALIM);
    expect(palim.participants).toBe(120);
    expect(palim.passed).toBe(116);
    expect(palim.placed).toBe(0);
    expect(palim.sourcedFigures).toEqual(expect.arrayContaining(['trained', 'passed', 'placed', 'budget']));
    // Where PALIM lost its candidates: after passing, nobody was matched with an employer.
    expect(palim.bottleneck).toEqual({ stage: 'PASSED', lost: 116 });
    expect(palim.runByYou).toBe(false);
    expect(pilot('TW-MOU').participants).toBe(0);
  });

  it('reports the funnel with reasons, the breakdown by year, country and education, and spending', async () => {
    const report = (await analyst.request('GET', `/api/v1/talent/pilots/${pilot('MATCH').id}`)).json();
    expect(report.participants).toBeNull();
    const reached = Object.fromEntries(
      report.funnel.map((s: { stage: string; reached: number }) => [s.stage, s.reached]),
    );
    expect(reached.SELECTED).toBe(DEMO_PILOT_PARTICIPANTS.MATCH);
    expect(reached.EMPLOYED_12M).toBe(14);
    expect(reached.EMPLOYED_6M).toBe(23);
    // A visa is refused after the permit was granted: those left at that stage.
    const granted = report.funnel.find((s: { stage: string }) => s.stage === 'PERMIT_GRANTED');
    expect(granted.droppedHere).toEqual({ VISA_REFUSED: 11 });
    const total = report.breakdown.reduce(
      (sum: number, row: { participants: number }) => sum + row.participants,
      0,
    );
    expect(total).toBe(DEMO_PILOT_PARTICIPANTS.MATCH);
    expect(report.breakdown[0]).toMatchObject({ year: 2020 });
    expect(report.spentEur).toBeCloseTo(28_769.79, 2);
    expect(report.pilot.occupations[0].label).toBe('software ontwikkelaar');
  });

  it('shows participants only to the partner that runs the project, and audits that read', async () => {
    const thamm = pilot('THAMM').id;
    const listed = (await partner.request('GET', '/api/v1/talent/pilots')).json().pilots;
    expect(listed.filter((p: PilotSummary) => p.runByYou).map((p: PilotSummary) => p.code)).toEqual([
      'THAMM',
    ]);
    const own = (await partner.request('GET', `/api/v1/talent/pilots/${thamm}`)).json();
    expect(own.participants.length).toBe(DEMO_PILOT_PARTICIPANTS.THAMM);
    const theirs = (await otherPartner.request('GET', `/api/v1/talent/pilots/${thamm}`)).json();
    expect(theirs.participants).toBeNull();
    expect((await employer.request('GET', '/api/v1/talent/pilots')).statusCode).toBe(403);
    const audited = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'PILOT_PARTICIPANTS_READ')
      .execute();
    expect(audited.length).toBe(1);
    const add = { reference: 'X-1', country: 'MA', educationVks: 7, selectedOn: '2026-11-02' };
    expect(
      (await otherPartner.request('POST', `/api/v1/talent/pilots/${thamm}/participants`, add)).statusCode,
    ).toBe(403);
    expect(
      (await analyst.request('POST', `/api/v1/talent/pilots/${thamm}/participants`, add)).statusCode,
    ).toBe(403);
  });

  it('moves a participant from passed to matched to a filed permit, linked by its dossier number', async () => {
    const thamm = pilot('THAMM').id;
    const made = await partner.request('POST', `/api/v1/talent/pilots/${thamm}/participants`, {
      reference: 'THAMM-NEW-1',
      country: 'MA',
      educationVks: 7,
      selectedOn: '2026-06-01',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().participant.id;
    const stage = (body: Record<string, unknown>) =>
      partner.request('POST', `/api/v1/talent/pilots/${thamm}/participants/${id}/stage`, body);

    // One stage at a time: not from "selected" straight to "matched".
    const skipped = await stage({ stage: 'MATCHED', reachedOn: '2026-10-01' });
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'stage',
        rule: 'notNext',
        message: 'kan enkel de stap na de huidige stap zijn',
      }),
    ]);
    for (const next of ['TRAINED', 'PASSED', 'MATCHED'])
      expect((await stage({ stage: next, reachedOn: '2026-10-01' })).statusCode).toBe(200);
    // Repeating the last change (a retry after a lost answer) changes nothing and answers the same.
    expect((await stage({ stage: 'MATCHED', reachedOn: '2026-10-01' })).statusCode).toBe(200);

    const noDossier = await stage({ stage: 'PERMIT_FILED', reachedOn: '2026-11-01' });
    expect(noDossier.json().error.fields).toEqual([
      expect.objectContaining({ path: 'dossierNumber', rule: 'needsDossier' }),
    ]);
    const unknown = await stage({
      stage: 'PERMIT_FILED',
      reachedOn: '2026-11-01',
      dossierNumber: 'VL-2026-999999',
      workerFamilyName: 'Pereira',
    });
    expect(unknown.json().error.fields).toEqual([
      expect.objectContaining({ path: 'dossierNumber', rule: 'exists' }),
    ]);
    const future = await stage({
      stage: 'PERMIT_FILED',
      reachedOn: '2026-12-02',
      dossierNumber: 'VL-2026-999999',
      workerFamilyName: 'Pereira',
    });
    expect(
      future
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['dossierNumber', 'reachedOn']);

    const inReview = await database.db
      .selectFrom('dossiers')
      .select(['number', sql<string>`worker_identity ->> 'familyName'`.as('familyName')])
      .where('status', '=', 'IN_REVIEW')
      .where('number', 'is not', null)
      .executeTakeFirstOrThrow();
    // The number alone is not enough: a partner cannot read the status of a dossier by trying numbers.
    const nameless = await stage({
      stage: 'PERMIT_FILED',
      reachedOn: '2026-11-01',
      dossierNumber: inReview.number,
    });
    expect(nameless.json().error.fields).toEqual([
      expect.objectContaining({ path: 'workerFamilyName', rule: 'required' }),
    ]);
    const otherName = await stage({
      stage: 'PERMIT_FILED',
      reachedOn: '2026-11-01',
      dossierNumber: inReview.number,
      workerFamilyName: `${inReview.familyName}x`,
    });
    expect(otherName.json().error.fields).toEqual([
      expect.objectContaining({ path: 'dossierNumber', rule: 'exists' }),
    ]);
    const filed = await stage({
      stage: 'PERMIT_FILED',
      reachedOn: '2026-11-01',
      dossierNumber: inReview.number,
      workerFamilyName: inReview.familyName.toUpperCase(),
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().participant).toMatchObject({
      stage: 'PERMIT_FILED',
      dossier: { number: inReview.number, status: 'IN_REVIEW' },
    });
    // Granted only when Loket granted it: the dossier is still in review.
    const early = await stage({ stage: 'PERMIT_GRANTED', reachedOn: '2026-11-20' });
    expect(early.json().error.fields).toEqual([
      expect.objectContaining({ path: 'stage', rule: 'needsGrantedPermit' }),
    ]);

    const history = await database.db
      .selectFrom('recruitment_pilot_stage_events')
      .select('stage')
      .where('participant_id', '=', id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.stage)).toEqual(['SELECTED', 'TRAINED', 'PASSED', 'MATCHED', 'PERMIT_FILED']);
  });

  it('records a drop-out with its reason, and nothing after it', async () => {
    const thamm = pilot('THAMM').id;
    const own = (await partner.request('GET', `/api/v1/talent/pilots/${thamm}`)).json();
    const passed = own.participants.find(
      (p: { stage: string; droppedReason: string | null }) => p.stage === 'PASSED' && !p.droppedReason,
    );
    const url = `/api/v1/talent/pilots/${thamm}/participants/${passed.id}`;
    const dropped = await partner.request('POST', `${url}/drop-out`, {
      reason: 'WITHDREW',
      on: '2026-11-15',
    });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(dropped.json().participant).toMatchObject({ droppedReason: 'WITHDREW', droppedOn: '2026-11-15' });
    const after = await partner.request('POST', `${url}/stage`, {
      stage: 'MATCHED',
      reachedOn: '2026-11-20',
    });
    expect(after.json().error.fields).toEqual([expect.objectContaining({ rule: 'dropped' })]);
    const bad = await partner.request('POST', `${url}/drop-out`, { reason: 'BORED', on: '2026-11-15' });
    expect(bad.statusCode).toBe(400);
    const report = (await analyst.request('GET', `/api/v1/talent/pilots/${thamm}`)).json();
    const atPassed = report.funnel.find((s: { stage: string }) => s.stage === 'PASSED');
    expect(atPassed.droppedHere).toEqual({ WITHDREW: 1 });
  });
});
