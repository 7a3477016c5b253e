import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { User } from '../auth/users.repo.ts';
import { OPEN_STATUSES } from '../dossiers/dossiers.repo.ts';
import { translate } from '../i18n/translate.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { brusselsDate } from '../server/today.ts';
import {
  ADDRESSEES,
  employerDossiers,
  employerInspections,
  employerReports,
  employerRisk,
  FINDING_TYPES,
  type InspectionInput,
  latestRun,
  listWorkList,
  OUTCOMES,
  openRun,
  recordInspection,
  requestRun,
} from './enforcement.repo.ts';
import { evidenceOf } from './evidence.repo.ts';
import { riskParametersOn } from './risk-parameters.ts';
import { scoringRules } from './score-rules.ts';

/**
 * The inspector's side (issue 14): the ranked work list of the latest monitoring run, an employer's
 * file (signals with their evidence, dossiers, inspections), asking for a run, and recording an
 * inspection with its referrals. Inspectors only: an employer never sees a signal or an inspection.
 * Every read of an employer's file is audited (it holds workers' data).
 */

const INSPECTOR = ['INSPECTOR'] as const;
const ENTERPRISE_NUMBER = Type.String({ pattern: '^[01][0-9]{9}$', description: 'KBO number, 10 digits' });
const literalUnion = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)));

const WorkListQuery = Type.Object(
  {
    province: Type.Optional(Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Z_]+$' })),
    nace: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'NACE-BEL division (2 digits)' })),
    minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

/**
 * The filters as people type them: " 49 " is division 49, and a filter left blank is no filter.
 * Trimmed before the schema judges them, so only a real mistake is answered 400.
 */
async function trimWorkListFilters(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown>;
  for (const name of ['province', 'nace']) {
    const value = query[name];
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    if (trimmed === '') delete query[name];
    else query[name] = trimmed;
  }
}

const EmployerParams = Type.Object({ enterpriseNumber: ENTERPRISE_NUMBER }, { additionalProperties: false });

