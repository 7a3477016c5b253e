import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { repeatedDocumentsByEmployer } from './repeated-documents.repo.ts';

const A = '0403170701';
const B = '0200065765';
const C = '0480001035';

// Issue 14, "repeated identical documents": one file, byte for byte, in the dossiers of two workers.
describe('repeated documents across dossiers', () => {
  let database: TestDatabase;

  async function dossier(enterprise: string, insz: string | null, status = 'GRANTED'): Promise<string> {
    const row = await database.db
      .insertInto('dossiers')
      .values({
        enterprise_number: enterprise,
        category: 'HIGHLY_SKILLED',
        status,
        application: { worker: insz ? { insz } : {} },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function documentIn(dossierId: string, type: string, sha: string, removed = false): Promise<void> {
    await database.db
      .insertInto('dossier_documents')
      .values({
        dossier_id: dossierId,
        document_type: type,
        file_name: 'scan.pdf',
        media_type: 'application/pdf',
        size_bytes: 100,
        sha256: sha.repeat(64),
        storage: 'database',
        storage_key: `${dossierId}-${type}`,
        removed_at: removed ? new Date() : null,
      })
      .execute();
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // A diploma submitted for three workers at two employers; the same worker's passport twice
    // (a renewal) is not a repeat; the employer's vacancy proof for two workers is not personal.
    const a1 = await dossier(A, '85073003328');
    const a2 = await dossier(A, '90022712345');
    const b1 = await dossier(B, '77120512345');
    const a3 = await dossier(A, '85073003328');
    await documentIn(a1, 'DIPLOMA', 'a');
    await documentIn(a2, 'DIPLOMA', 'a');
    await documentIn(b1, 'DIPLOMA', 'a');
    await documentIn(a1, 'PASSPORT', 'b');
    await documentIn(a3, 'PASSPORT', 'b');
    await documentIn(a1, 'VACANCY_EVIDENCE', 'c');
    await documentIn(a2, 'VACANCY_EVIDENCE', 'c');
    // Drafts and removed documents do not count.
    const draft = await dossier(C, '66010112345', 'DRAFT');
    const c1 = await dossier(C, '55010112345');
    await documentIn(draft, 'CURRICULUM_VITAE', 'd');
    await documentIn(c1, 'CURRICULUM_VITAE', 'd');
    const c2 = await dossier(C, '44010112345');
    await documentIn(c2, 'CURRICULUM_VITAE', 'e', true);
    await documentIn(c1, 'EMPLOYMENT_CONTRACT', 'e');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('names each employer whose personal documents were also submitted for another worker', async () => {
    expect(await repeatedDocumentsByEmployer(database.db)).toEqual([
      {
        enterpriseNumber: B,
        repeatedFiles: 1,
        mostWorkersSharingFile: 3,
        documentType: 'DIPLOMA',
        otherEmployers: 1,
      },
      {
        enterpriseNumber: A,
        repeatedFiles: 1,
        mostWorkersSharingFile: 3,
        documentType: 'DIPLOMA',
        otherEmployers: 1,
      },
    ]);
  });
});
