import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
  PDF_BYTES,
} from '../../test/dossier-driver.ts';
import { multipartBody, type Session, signIn } from '../../test/test-app.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { createReport } from '../desk/desk.repo.ts';
import { riskParametersOn } from './risk-parameters.ts';
import { scoringRules } from './score-rules.ts';

const EMPLOYER = '0403170701';

describe('enforcement: the inspector reads signals, records inspections; nobody else does', () => {
  let world: DossierWorld;
  let inspector: Session;

  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-12-01T09:00:00Z'));
    inspector = await signIn(world.testApp.app, 'inspecteur', DEMO_PASSWORD);
    const db = world.database.db;
    const run = await db
      .insertInto('risk_monitoring_runs')
      .values({ trigger: 'SCHEDULE', requested_by: null, read_on: '2026-12-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('risk_monitoring_runs')
      .set({ status: 'SUCCEEDED', finished_at: new Date(), summary: { authorisations: 1 } })
      .where('id', '=', run.id)
      .execute();
    await db
      .insertInto('employer_risk_scores')
      .values({
        run_id: run.id,
        enterprise_number: EMPLOYER,
        enterprise_name: 'Bakkerij Peeters bv',
        nace_code: '10711',
        province: 'OOST_VLAANDEREN',
        score: 60,
        parts: JSON.stringify([
          { kind: 'EMPLOYER_NOT_ACTIVE', points: 60, authorisationId: null, counted: true },
        ]),
      })
      .execute();
    await db
      .insertInto('risk_signals')
      .values({
        run_id: run.id,
        enterprise_number: EMPLOYER,
        dossier_id: null,
        kind: 'EMPLOYER_NOT_ACTIVE',
        points: 60,
        facts: JSON.stringify([
          { name: 'enterpriseStatus', value: 'BANKRUPT', source: 'kbo', at: '2026-12-01T03:00:00Z' },
        ]),
        rule: { parameter: 'KBO status', value: 0, validFrom: '2025-01-01', legalBasis: 'BVR 7 Dec 2018' },
      })
      .execute();
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const audits = (action: string) =>
    world.database.db.selectFrom('audit_events').select('action').where('action', '=', action).execute();

  it('refuses the employer, the case handler and the supervisor', async () => {
    for (const session of [world.employer, world.caseHandler, world.supervisor]) {
      expect((await session.request('GET', '/api/v1/enforcement/work-list')).statusCode).toBe(403);
      expect((await session.request('GET', `/api/v1/enforcement/employers/${EMPLOYER}`)).statusCode).toBe(
        403,
      );
      const post = await session.request('POST', `/api/v1/enforcement/employers/${EMPLOYER}/inspections`, {
        origin: 'SIGNAL',
        inspectedOn: '2026-11-30',
        findings: [],
        outcome: 'NO_INFRINGEMENT',
        referrals: [],
      });
      expect(post.statusCode).toBe(403);
      expect((await session.request('POST', '/api/v1/enforcement/monitoring-runs', {})).statusCode).toBe(403);
    }
    expect(await world.database.db.selectFrom('risk_monitoring_runs').select('id').execute()).toHaveLength(1);
  });

  it("gives the inspector no more of a dossier than enforcement needs, and the desk's reports by reference, not their text", async () => {
    const driver = dossierDriver(world.employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    await driver.submit(draft.id);
    const report = await createReport(world.database.db, {
      lang: 'nl',
      reporterRole: 'WORKER',
      contact: 'ik@voorbeeld.example',
      employerName: 'Bakkerij Peeters',
      enterpriseNumber: EMPLOYER,
      place: 'Gent',
      categories: ['UNPAID_WAGES'],
      description: 'Wij krijgen de helft van het loon.',
      receivedOn: '2026-11-20',
    });
    const file = await inspector.request('GET', `/api/v1/enforcement/employers/${EMPLOYER}`);
    expect(file.statusCode).toBe(200);
    const [dossier] = file.json().dossiers;
    expect(Object.keys(dossier).sort()).toEqual(
      [
        'category',
        'id',
        'number',
        // Whether it is still being handled (refusal grounds may be proposed): not personal data.
        'pending',
        'status',
        'validFrom',
        'validUntil',
        'withdrawalOpen',
        'workerFamilyName',
      ].sort(),
    );
    expect(dossier).toMatchObject({
      id: draft.id,
      status: 'SUBMITTED',
      withdrawalOpen: false,
      pending: true,
    });
    expect(file.json().reports).toEqual([
      {
        id: report.id,
        reference: report.reference,
        receivedOn: '2026-11-20',
        status: 'RECEIVED',
        categories: ['UNPAID_WAGES'],
      },
    ]);
    expect(file.body).not.toContain('ik@voorbeeld.example');
    expect(file.body).not.toContain('helft van het loon');
    const read = await world.database.db
      .selectFrom('audit_events')
      .select(['subject_id', 'details'])
      .where('action', '=', 'RISK_EMPLOYER_FILE_READ')
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(read).toMatchObject({
      subject_id: EMPLOYER,
      details: expect.objectContaining({ reports: 1, dossiers: 1 }),
    });
  });

  it('shows the inspector the ranked list and the file with its evidence, and audits both reads', async () => {
    const list = await inspector.request('GET', '/api/v1/enforcement/work-list?province=OOST_VLAANDEREN');
    expect(list.statusCode).toBe(200);
    expect(list.json().employers).toEqual([
      expect.objectContaining({
        enterpriseNumber: EMPLOYER,
        score: 60,
        parts: [expect.objectContaining({ kind: 'EMPLOYER_NOT_ACTIVE' })],
      }),
    ]);
    const file = await inspector.request('GET', `/api/v1/enforcement/employers/${EMPLOYER}`);
    expect(file.statusCode).toBe(200);
    expect(file.json().signals[0].facts[0]).toEqual(
      expect.objectContaining({ value: 'BANKRUPT', source: 'kbo' }),
    );
    expect(await audits('RISK_WORK_LIST_READ')).toHaveLength(1);
    expect((await audits('RISK_EMPLOYER_FILE_READ')).length).toBeGreaterThanOrEqual(1);
  });

  it('records an inspection with a proposed withdrawal and a referral, once per idempotency key', async () => {
    const missingFine = await inspector.request(
      'POST',
      `/api/v1/enforcement/employers/${EMPLOYER}/inspections`,
      {
        origin: 'SIGNAL',
        inspectedOn: '2026-11-30',
        findings: [{ type: 'WAGES', description: 'Loon onder de belofte' }],
        outcome: 'FINE_PROPOSED',
        referrals: [],
      },
    );
    expect(missingFine.statusCode).toBe(400);
    expect(missingFine.json().error.fields).toEqual([
      expect.objectContaining({ path: 'fineProposedEuro', rule: 'required' }),
    ]);
    const body = {
      origin: 'SIGNAL',
      inspectedOn: '2026-11-30',
      findings: [
        { type: 'WAGES', description: 'Loon onder de belofte' },
        { type: 'HOUSING', description: 'Acht werknemers op één adres' },
      ],
      fineProposedEuro: 2400,
      outcome: 'WITHDRAWAL_PROPOSED',
      referrals: [{ addressee: 'HOUSING_INSPECTION', referredOn: '2026-12-01' }],
      idempotencyKey: 'inspection-0001',
    };
    const first = await inspector.request(
      'POST',
      `/api/v1/enforcement/employers/${EMPLOYER}/inspections`,
      body,
    );
    expect(first.statusCode).toBe(201);
    const again = await inspector.request(
      'POST',
      `/api/v1/enforcement/employers/${EMPLOYER}/inspections`,
      body,
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const file = await inspector.request('GET', `/api/v1/enforcement/employers/${EMPLOYER}`);
    expect(file.json().inspections).toEqual([
      expect.objectContaining({
        outcome: 'WITHDRAWAL_PROPOSED',
        fineProposedEuro: 2400,
        referrals: [{ addressee: 'HOUSING_INSPECTION', referredOn: '2026-12-01' }],
      }),
    ]);
    expect(await audits('INSPECTION_RECORDED')).toHaveLength(1);
  });
  it('keeps evidence files with an inspection: checked by content, audited, for inspectors only', async () => {
    const file = await inspector.request('GET', `/api/v1/enforcement/employers/${EMPLOYER}`);
    const inspectionId = file.json().inspections[0].id as string;
    const url = `/api/v1/enforcement/inspections/${inspectionId}/evidence`;
    const upload = (session: Session, name: string, type: string, content: Buffer) => {
      const { payload, headers } = multipartBody({}, { field: 'file', name, type, content });
      return session.request('POST', url, payload, headers);
    };
    const text = await upload(inspector, 'loonfiche.pdf', 'application/pdf', Buffer.from('not a pdf'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields[0]).toMatchObject({ path: 'file', rule: 'mediaType' });
    for (const session of [world.employer, world.caseHandler, world.supervisor])
      expect((await upload(session, 'x.pdf', 'application/pdf', PDF_BYTES)).statusCode).toBe(403);
    const added = await upload(inspector, 'loonfiche november.PDF', 'application/pdf', PDF_BYTES);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ fileName: 'loonfiche november.PDF', mediaType: 'application/pdf' });
    const unknown = `/api/v1/enforcement/inspections/00000000-0000-4000-8000-000000000000/evidence`;
    const { payload, headers } = multipartBody(
      {},
      { field: 'file', name: 'x.pdf', type: 'application/pdf', content: PDF_BYTES },
    );
    expect((await inspector.request('POST', unknown, payload, headers)).statusCode).toBe(404);

    const again = await inspector.request('GET', `/api/v1/enforcement/employers/${EMPLOYER}`);
    const evidence = again.json().inspections[0].evidence;
    expect(evidence).toEqual([expect.objectContaining({ id: added.json().id, sizeBytes: PDF_BYTES.length })]);
    const download = await inspector.request('GET', `${url}/${added.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF_BYTES)).toBe(true);
    expect(download.headers['content-disposition']).toContain('loonfiche november.PDF');
    expect((await world.employer.request('GET', `${url}/${added.json().id}`)).statusCode).toBe(403);
    expect(await audits('INSPECTION_EVIDENCE_ADDED')).toHaveLength(1);
    expect(await audits('INSPECTION_EVIDENCE_READ')).toHaveLength(1);
  });

  it('counts inspections from a signal and from a report for supervisors and analysts, never for an employer', async () => {
    const other = {
      origin: 'REPORT',
      inspectedOn: '2026-11-28',
      findings: [],
      outcome: 'NO_INFRINGEMENT',
      referrals: [],
      idempotencyKey: 'inspection-0002',
    };
    expect(
      (await inspector.request('POST', `/api/v1/enforcement/employers/${EMPLOYER}/inspections`, other))
        .statusCode,
    ).toBe(201);
    const answer = await world.supervisor.request('GET', '/api/v1/enforcement/inspection-statistics');
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      from: '2025-12-01',
      to: '2026-12-01',
      total: 2,
      byOrigin: { SIGNAL: 1, REPORT: 1, OTHER: 0 },
      withdrawalsProposed: 1,
    });
    expect(answer.json().rows).toEqual(
      expect.arrayContaining([
        {
          origin: 'SIGNAL',
          outcome: 'WITHDRAWAL_PROPOSED',
          // The place of employment of the employer's latest dossier, as the statistics (q8) read
          // it, not the monitoring run's: this employer has no dossier in Loket.
          province: 'UNKNOWN',
          naceDivision: '10',
          inspections: 1,
          findings: { WAGES: 1, WORKING_TIME: 0, HOUSING: 1, DOCUMENTS: 0, EXPLOITATION: 0 },
          finesProposed: 1,
          finesProposedEuro: 2400,
          referrals: 1,
        },
      ]),
    );
    expect(
      (
        await world.supervisor.request(
          'GET',
          '/api/v1/enforcement/inspection-statistics?from=2026-12-02&to=2026-12-01',
        )
      ).json().error.fields,
    ).toEqual([
      expect.objectContaining({
        path: 'from',
        rule: 'beforeTo',
        message: 'mag niet na het einde van de periode (01/12/2026) liggen',
      }),
    ]);
    expect(
      (await world.employer.request('GET', '/api/v1/enforcement/inspection-statistics')).statusCode,
    ).toBe(403);
    expect(await audits('INSPECTION_STATISTICS_READ')).toHaveLength(1);
  });

  it('reads the sector filter as typed: spaces aside, blank as no filter, a wrong one refused naming the field', async () => {
    const employersOf = async (query: string) => {
      const answer = await inspector.request('GET', `/api/v1/enforcement/work-list?${query}`);
      expect(answer.statusCode, query).toBe(200);
      return answer.json().employers.map((e: { enterpriseNumber: string }) => e.enterpriseNumber);
    };
    expect(await employersOf('nace=10')).toEqual([EMPLOYER]);
    expect(await employersOf('nace=%2010%20')).toEqual([EMPLOYER]);
    expect(await employersOf('nace=%2049%20')).toEqual([]);
    expect(await employersOf('nace=%20%20&province=%20OOST_VLAANDEREN')).toEqual([EMPLOYER]);
    for (const wrong of ['1x', '101', '1%200']) {
      const answer = await inspector.request('GET', `/api/v1/enforcement/work-list?nace=${wrong}`);
      expect(answer.statusCode, wrong).toBe(400);
      expect(answer.json().error.fields, wrong).toEqual([
        expect.objectContaining({ path: expect.stringContaining('nace'), rule: 'pattern' }),
      ]);
    }
  });

  it('sends with the file how its score is made: the weights the run applied, the same the scorer reads', async () => {
    const file = (await inspector.request('GET', `/api/v1/enforcement/employers/${EMPLOYER}`)).json();
    const params = riskParametersOn('2026-12-01');
    expect(file.scoring).toEqual(scoringRules(params));
    expect(file.scoring).toMatchObject({
      validFrom: params.points.validFrom,
      countedDossiers: params.countedDossiers.value,
      wageGapPerPoint: params.points.value.WAGE_GAP_PER_POINT,
      sharedAddressPerExtraWorker: params.points.value.SHARED_ADDRESS_PER_EXTRA_WORKER,
    });
    expect(file.scoring.points.EMPLOYER_NOT_ACTIVE).toBe(file.parts[0].points);
  });
});
