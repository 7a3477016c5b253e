import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import type { Session } from '../../../test/test-app.ts';
import { LETTER_TEXTS } from '../letters/letter-texts.ts';
import { readPdfText, squash } from '../letters/test-support/read-pdf-text.ts';

/**
 * The staff's own work on dossiers through the HTTP API: bulk assignment (all or none), internal
 * notes (staff only), documents shown inline, and the letter's motivation edited before signing.
 */
describe('staff work on dossiers', () => {
  const clock = new Date('2026-03-02T09:00:00Z');
  let world: DossierWorld;
  let employer: Session;
  let caseHandler: Session;
  let supervisor: Session;

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ employer, caseHandler, supervisor } = world);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  async function submitted() {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    return driver.submit(draft.id);
  }
  async function inReview() {
    const dossier = await submitted();
    const paid = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: dossier.version,
    });
    const started = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'START_REVIEW',
      version: paid.json().version,
    });
    expect(started.statusCode, started.body).toBe(200);
    return started.json();
  }
  const view = async (session: Session, id: string) =>
    (await session.request('GET', `/api/v1/dossiers/${id}`)).json();
  const caseHandlerId = async () =>
    (
      await world.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'behandelaar')
        .executeTakeFirstOrThrow()
    ).id;

  it('assigns several dossiers at once, all or none, naming a closed one by its position', async () => {
    const [first, second] = [await submitted(), await submitted()];
    const closed = await inReview();
    const withdrawn = await employer.request('POST', `/api/v1/dossiers/${closed.id}/actions`, {
      action: 'WITHDRAW',
      version: closed.version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const assigneeId = await caseHandlerId();

    const refused = await supervisor.request('POST', '/api/v1/supervision/assignments', {
      dossierIds: [first.id, second.id, closed.id],
      assigneeId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'dossierIds[2]',
        rule: 'dossierClosed',
        message: expect.stringContaining(closed.number),
      }),
    ]);
    // Nothing changed: the first two are still unassigned.
    expect((await view(supervisor, first.id)).assignee).toBeNull();

    const done = await supervisor.request('POST', '/api/v1/supervision/assignments', {
      dossierIds: [first.id, second.id],
      assigneeId,
    });
    expect(done.statusCode, done.body).toBe(200);
    for (const id of [first.id, second.id]) {
      const dossier = await view(supervisor, id);
      expect(dossier.assignee).toMatchObject({ id: assigneeId });
      expect(dossier.history.at(-1)).toMatchObject({
        action: 'ASSIGNED',
        by: 'SUPERVISOR',
        detail: dossier.assignee.displayName,
      });
      const audit = await world.database.db
        .selectFrom('audit_events')
        .select('details')
        .where('subject_id', '=', id)
        .where('action', '=', 'DOSSIER_ASSIGNED')
        .execute();
      expect(audit.map((event) => event.details)).toEqual([
        expect.objectContaining({ to: assigneeId, bulk: true }),
      ]);
    }

    const asCaseHandler = await caseHandler.request('POST', '/api/v1/supervision/assignments', {
      dossierIds: [first.id],
      assigneeId,
    });
    expect(asCaseHandler.statusCode).toBe(403);
    const malformed = await supervisor.request('POST', '/api/v1/supervision/assignments', {
      dossierIds: [first.id, first.id, 'x'],
    });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['assigneeId', 'dossierIds[2]']);
  });

  it('keeps internal notes for staff only: in the staff history and audited, never for the employer', async () => {
    const dossier = await submitted();
    // A marker no id or hash in the answer can contain by chance (not hexadecimal).
    const note = 'Werkgever belde: diploma volgt per post. Interne notitie kwq7.';
    const added = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/notes`, {
      text: ` ${note} `,
    });
    expect(added.statusCode, added.body).toBe(201);
    const staffView = await view(supervisor, dossier.id);
    expect(staffView.internalNotes).toEqual([
      expect.objectContaining({ text: note, authorName: expect.any(String) }),
    ]);
    expect(staffView.history.at(-1)).toMatchObject({ action: 'NOTE', detail: note });

    const employerAnswer = await employer.request('GET', `/api/v1/dossiers/${dossier.id}`);
    expect(employerAnswer.body).not.toContain('kwq7');
    expect(employerAnswer.json().internalNotes).toBeNull();
    expect(
      (await employer.request('POST', `/api/v1/dossiers/${dossier.id}/notes`, { text: 'x' })).statusCode,
    ).toBe(403);

    const blank = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/notes`, { text: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual([expect.objectContaining({ path: 'text', rule: 'required' })]);
    const audit = await world.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('subject_id', '=', dossier.id)
      .where('action', '=', 'DOSSIER_NOTE_ADDED')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ textLength: note.length });
  });

  it('serves a document inline to staff, framable by Loket only, and logs the read', async () => {
    const dossier = await view(caseHandler, (await submitted()).id);
    const document = dossier.documents[0];
    const url = `/api/v1/dossiers/${dossier.id}/documents/${document.id}/inline`;
    const response = await caseHandler.request('GET', url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="scan\.pdf"/);
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    );
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await employer.request('GET', url)).statusCode).toBe(403);
    const reads = await world.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('subject_id', '=', dossier.id)
      .where('action', '=', 'DOSSIER_READ')
      .execute();
    expect(reads.map((r) => r.details)).toContainEqual({ what: `document-inline:${document.id}` });
  });

  it('drafts the letter in the dossier language and signs the edited motivation, kept in the history', async () => {
    const dossier = await inReview();
    const grant = { validFrom: '2026-05-01', validUntil: '2027-04-30' };
    const draft = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/letter-draft`, {
      outcome: 'GRANTED',
      ...grant,
      note: 'Eerste versie.',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const { lang, parts } = draft.json();
    expect(lang).toBe(dossier.lang);
    const texts = LETTER_TEXTS[lang as 'nl'];
    expect(parts.find((p: { key: string }) => p.key === 'validity')).toMatchObject({
      editable: false,
      text: texts.validity({ validFrom: '01/05/2026', validUntil: '30/04/2027' }),
    });
    expect(parts.filter((p: { editable: boolean }) => p.editable)).toEqual([
      expect.objectContaining({ key: 'motivation', text: 'Eerste versie.', heading: texts.noteHeading }),
    ]);
    const badDraft = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/letter-draft`, {
      outcome: 'REFUSED',
      reasonCodes: [],
    });
    expect(badDraft.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'reasonCodes',
      'note',
    ]);

    const emptied = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'REFUSE',
      version: dossier.version,
      reasonCodes: ['FALSE_DOCUMENTS'],
      note: 'Vervalst.',
      letterMotivation: '  ',
    });
    expect(emptied.json().error.fields).toEqual([expect.objectContaining({ path: 'letterMotivation' })]);

    const edited = 'Het contract begint op 1 mei; de toelating volgt die datum.';
    const granted = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'GRANT',
      version: dossier.version,
      ...grant,
      note: 'Eerste versie.',
      letterMotivation: edited,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const after = granted.json();
    expect(after.decision.note).toBe(edited);
    expect(after.history.at(-1)).toMatchObject({ action: 'LETTER_EDITED', detail: edited });
    const letter = await caseHandler.request(
      'GET',
      `/api/v1/dossiers/${dossier.id}/letters/${after.letters[0].id}`,
    );
    const text = squash(readPdfText(letter.rawPayload));
    expect(text).toContain(squash(edited));
    expect(text).not.toContain('Eerste versie');
    // The employer sees the decision, not the staff's drafting.
    const employerView = await view(employer, dossier.id);
    expect(employerView.history.map((h: { action: string }) => h.action)).not.toContain('LETTER_EDITED');
  });

  it("drafts a dismissed appeal's letter for the supervisor only, and signs the reasons as edited", async () => {
    const dossier = await inReview();
    const refused = await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'REFUSE',
      version: dossier.version,
      reasonCodes: ['FALSE_DOCUMENTS'],
      note: 'Vervalst diploma.',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const appealed = await employer.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'APPEAL',
      version: refused.json().version,
      grounds: 'Het diploma is echt.',
    });
    expect(appealed.statusCode, appealed.body).toBe(200);
    const url = `/api/v1/dossiers/${dossier.id}/appeal-letter-draft`;
    const body = { appealOutcome: 'UPHELD', note: 'Eerste versie.' };
    expect((await caseHandler.request('POST', url, body)).statusCode).toBe(403);
    const wrong = await supervisor.request('POST', url, { ...body, followUp: 'GRANT' });
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['followUp']);
    const draft = await supervisor.request('POST', url, body);
    expect(draft.statusCode, draft.body).toBe(200);
    const keys = draft.json().parts.map((p: { key: string }) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['lodged', 'decision', 'motivation', 'furtherAppeal']));
    expect(draft.json().parts.filter((p: { editable: boolean }) => p.editable)).toEqual([
      expect.objectContaining({ key: 'motivation', text: 'Eerste versie.', isRequired: true }),
    ]);
    // A draft for an appeal allowed with a grant names its validity; without dates it says so.
    const allowed = await supervisor.request('POST', url, { appealOutcome: 'OVERTURNED', followUp: 'GRANT' });
    expect(allowed.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'validFrom',
      'validUntil',
    ]);

    const decide = { action: 'DECIDE_APPEAL', version: appealed.json().version, ...body };
    const emptied = await supervisor.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      ...decide,
      letterMotivation: ' ',
    });
    expect(emptied.json().error.fields).toEqual([expect.objectContaining({ path: 'letterMotivation' })]);
    const edited = 'De universiteit bevestigt schriftelijk dat het diploma niet werd uitgereikt.';
    const decided = await supervisor.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      ...decide,
      letterMotivation: edited,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = decided.json();
    expect(after.status).toBe('APPEAL_DECIDED');
    expect(after.history.at(-1)).toMatchObject({ action: 'LETTER_EDITED', detail: edited });
    const letter = after.letters.find((l: { kind: string }) => l.kind === 'APPEAL_DECISION');
    const pdf = await supervisor.request('GET', `/api/v1/dossiers/${dossier.id}/letters/${letter.id}`);
    const text = squash(readPdfText(pdf.rawPayload));
    expect(text).toContain(squash(edited));
    expect(text).not.toContain('Eerste versie');
  });
});
