import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import { type Session, signIn } from '../../../test/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';

// Issue 14: an inspector proposes refusal grounds for an employer's pending dossier; the case
// handler sees them on the grounds of the refusal, the employer never does.
describe('refusal grounds proposed by an inspector', () => {
  let world: DossierWorld;
  let inspector: Session;
  let dossierId: string;

  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-12-01T09:00:00Z'));
    inspector = await signIn(world.testApp.app, 'inspecteur', DEMO_PASSWORD);
    const driver = dossierDriver(world.employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    dossierId = (await driver.submit(draft.id)).id;
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const url = () => `/api/v1/dossiers/${dossierId}/refusal-ground-proposals`;

  it('offers the grounds of the dossier and refuses other roles, no grounds, no facts and foreign grounds', async () => {
    const offered = await inspector.request('GET', `/api/v1/dossiers/${dossierId}/refusal-grounds`);
    expect(offered.statusCode).toBe(200);
    const codes = offered.json().grounds.map((g: { code: string }) => g.code);
    expect(codes).toContain('EMPLOYER_ACTS_AS_HUB');
    expect(offered.json().grounds[0].statement).not.toMatch(/^[A-Z_]+$/);
    for (const session of [world.employer, world.caseHandler]) {
      expect(
        (await session.request('POST', url(), { groundCodes: ['FALSE_DOCUMENTS'], facts: 'x' })).statusCode,
      ).toBe(403);
    }
    const none = await inspector.request('POST', url(), { groundCodes: [], facts: 'Feiten' });
    expect(none.json().error.fields[0]).toMatchObject({ path: 'groundCodes', rule: 'groundRequired' });
    const noFacts = await inspector.request('POST', url(), { groundCodes: ['FALSE_DOCUMENTS'], facts: '  ' });
    expect(noFacts.json().error.fields[0]).toMatchObject({ path: 'facts', rule: 'factsRequired' });
    const foreign = await inspector.request('POST', url(), {
      groundCodes: ['NOT_ON_MIGRATION_LIST'],
      facts: 'Feiten',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0]).toMatchObject({ path: 'groundCodes', rule: 'notAGround' });
  });

  it('shows the proposal to the case handler beside the ground, audited, and not to the employer', async () => {
    const facts = 'Bij de inspectie van 30 november bleek het diploma van een andere werknemer te komen.';
    const posted = await inspector.request('POST', url(), { groundCodes: ['FALSE_DOCUMENTS'], facts });
    expect(posted.statusCode, posted.body).toBe(201);
    const staff = (await world.caseHandler.request('GET', `/api/v1/dossiers/${dossierId}`)).json();
    const ground = staff.refusalGrounds.find((g: { code: string }) => g.code === 'FALSE_DOCUMENTS');
    expect(ground.proposed).toMatchObject({ on: '2026-12-01', facts });
    expect(
      staff.refusalGrounds.find((g: { code: string }) => g.code === 'EMPLOYER_ACTS_AS_HUB').proposed,
    ).toBeNull();
    const employer = await world.employer.request('GET', `/api/v1/dossiers/${dossierId}`);
    expect(employer.body).not.toContain('andere werknemer');
    const audit = await world.database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', dossierId)
      .where('action', '=', 'DOSSIER_REFUSAL_GROUNDS_PROPOSED')
      .execute();
    expect(audit).toEqual([
      { action: 'DOSSIER_REFUSAL_GROUNDS_PROPOSED', details: { codes: ['FALSE_DOCUMENTS'] } },
    ]);
  });
});
