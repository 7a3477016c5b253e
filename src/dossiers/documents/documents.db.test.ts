import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { craftObjectStreamPdf, craftPdf, PNG_BYTES } from '../../../test/crafted-pdfs.ts';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import { multipartBody } from '../../../test/test-app.ts';

let world: DossierWorld;
beforeAll(async () => {
  world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
});
afterAll(async () => {
  await world?.dispose();
});

// Documents can be taken away while the application is a draft; once submitted they are part of
// the dossier (issue 11: "documents that cannot be removed once submitted").
describe('removing a document', () => {
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

// Issue 12: a file is what its bytes say, whatever its name; a PDF that can run something by
// itself is refused at the door.
describe('an uploaded file checked by its content', () => {
  const send = (dossierId: string, content: Buffer, name: string, lang = 'nl') => {
    const body = multipartBody(
      { documentType: 'EMPLOYMENT_CONTRACT' },
      { field: 'file', name, type: 'application/pdf', content },
    );
    return world.employer.request('POST', `/api/v1/dossiers/${dossierId}/documents`, body.payload, {
      ...body.headers,
      'accept-language': lang,
    });
  };

  it('is kept under the extension of its real type, which staff and the employer see', async () => {
    const driver = dossierDriver(world.employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const png = await send(draft.id, PNG_BYTES, 'contract.pdf');
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ fileName: 'contract.png', mediaType: 'image/png' });
    const pdf = await send(draft.id, craftPdf(), 'photo.jpg');
    expect(pdf.json()).toMatchObject({ fileName: 'photo.pdf', mediaType: 'application/pdf' });
    const download = await world.employer.request(
      'GET',
      `/api/v1/dossiers/${draft.id}/documents/${png.json().id}`,
    );
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain('filename="contract.png"');
    await driver.submit(draft.id);
    const staffView = (await world.caseHandler.request('GET', `/api/v1/dossiers/${draft.id}`)).json();
    expect(staffView.documents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fileName: 'contract.png', mediaType: 'image/png' }),
        expect.objectContaining({ fileName: 'photo.pdf', mediaType: 'application/pdf' }),
      ]),
    );
  });

  it('is refused when its real type is not allowed, naming the field and the rule in the reader’s language', async () => {
    const draft = await dossierDriver(world.employer).startDraft('HIGHLY_SKILLED');
    const gif = Buffer.from(
      '47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b',
      'hex',
    );
    const refused = await send(draft.id, gif, 'passport.pdf', 'fr');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'file', rule: 'mediaType', message: expect.stringContaining('PDF, JPEG ou PNG') },
    ]);
  });

  it('refuses a PDF with JavaScript, plain, hex-escaped or packed in a compressed object stream', async () => {
    const draft = await dossierDriver(world.employer).startDraft('HIGHLY_SKILLED');
    const action = '/OpenAction 4 0 R';
    const files = {
      plain: craftPdf({ catalogueExtra: action, objects: ['<< /S /JavaScript /JS (app.alert\\(1\\)) >>'] }),
      escaped: craftPdf({ catalogueExtra: action, objects: ['<< /S /#4A#61vaScript /#4A#53 (x) >>'] }),
      packed: craftObjectStreamPdf(),
      launch: craftPdf({ catalogueExtra: '/AA << /O 4 0 R >>', objects: ['<< /S /Launch /F (cmd.exe) >>'] }),
    };
    for (const [name, content] of Object.entries(files)) {
      const refused = await send(draft.id, content, `${name}.pdf`, 'en');
      expect(refused.statusCode, name).toBe(400);
      const [field] = refused.json().error.fields;
      expect(field, name).toMatchObject({ path: 'file', rule: 'pdfActiveContent' });
      expect(field.message, name).toMatch(/active content \(.*(JavaScript|Launch).*\).*Print to PDF/);
    }
    const nl = await send(draft.id, files.packed, 'packed.pdf');
    expect(nl.json().error.fields[0].message).toContain('actieve inhoud (JavaScript, OpenAction)');
    const kept = await world.database.db
      .selectFrom('dossier_documents')
      .select('id')
      .where('dossier_id', '=', draft.id)
      .execute();
    expect(kept).toEqual([]);
  });
});
