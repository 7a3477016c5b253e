import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { findPartnerOrganisation, listPartnerOrganisations } from '../partners/partners.repo.ts';
import { FieldChecks } from '../talent-input.ts';
import { EscoId } from '../talent-route-schemas.ts';
import {
  appendRevision,
  createPilot,
  DuplicatePilotCodeError,
  inputOf,
  lockPilot,
  replaceResults,
  replaceSpending,
  resultsOf,
  revisionsOf,
  updatePilot,
} from './pilot-admin.repo.ts';
import {
  byFigure,
  byYearAndFunder,
  changedFields,
  type PilotInput,
  pilotInputErrors,
  RESULT_FIGURES,
  vouchedFigures,
} from './pilot-admin.ts';
import { findPilot, spendingOf } from './pilots.repo.ts';

/**
 * Who records and edits the projects: the analyst, who already reads their reports and answers the
 * parliamentary questions about them (seed 000) from the same sources. The administrator manages
 * accounts and rule data, not policy figures; partners record participants, not the project. A
 * project carries no personal data (participants are apart), so no other role needs the write.
 */
const EDITORS = ['ANALYST'] as const;
const Strict = { additionalProperties: false } as const;
const IsoDate = Type.String({ format: 'date' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const PilotParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, Strict);

const fields = {
  name: Text(80),
  leadOrganisation: Text(120),
  partnerOrganisations: Type.Array(Text(120), { maxItems: 20 }),
  countries: Type.Array(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }), {
    minItems: 1,
    maxItems: 20,
  }),
  occupationIds: Type.Array(EscoId, { maxItems: 20, description: 'ESCO occupations (ids of data/esco)' }),
  funders: Type.Array(Text(40), { maxItems: 10 }),
  budgetEur: Type.Union([Type.Number({ minimum: 0, maximum: 1e12 }), Type.Null()]),
  startedOn: IsoDate,
  endedOn: Type.Union([IsoDate, Type.Null()]),
  targetParticipants: Type.Union([Count, Type.Null()]),
  targetPlaced: Type.Union([Count, Type.Null()]),
  results: Type.Array(
    Type.Object(
      {
        figure: Type.Enum([...RESULT_FIGURES]),
        value: Count,
        asOf: Type.String({ format: 'date', description: 'The day the figure holds for' }),
      },
      Strict,
    ),
    { maxItems: RESULT_FIGURES.length },
  ),
  // Optional so that an older client's save keeps what it does not send (the operator, spending).
  operatorId: Type.Optional(
    Type.Union([
      Type.String({ format: 'uuid', description: 'The partner organisation that runs it' }),
      Type.Null(),
    ]),
  ),
  spending: Type.Optional(
    Type.Array(
      Type.Object(
        {
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          funder: Text(40),
          amountEur: Type.Number({ minimum: 0, maximum: 1e12 }),
        },
        Strict,
      ),
      { maxItems: 60, description: 'What the project spent, per year and funder' },
    ),
  ),
};
type PilotBodyInput = Omit<PilotInput, 'operatorId' | 'spending'> &
  Partial<Pick<PilotInput, 'operatorId' | 'spending'>>;
const PilotBody = Type.Object(fields, Strict);
const NewPilotBody = Type.Object(
  { code: Type.String({ pattern: '^[A-Z0-9-]{2,20}$', description: 'e.g. PALIM' }), ...fields },
  Strict,
);

