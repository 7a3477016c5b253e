import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { createUser } from '../../auth/users.repo.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { checkHighlySkilledFunction } from '../../rules/conditions/function-level.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import { PUBLISHED_MINIMUM, perturbCount } from '../../stats/cell-key.ts';
import { TOTAL } from '../../stats/dimensions.ts';
import { DEMO_OCCUPATIONS } from '../demo-occupations.ts';
import { DEMO_PARTNERS } from '../demo-talent.ts';
import { addPartnerMember, ensurePartner } from '../talent.repo.ts';
import { countCareRecognitions } from './care-report.ts';

/**
 * The care pipeline on a real database: a partner keeps its own candidates' recognition files
 * (never another partner's), a file moves only along the allowed statuses, a care vacancy's
 * ranking explains the recognition from the file and the rules' nurse exception, the report's
 * counts are the raw rows' counts, published with the cell-key method, and a file goes with its
 * candidate on erasure.
 */
describe('care pipeline', () => {
  const clock = new Date('2026-12-01T09:00:00Z');
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let partner: Session;
  let otherPartner: Session;
  let employer: Session;
  let supervisor: Session;
  let analyst: Session;

  const nurse = (reference: string, overrides: Record<string, unknown> = {}) => ({
    reference,
    pool: 'CARE_RECOGNITION',
    occupationIds: [DEMO_OCCUPATIONS.generalNurse],
    educationVks: 6,
    languages: [{ lang: 'nl', level: 'B2' }],
    circle: 'BELGIUM',
    postalCode: '9000',
    nationality: 'IN',
    workAccess: 'FREE',
    availableFrom: '2026-12-15',
    consent: {
      purpose: 'SHORTAGE_MATCHING',
      givenOn: '2026-12-01',
      showToEmployers: true,
      retentionUntil: '2027-12-01',
    },
    ...overrides,
  });
  const file = (overrides: Record<string, unknown> = {}) => ({
    naricReference: 'NARIC-T-1',
    profession: 'NURSE',
    status: 'REQUESTED',
    requestedOn: '2026-10-01',
    statusOn: '2026-10-01',
    ...overrides,
  });
  const recognitionOf = (id: string) => `/api/v1/talent/candidates/${id}/recognition`;
  async function newNurse(reference: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const made = await partner.request('POST', '/api/v1/talent/candidates', nurse(reference, overrides));
    expect(made.statusCode, made.body).toBe(201);
    return made.json().candidate.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
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
    employer = await signIn(app, 'werkgever', DEMO_PASSWORD);
    supervisor = await signIn(app, 'teamleider', DEMO_PASSWORD);
    analyst = await signIn(app, 'analist', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("records a nurse's file with the interim care function the rules allow, audited, for her partner only", async () => {
    const id = await newNurse('WW-C-1');
    const saved = await partner.request('PUT', recognitionOf(id), file());
    expect(saved.statusCode, saved.body).toBe(200);
    const { file: recorded } = saved.json();
    expect(recorded).toMatchObject({ naricReference: 'NARIC-T-1', profession: 'NURSE', status: 'REQUESTED' });
    // The interim function is the rules' nurse exception on the day: its legal basis and level.
    expect(recorded.interim).toMatchObject({
      kind: 'NURSE_EXCEPTION',
      minimumVks: 5,
      naricReferenceRequired: true,
      legalBasis: renderLegalBasis(checkHighlySkilledFunction.legalBasis, 'nl'),
    });
    expect(recorded.interim.sources.length).toBe(2);
    const candidate = (await partner.request('GET', `/api/v1/talent/candidates/${id}`)).json().candidate;
    expect(candidate).toMatchObject({ recognition: 'PENDING', naricReference: 'NARIC-T-1' });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', id)
      .where('action', '=', 'TALENT_RECOGNITION_RECORDED')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ from: null, to: 'REQUESTED' });

    // Another partner does not find the file, whatever it tries; other roles may not ask at all.
    expect((await otherPartner.request('GET', recognitionOf(id))).statusCode).toBe(404);
    expect(
      (await otherPartner.request('PUT', recognitionOf(id), file({ naricReference: 'X-1' }))).statusCode,
    ).toBe(404);
    expect((await employer.request('GET', recognitionOf(id))).statusCode).toBe(403);
    expect((await supervisor.request('GET', recognitionOf(id))).statusCode).toBe(403);
    const theirs = await database.db
      .selectFrom('talent_recognition_files')
      .select('naric_reference')
      .where('candidate_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(theirs.naric_reference).toBe('NARIC-T-1');
    // The other partner's own files (demo) are not the first partner's to read either.
    const demoFile = await database.db
      .selectFrom('talent_recognition_files as f')
      .innerJoin('talent_partners as p', 'p.id', 'f.partner_id')
      .select('f.candidate_id')
      .where('p.name', '=', DEMO_PARTNERS.other)
      .executeTakeFirstOrThrow();
    expect((await partner.request('GET', recognitionOf(demoFile.candidate_id))).statusCode).toBe(404);
    expect((await otherPartner.request('GET', recognitionOf(demoFile.candidate_id))).statusCode).toBe(200);
  });

  it('moves a file only along the allowed statuses, with dates in order, and keeps its history', async () => {
    const id = await newNurse('WW-C-2');
    expect(
      (await partner.request('PUT', recognitionOf(id), file({ naricReference: 'NARIC-T-2' }))).statusCode,
    ).toBe(200);
    const step = (status: string, statusOn: string) =>
      partner.request('PUT', recognitionOf(id), file({ naricReference: 'NARIC-T-2', status, statusOn }));
    expect((await step('COMPENSATION_MEASURE', '2026-11-02')).statusCode).toBe(200);
    // Back to "requested" is not a step after a compensation measure.
    const back = await step('REQUESTED', '2026-11-10');
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields).toEqual([
      expect.objectContaining({ path: 'status', rule: 'transition' }),
    ]);
    // A new status dated before the current one.
    const early = await step('RECOGNISED', '2026-10-20');
    expect(early.json().error.fields).toEqual([
      expect.objectContaining({ path: 'statusOn', rule: 'notBeforePrevious' }),
    ]);
    const recognised = await step('RECOGNISED', '2026-11-20');
    expect(recognised.statusCode, recognised.body).toBe(200);
    expect(recognised.json().file.interim).toBeNull();
    expect(recognised.json().history.map((e: { status: string }) => e.status)).toEqual([
      'REQUESTED',
      'COMPENSATION_MEASURE',
      'RECOGNISED',
    ]);
    // Recognised is final.
    expect((await step('REFUSED', '2026-11-25')).json().error.fields).toEqual([
      expect.objectContaining({ path: 'status', rule: 'transition' }),
    ]);
    const candidate = (await partner.request('GET', `/api/v1/talent/candidates/${id}`)).json().candidate;
    expect(candidate.recognition).toBe('RECOGNISED');
  });

  it('names the field and the rule of every bad input', async () => {
    const id = await newNurse('WW-C-3');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [file({ profession: 'DOCTOR' }), 'profession', 'enum'],
      [file({ statusOn: '2026-09-01' }), 'statusOn', 'notBeforeRequest'],
      [file({ requestedOn: '2027-01-01', statusOn: '2027-01-01' }), 'requestedOn', 'notInFuture'],
      [file({ naricReference: 'has space' }), 'naricReference', 'pattern'],
      [{ ...file(), extra: 1 }, 'extra', 'additionalProperties'],
    ];
    for (const [body, path, rule] of cases) {
      const answer = await partner.request('PUT', recognitionOf(id), body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(answer.json().error.fields, JSON.stringify(body)).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining(path), rule })]),
      );
    }
    // A NARIC reference already used by another file of the same partner.
    const taken = await partner.request('PUT', recognitionOf(id), file());
    expect(taken.json().error.fields).toEqual([
      expect.objectContaining({ path: 'naricReference', rule: 'unique' }),
    ]);
    // An electrician has no care occupation: no recognition file.
    const electrician = await newNurse('WW-C-4', { occupationIds: [DEMO_OCCUPATIONS.electrician] });
    const notCare = await partner.request('PUT', recognitionOf(electrician), file({ naricReference: 'N-9' }));
    expect(notCare.json().error.fields).toEqual([
      expect.objectContaining({ path: 'profession', rule: 'careOccupation' }),
    ]);
  });

  it("ranks a care vacancy's candidates with the recognition explained from the file", async () => {
    const pending = await newNurse('WW-C-5', { postalCode: '9050' });
    await partner.request('PUT', recognitionOf(pending), file({ naricReference: 'NARIC-T-5' }));
    const vacancy = (
      await employer.request('POST', '/api/v1/talent/vacancies', {
        occupationId: DEMO_OCCUPATIONS.generalNurse,
        postalCode: '9000',
        requiredVks: 6,
        languages: [{ lang: 'nl', level: 'B1' }],
        startDate: '2027-01-04',
      })
    ).json().vacancy;
    const { matches } = (
      await employer.request('GET', `/api/v1/talent/vacancies/${vacancy.id}/matches`)
    ).json();
    const found = matches.find((m: { candidate: { id: string } }) => m.candidate.id === pending);
    const reason = found.reasons.find((r: { criterion: string }) => r.criterion === 'RECOGNITION');
    expect(reason).toMatchObject({
      fit: 'PENDING',
      facts: {
        recognitionFile: {
          status: 'REQUESTED',
          interim: 'NURSE_EXCEPTION',
          legalBasis: renderLegalBasis(checkHighlySkilledFunction.legalBasis, 'nl'),
        },
      },
    });
    const recognised = matches.find(
      (m: { candidate: { reference: string } }) => m.candidate.reference === 'WW-C-2',
    );
    const theirs = recognised.reasons.find((r: { criterion: string }) => r.criterion === 'RECOGNITION');
    expect(theirs).toMatchObject({ fit: 'RECOGNISED', facts: { recognitionFile: { interim: null } } });
    // The same ranking as without the files: the recognition's points are the candidate's.
    expect(theirs.points).toBeGreaterThan(reason.points);
    expect(JSON.stringify(found)).not.toContain('NARIC-T-5');
  });

  it('reports counts recounted from the raw rows, published with the cell-key method', async () => {
    const years: [number, number] = [2024, 2026];
    const raw = await countCareRecognitions(database.db, years);
    const rows = await database.db
      .selectFrom('talent_recognition_files as f')
      .innerJoin('talent_candidates as c', 'c.id', 'f.candidate_id')
      .select(['f.profession', 'f.status', 'f.requested_on', 'f.status_on', 'c.nationality'])
      .execute();
    const year = (date: string) => Number(date.slice(0, 4));
    const inYears = (y: number) => y >= years[0] && y <= years[1];
    for (const cell of raw.outcomes) {
      const expected = rows.filter((row) => {
        if (cell.profession !== TOTAL && row.profession !== cell.profession) return false;
        const final = row.status === 'RECOGNISED' || row.status === 'REFUSED';
        if (cell.measure === 'requested') return year(row.requested_on) === cell.year;
        if (cell.measure === 'pending') return !final && year(row.requested_on) === cell.year;
        return row.status.toLowerCase() === cell.measure && year(row.status_on) === cell.year;
      }).length;
      expect(cell.count, JSON.stringify(cell)).toBe(expected);
    }
    const requested2025 = raw.outcomes.find(
      (c) => c.year === 2025 && c.profession === TOTAL && c.measure === 'requested',
    );
    expect(requested2025?.count).toBe(rows.filter((row) => year(row.requested_on) === 2025).length);
    for (const cell of raw.inflow) {
      const expected = rows.filter(
        (row) =>
          year(row.requested_on) === cell.year &&
          row.profession === cell.profession &&
          (cell.nationality === TOTAL || row.nationality === cell.nationality),
      ).length;
      expect(cell.count, JSON.stringify(cell)).toBe(expected);
    }
    expect(raw.inflow.every((cell) => inYears(cell.year))).toBe(true);
    expect(raw.demoFiles).toBeGreaterThan(150);

    const answer = await supervisor.request('GET', '/api/v1/talent/care/report?from=2024&to=2026');
    expect(answer.statusCode, answer.body).toBe(200);
    const report = answer.json();
    for (const cell of raw.inflow) {
      const shown = report.inflow.find(
        (c: { year: number; profession: string; nationality: string }) =>
          c.year === cell.year && c.profession === cell.profession && c.nationality === cell.nationality,
      );
      expect(shown.files).toBe(perturbCount(cell.count, cell.keySum));
      if (shown.files !== null && shown.files !== 0)
        expect(shown.files).toBeGreaterThanOrEqual(PUBLISHED_MINIMUM);
    }
    // Small cells exist in the demo (one or two nurses of a nationality) and none is published as is.
    expect(raw.inflow.some((cell) => cell.count > 0 && cell.count < PUBLISHED_MINIMUM)).toBe(true);
    expect(report.authorisations.id).toBe('nursesByNationality');
    expect(report.seed.authorisations).toContainEqual({ year: 2022, profession: 'CARE_WORKER', count: 220 });
    expect((await analyst.request('GET', '/api/v1/talent/care/report')).statusCode).toBe(200);
    expect((await partner.request('GET', '/api/v1/talent/care/report')).statusCode).toBe(403);
    const bad = await analyst.request('GET', '/api/v1/talent/care/report?from=2026&to=2024');
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ path: 'from', rule: 'notAfterTo' })]);
  });

  it('erases the file with its candidate, on request', async () => {
    const id = await newNurse('WW-C-6');
    await partner.request('PUT', recognitionOf(id), file({ naricReference: 'NARIC-T-6' }));
    expect((await partner.request('DELETE', `/api/v1/talent/candidates/${id}`)).statusCode).toBe(204);
    const left = await database.db
      .selectFrom('talent_recognition_events')
      .select('id')
      .where('candidate_id', '=', id)
      .execute();
    expect(left).toHaveLength(0);
    expect(
      await database.db
        .selectFrom('talent_recognition_files')
        .select('candidate_id')
        .where('candidate_id', '=', id)
        .execute(),
    ).toHaveLength(0);
  });
});
