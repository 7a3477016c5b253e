import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';

// Documents can be taken away while the application is a draft; once submitted they are part of
// the dossier (issue 11: "documents that cannot be removed once submitted").
describe('removing a document', () => {
  let world: DossierWorld;
  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('is possible in a draft and refused after submission', async () => {
    const driver = dossierDriver(world.employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const [first] = draft.documents as { id: string }[];
    const remove = (documentId: string) =>
      world.employer.request('DELETE', `/api/v1/dossiers/${draft.id}/documents/${documentId}`);
    const extra = (await driver.upload(draft.id, 'PASSPORT')).json() as { id: string };
    expect((await remove(extra.id)).statusCode).toBe(204);
    await driver.submit(draft.id);
    const refused = await remove(first?.id as string);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LOKET_ILLEGAL_TRANSITION');
    const kept = await world.database.db
      .selectFrom('dossier_documents')
      .select('removed_at')
      .where('id', '=', first?.id as string)
      .executeTakeFirstOrThrow();
    expect(kept.removed_at).toBeNull();
  });
});