/** Recruitment pilots recorded and edited by analysts (issue 17; docs/talent.md), with their history. */
export async function pilotAdminRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date },
): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const userOf = (request: FastifyRequest) => request.user as User;

  /**
   * Every check of the input at once: the schema's, then the catalogue's and the project's own. A
   * newly chosen operator must be an active partner organisation; one chosen before and since
   * deactivated may stay (the project's history does not change with the organisation).
   */
  async function check(
    request: FastifyRequest,
    input: PilotInput,
    currentOperatorId: string | null,
  ): Promise<FieldChecks> {
    const checks = new FieldChecks(request.lang);
    input.occupationIds.forEach((id, index) => {
      checks.occupation(`occupationIds[${index}]`, id);
    });
    for (const error of pilotInputErrors(input, today()))
      checks.fail(error.path, error.rule, error.key, error.params);
    if (input.operatorId !== null && input.operatorId !== currentOperatorId) {
      const operator = await findPartnerOrganisation(db(), input.operatorId);
      if (!operator?.active) checks.fail('operatorId', 'activePartner', 'pilotAdmin.operatorInactive');
    }
    return checks;
  }

  const clean = (body: PilotBodyInput, before: PilotInput | null): PilotInput => ({
    ...body,
    name: body.name.trim(),
    leadOrganisation: body.leadOrganisation.trim(),
    partnerOrganisations: body.partnerOrganisations.map((s) => s.trim()),
    funders: body.funders.map((s) => s.trim()),
    operatorId: body.operatorId === undefined ? (before?.operatorId ?? null) : body.operatorId,
    spending:
      body.spending === undefined
        ? (before?.spending ?? [])
        : body.spending.map((row) => ({ ...row, funder: row.funder.trim() })),
  });

  /** The project as saved now, in the form's fields. */
  async function savedInput(trx: typeof options.database.db, id: string): Promise<PilotInput | null> {
    const pilot = await findPilot(trx, id);
    if (!pilot) return null;
    const [results, spending] = await Promise.all([resultsOf(trx, [id]), spendingOf(trx, id)]);
    return inputOf(pilot, results.get(id) ?? [], spending);
  }
  // As kept in a revision: results in the figures' order (the checks name the caller's own order).
  const asSaved = (input: PilotInput): PilotInput => ({
    ...input,
    results: [...input.results].sort(byFigure),
    spending: [...input.spending].sort(byYearAndFunder),
  });

  app.get(
    '/api/v1/talent/pilot-operators',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags: ['talent'],
        summary: 'The active partner organisations an analyst may choose as a pilot’s operator',
      },
    },
    async () => {
      const organisations = await listPartnerOrganisations(db());
      return {
        operators: organisations
          .filter((organisation) => organisation.active)
          .map(({ id, name, kind }) => ({ id, name, kind })),
      };
    },
  );

  app.post(
    '/api/v1/talent/pilots',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags: ['talent'],
        summary:
          'Record a recruitment pilot: partners, countries, funders, period, ESCO occupations, targets and dated results',
        body: NewPilotBody,
      },
    },
    async (request, reply) => {
      const { code, ...body } = request.body as PilotBodyInput & { code: string };
      const input = clean(body, null);
      const checks = await check(request, input, null);
      checks.throwIfAny();
      const user = userOf(request);
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const made = await createPilot(trx, code, input, vouchedFigures(input, []));
          await replaceResults(trx, made, input.results);
          await replaceSpending(trx, made, input.spending);
          await appendRevision(trx, {
            pilotId: made,
            changedBy: user.id,
            changedFields: ['created'],
            snapshot: asSaved(input),
          });
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'PILOT_CREATED',
            subjectType: 'recruitment_pilot',
            subjectId: made,
            requestId: String(request.id),
            details: { code },
          });
          return made;
        })
        .catch((error: unknown) => {
          if (!(error instanceof DuplicatePilotCodeError)) throw error;
          checks.fail('code', 'unique', 'pilotAdmin.codeTaken');
          return checks.throwIfAny() as never;
        });
      return reply.code(201).send({ pilot: { id, code } });
    },
  );

  app.put(
    '/api/v1/talent/pilots/:id',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags: ['talent'],
        summary: 'Edit a recruitment pilot (its code stays); saving the same again changes nothing',
        params: PilotParams,
        body: PilotBody,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const current = await savedInput(db(), id);
      if (!current) throw new LoketError('LOKET_NOT_FOUND');
      const body = request.body as PilotBodyInput;
      const user = userOf(request);
      const changed = await db()
        .transaction()
        .execute(async (trx) => {
          await lockPilot(trx, id);
          const pilot = await findPilot(trx, id);
          const before = await savedInput(trx, id);
          if (!pilot || !before) throw new LoketError('LOKET_NOT_FOUND');
          // What the body leaves out is kept as it is now (read under the lock).
          const input = clean(body, before);
          (await check(request, input, current.operatorId)).throwIfAny();
          const fieldsChanged = changedFields(before, input);
          // A retry of a save already made (a lost answer) changes nothing and leaves no revision.
          if (fieldsChanged.length === 0) return fieldsChanged;
          await updatePilot(trx, id, input, vouchedFigures(input, pilot.sourcedFigures));
          await replaceResults(trx, id, input.results);
          await replaceSpending(trx, id, input.spending);
          await appendRevision(trx, {
            pilotId: id,
            changedBy: user.id,
            changedFields: fieldsChanged,
            snapshot: asSaved(input),
          });
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'PILOT_UPDATED',
            subjectType: 'recruitment_pilot',
            subjectId: id,
            requestId: String(request.id),
            details: { changedFields: fieldsChanged },
          });
          return fieldsChanged;
        });
      return { pilot: { id }, changedFields: changed };
    },
  );

  app.get(
    '/api/v1/talent/pilots/:id/history',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags: ['talent'],
        summary: "A pilot's revisions, newest first: when, by whom, which fields, and the project as saved",
        params: PilotParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      if (!(await findPilot(db(), id))) throw new LoketError('LOKET_NOT_FOUND');
      const revisions = await revisionsOf(db(), id);
      // Staff names are personal data: the read is audited like the accounts list.
      await recordAuditEvent(db(), {
        actorUserId: userOf(request).id,
        action: 'PILOT_HISTORY_READ',
        subjectType: 'recruitment_pilot',
        subjectId: id,
        requestId: String(request.id),
        details: { revisions: revisions.length },
      });
      return { revisions };
    },
  );
}
