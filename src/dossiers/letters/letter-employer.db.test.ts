import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import { letterEmployer } from './letter-employer.repo.ts';
import { readPdfText } from './test-support/read-pdf-text.ts';

/** The addressee of a letter: the enterprise register's name and address when the register check stored them. */
describe('letter addressee', () => {
  let world: DossierWorld;
  let dossierId: string;

  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
    const driver = dossierDriver(world.employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    await driver.submit(draft.id);
    dossierId = draft.id;
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('without register facts: the mandate name and no address', async () => {
    const employer = await letterEmployer(world.database.db, dossierId, '0403170701');
    expect(employer).toMatchObject({ enterpriseNumber: '0403170701', address: null });
    expect(employer.name).toBeTruthy();
  });

  it('with the register facts: the registered name and address, printed as written on the fee invitation', async () => {
    await world.database.db
      .insertInto('register_facts')
      .values({
        dossier_id: dossierId,
        source: 'kbo',
        subject: 'enterprise:0403170701',
        is_found: true,
        value: JSON.stringify({
          name: 'Pekarna Đorđević bv',
          registeredAddress: {
            street: 'Korenmarkt',
            houseNumber: '12',
            postalCode: '9000',
            municipality: 'Gent',
          },
        }),
        fetched_at: new Date('2026-03-02T09:00:00Z'),
        request_id: 'test',
      })
      .execute();
    expect(await letterEmployer(world.database.db, dossierId, '0403170701')).toMatchObject({
      name: 'Pekarna Đorđević bv',
      address: { street: 'Korenmarkt', postalCode: '9000' },
    });
    const response = await world.employer.request('GET', `/api/v1/dossiers/${dossierId}/fee.pdf`);
    expect(response.statusCode).toBe(200);
    const text = readPdfText(response.rawPayload);
    expect(text).toContain('Pekarna Đorđević bv\nKorenmarkt 12\n9000 GENT\nOndernemingsnummer 0403.170.701');
  });
});