const InspectionBody = Type.Object(
  {
    origin: literalUnion(['SIGNAL', 'REPORT', 'OTHER'] as const),
    inspectedOn: Type.String({ format: 'date' }),
    findings: Type.Array(
      Type.Object(
        { type: literalUnion(FINDING_TYPES), description: Type.String({ minLength: 1, maxLength: 2_000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    fineProposedEuro: Type.Optional(
      Type.Union([Type.Number({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
    ),
    outcome: literalUnion(OUTCOMES),
    referrals: Type.Array(
      Type.Object(
        { addressee: literalUnion(ADDRESSEES), referredOn: Type.String({ format: 'date' }) },
        { additionalProperties: false },
      ),
      { maxItems: 2 },
    ),
    idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9._-]+$' })),
  },
  { additionalProperties: false },
);

export async function enforcementRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date },
): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());

  app.get(
    '/api/v1/enforcement/work-list',
    {
      config: { access: [...INSPECTOR] },
      preValidation: trimWorkListFilters,
      schema: {
        tags: ['enforcement'],
        summary:
          "The inspector's work list: employers ranked by risk score in the latest monitoring run, with the score's parts",
        querystring: WorkListQuery,
      },
    },
    async (request) => {
      const query = request.query as {
        province?: string;
        nace?: string;
        minScore?: number;
        limit?: number;
        offset?: number;
      };
      const [run, open] = await Promise.all([latestRun(db()), openRun(db())]);
      const page = run
        ? await listWorkList(db(), run.id, {
            ...(query.province ? { province: query.province } : {}),
            ...(query.nace ? { naceDivision: query.nace } : {}),
            ...(query.minScore !== undefined ? { minScore: query.minScore } : {}),
            limit: query.limit ?? 50,
            offset: query.offset ?? 0,
          })
        : { rows: [], total: 0 };
      await recordAuditEvent(db(), {
        actorUserId: (request.user as User).id,
        action: 'RISK_WORK_LIST_READ',
        subjectType: 'risk_monitoring_run',
        ...(run ? { subjectId: run.id } : {}),
        requestId: String(request.id),
        details: { employers: page.rows.length, offset: query.offset ?? 0 },
      });
      return {
        run: run
          ? {
              id: run.id,
              readOn: run.read_on,
              finishedAt: run.finished_at,
              trigger: run.trigger,
              summary: run.summary,
            }
          : null,
        openRun: open ? { id: open.id, status: open.status } : null,
        total: page.total,
        employers: page.rows.map((row) => ({
          enterpriseNumber: row.enterprise_number,
          name: row.enterprise_name,
          naceCode: row.nace_code,
          province: row.province,
          score: row.score,
          parts: row.parts,
        })),
      };
    },
  );

  app.post(
    '/api/v1/enforcement/monitoring-runs',
    {
      config: { access: [...INSPECTOR] },
      schema: {
        tags: ['enforcement'],
        summary:
          'Ask for a monitoring run now (the job picks it up within a minute); an open run is the answer when there is one',
      },
    },
    async (request, reply) => {
      const user = request.user as User;
      const run = await requestRun(db(), { trigger: 'ON_DEMAND', requestedBy: user.id, readOn: today() });
      if (run.isNew) {
        await recordAuditEvent(db(), {
          actorUserId: user.id,
          action: 'RISK_MONITORING_REQUESTED',
          subjectType: 'risk_monitoring_run',
          subjectId: run.id,
          requestId: String(request.id),
        });
      }
      return reply.code(202).send({ id: run.id, isNew: run.isNew });
    },
  );

  app.get(
    '/api/v1/enforcement/employers/:enterpriseNumber',
    {
      config: { access: [...INSPECTOR] },
      schema: {
        tags: ['enforcement'],
        summary:
          "An employer's file: score and parts, signals with what was compared, its dossiers and earlier inspections",
        params: EmployerParams,
      },
    },
    async (request) => {
      const { enterpriseNumber } = request.params as { enterpriseNumber: string };
      const run = await latestRun(db());
      // The evidence follows its inspections, beside the other reads rather than after all of them.
      const inspectionsWithEvidence = employerInspections(db(), enterpriseNumber).then(async (found) => ({
        found,
        evidence: await evidenceOf(
          db(),
          found.map((i) => i.id),
        ),
      }));
      const [risk, dossiers, { found: inspections, evidence }, reports] = await Promise.all([
        run
          ? employerRisk(db(), run.id, enterpriseNumber)
          : Promise.resolve({ score: undefined, signals: [] }),
        employerDossiers(db(), enterpriseNumber),
        inspectionsWithEvidence,
        employerReports(db(), enterpriseNumber),
      ]);
      if (!risk.score && dossiers.length === 0 && inspections.length === 0 && reports.length === 0)
        throw new LoketError('LOKET_NOT_FOUND');
      await recordAuditEvent(db(), {
        actorUserId: (request.user as User).id,
        action: 'RISK_EMPLOYER_FILE_READ',
        subjectType: 'enterprise',
        subjectId: enterpriseNumber,
        requestId: String(request.id),
        details: {
          signals: risk.signals.length,
          dossiers: dossiers.length,
          inspections: inspections.length,
          reports: reports.length,
        },
      });
      return {
        enterpriseNumber,
        name: risk.score?.enterprise_name ?? null,
        naceCode: risk.score?.nace_code ?? null,
        province: risk.score?.province ?? null,
        readOn: run?.read_on ?? null,
        score: risk.score?.score ?? 0,
        parts: risk.score?.parts ?? [],
        // How the score is made, from the parameters the run itself applied (its day of reading).
        scoring: scoringRules(riskParametersOn(run?.read_on ?? today())),
        signals: risk.signals.map((s) => ({
          kind: s.kind,
          dossierId: s.dossier_id,
          points: s.points,
          facts: s.facts,
          rule: s.rule,
        })),
        dossiers: dossiers.map((d) => ({
          id: d.id,
          number: d.number,
          category: d.category,
          status: d.status,
          validFrom: d.valid_from,
          validUntil: d.valid_until,
          workerFamilyName: d.worker_family_name,
          withdrawalOpen: d.withdrawal_open,
          // Still being handled: an inspector may propose refusal grounds for it.
          pending: (OPEN_STATUSES as readonly string[]).includes(d.status),
        })),
        reports: reports.map((r) => ({
          id: r.id,
          reference: r.reference,
          receivedOn: r.received_on,
          status: r.status,
          categories: r.categories,
        })),
        inspections: inspections.map((i) => ({
          id: i.id,
          origin: i.origin,
          inspectedOn: i.inspected_on,
          findings: i.findings,
          fineProposedEuro: i.fine_proposed_cents === null ? null : i.fine_proposed_cents / 100,
          outcome: i.outcome,
          inspector: i.inspector,
          referrals: i.referrals.map((r) => ({ addressee: r.addressee, referredOn: r.referred_on })),
          evidence: evidence
            .filter((e) => e.inspection_id === i.id)
            .map((e) => ({
              id: e.id,
              fileName: e.file_name,
              mediaType: e.media_type,
              sizeBytes: e.size_bytes,
              addedAt: e.added_at.toISOString(),
            })),
        })),
      };
    },
  );

  app.post(
    '/api/v1/enforcement/employers/:enterpriseNumber/inspections',
    {
      config: { access: [...INSPECTOR] },
      schema: {
        tags: ['enforcement'],
        summary:
          'Record an inspection: date, findings by type, fine proposed, outcome (a proposed withdrawal goes to the withdrawal procedure) and referrals',
        params: EmployerParams,
        body: InspectionBody,
      },
    },
    async (request, reply) => {
      const { enterpriseNumber } = request.params as { enterpriseNumber: string };
      const body = request.body as {
        origin: InspectionInput['origin'];
        inspectedOn: string;
        findings: InspectionInput['findings'];
        fineProposedEuro?: number | null;
        outcome: InspectionInput['outcome'];
        referrals: InspectionInput['referrals'];
        idempotencyKey?: string;
      };
      const problems: Array<{ path: string; rule: string; message: string }> = [];
      if (body.inspectedOn > today())
        problems.push({
          path: 'inspectedOn',
          rule: 'maximum',
          message: translate(request.lang, 'validation.maximum', { limit: today() }),
        });
      for (const [index, referral] of body.referrals.entries()) {
        if (referral.referredOn < body.inspectedOn)
          problems.push({
            path: `referrals/${index}/referredOn`,
            rule: 'minimum',
            message: translate(request.lang, 'validation.minimum', { limit: body.inspectedOn }),
          });
      }
      const fine = body.fineProposedEuro ?? null;
      if (body.outcome === 'FINE_PROPOSED' && (fine === null || fine <= 0))
        problems.push({
          path: 'fineProposedEuro',
          rule: 'required',
          message: translate(request.lang, 'validation.required'),
        });
      if (problems.length > 0) throw new LoketError('LOKET_VALIDATION_FAILED', {}, problems);
      const user = request.user as User;
      const result = await recordInspection(
        db(),
        {
          enterpriseNumber,
          origin: body.origin,
          inspectedOn: body.inspectedOn,
          findings: body.findings,
          fineProposedCents: fine === null ? null : Math.round(fine * 100),
          outcome: body.outcome,
          referrals: body.referrals,
          idempotencyKey: body.idempotencyKey ?? null,
        },
        user.id,
        (trx, inspectionId) =>
          recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'INSPECTION_RECORDED',
            subjectType: 'enterprise',
            subjectId: enterpriseNumber,
            requestId: String(request.id),
            // Findings may name people: the trail keeps their types, the inspection keeps the text.
            details: {
              inspectionId,
              outcome: body.outcome,
              findingTypes: body.findings.map((f) => f.type),
              referrals: body.referrals.map((r) => r.addressee),
            },
          }),
      );
      return reply.code(result.isNew ? 201 : 200).send({ id: result.id });
    },
  );
}
