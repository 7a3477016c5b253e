import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  PDF_BYTES,
} from '../../test/dossier-driver.ts';
import { multipartBody } from '../../test/test-app.ts';

describe('idempotent creation under concurrent retries', () => {
  let world: DossierWorld;
  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('answers twenty concurrent creates with one Idempotency-Key with the same 201 and one draft', async () => {
    const key = 'create-draft-concurrent-0001';
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        world.employer.request(
          'POST',
          '/api/v1/dossiers',
          { category: 'HIGHLY_SKILLED', enterpriseNumber: '0403.170.701' },
          { 'idempotency-key': key },
        ),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const rows = await world.database.db
      .selectFrom('dossiers')
      .select('id')
      .where('idempotency_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
  });

  const upload = (dossierId: string, key: string, content: Buffer = PDF_BYTES, type = 'PASSPORT') => {
    const body = multipartBody(
      { documentType: type },
      { field: 'file', name: 'scan.pdf', type: 'application/pdf', content },
    );
    return world.employer.request('POST', `/api/v1/dossiers/${dossierId}/documents`, body.payload, {
      ...body.headers,
      'idempotency-key': key,
    });
  };

  it('stores an upload retried with its Idempotency-Key once, and answers every retry as the first', async () => {
    const draft = await dossierDriver(world.employer).startDraft('HIGHLY_SKILLED');
    const first = await upload(draft.id, 'upload-passport-0001');
    expect(first.statusCode, first.body).toBe(201);
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => upload(draft.id, 'upload-passport-0001')),
    );
    for (const retry of retries) {
      expect(retry.statusCode, retry.body).toBe(201);
      expect(retry.json()).toEqual(first.json());
    }
    const stored = await world.database.db
      .selectFrom('dossier_documents')
      .select('id')
      .where('dossier_id', '=', draft.id)
      .execute();
    expect(stored).toHaveLength(1);
    // Another key is another document.
    expect((await upload(draft.id, 'upload-passport-0002')).statusCode).toBe(201);
  });

  it('refuses the same key with other content: 409, nothing stored', async () => {
    const draft = await dossierDriver(world.employer).startDraft('HIGHLY_SKILLED');
    expect((await upload(draft.id, 'upload-key-reused-01')).statusCode).toBe(201);
    const other = Buffer.concat([PDF_BYTES, Buffer.from('% another scan\n')]);
    const reused = await upload(draft.id, 'upload-key-reused-01', other);
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json().error.code).toBe('LOKET_IDEMPOTENCY_CONFLICT');
  });
});
