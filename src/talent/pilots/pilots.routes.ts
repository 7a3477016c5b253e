import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { findPartnerOrganisation } from '../partners/partners.repo.ts';
import { partnerOfUser } from '../talent.repo.ts';
import { FieldChecks } from '../talent-input.ts';
import { resultsOf } from './pilot-admin.repo.ts';
import {
  checkStageChange,
  DROP_REASONS,
  type DropReason,
  PILOT_STAGES,
  type PilotStage,
} from './pilot-model.ts';
import { pilotReport, pilotSummary } from './pilot-views.ts';
import {
  DuplicateParticipantError,
  findParticipantDossier,
  findPilot,
  insertParticipant,
  listParticipants,
  listPilots,
  lockParticipant,
  type Pilot,
  progressOf,
  recordDropOut,
  recordStage,
  spendingOf,
} from './pilots.repo.ts';

/** Who reads the projects' reports: the service's staff who evaluate them, and the partners. */
const READERS = ['ANALYST', 'ADMIN', 'SUPERVISOR', 'PARTNER'] as const;
const Strict = { additionalProperties: false } as const;
const IsoDate = Type.String({ format: 'date' });
const PilotParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, Strict);
const ParticipantParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), participantId: Type.String({ format: 'uuid' }) },
  Strict,
);

const NewParticipantBody = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._/-]+$' }),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    educationVks: Type.Integer({ minimum: 1, maximum: 8, description: 'VKS level' }),
    selectedOn: IsoDate,
  },
  Strict,
);

const StageBody = Type.Object(
  {
    stage: Type.Enum([...PILOT_STAGES]),
    reachedOn: IsoDate,
    dossierNumber: Type.Optional(
      Type.String({
        pattern: '^VL-[0-9]{4}-[0-9]{6}$',
        description: 'The permit dossier, e.g. VL-2026-000042',
      }),
    ),
    workerFamilyName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        pattern: '\\S',
        description: "The worker's family name as in the dossier (checked, never stored)",
      }),
    ),
  },
  Strict,
);

const DropOutBody = Type.Object({ reason: Type.Enum([...DROP_REASONS]), on: IsoDate }, Strict);

/**
 * Recruitment pilots (issue 17; docs/talent.md): the projects' reports for the service and the
 * partners, and for the partner that runs a project, its participants' progress.
 */
export async function pilotRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date },
): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());
  const userOf = (request: FastifyRequest) => request.user as User;

  async function reachPilot(request: FastifyRequest): Promise<Pilot> {
    const pilot = await findPilot(db(), (request.params as { id: string }).id);
    if (!pilot) throw new LoketError('LOKET_NOT_FOUND');
    return pilot;
  }

  /** Only the partner organisation that runs the project records its participants. */
  async function isRunBy(request: FastifyRequest, pilot: Pilot): Promise<boolean> {
    const user = userOf(request);
    if (user.role !== 'PARTNER' || pilot.partnerId === null) return false;
    return (await partnerOfUser(db(), user.id))?.id === pilot.partnerId;
  }

  async function reachOwnPilot(request: FastifyRequest): Promise<Pilot> {
    const pilot = await reachPilot(request);
    if (!(await isRunBy(request, pilot))) throw new LoketError('LOKET_FORBIDDEN');
    return pilot;
  }

  app.get(
    '/api/v1/talent/pilots',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['talent'],
        summary: 'Recruitment pilots with how far their participants got (no participant is named)',
      },
    },
    async (request) => {
      const user = userOf(request);
      const partnerId = user.role === 'PARTNER' ? ((await partnerOfUser(db(), user.id))?.id ?? null) : null;
      const pilots = await listPilots(db());
      const ids = pilots.map((pilot) => pilot.id);
      const [progress, results] = await Promise.all([progressOf(db(), ids), resultsOf(db(), ids)]);
      return {
        pilots: pilots.map((pilot) =>
          pilotSummary(pilot, progress.get(pilot.id) ?? [], request.lang, partnerId, results.get(pilot.id)),
        ),
      };
    },
  );

  app.get(
    '/api/v1/talent/pilots/:id',
    {
      config: { access: [...READERS] },
      schema: {
        tags: ['talent'],
        summary:
          "A pilot's report: stages reached and left (with reasons), participants per year, country and education level, spending; its participants for the partner that runs it",
        params: PilotParams,
      },
    },
    async (request) => {
      const pilot = await reachPilot(request);
      const own = await isRunBy(request, pilot);
      const [progress, spending, participants, results, operator] = await Promise.all([
        progressOf(db(), [pilot.id]),
        spendingOf(db(), pilot.id),
        own ? listParticipants(db(), pilot.id) : Promise.resolve(null),
        resultsOf(db(), [pilot.id]),
        pilot.partnerId === null
          ? Promise.resolve(undefined)
          : findPartnerOrganisation(db(), pilot.partnerId),
      ]);
      if (own)
        await recordAuditEvent(db(), {
          actorUserId: userOf(request).id,
          action: 'PILOT_PARTICIPANTS_READ',
          subjectType: 'recruitment_pilot',
          subjectId: pilot.id,
          requestId: String(request.id),
        });
      return pilotReport(
        pilot,
        progress.get(pilot.id) ?? [],
        spending,
        participants,
        request.lang,
        results.get(pilot.id),
        operator ? { id: operator.id, name: operator.name } : null,
      );
    },
  );

  app.post(
    '/api/v1/talent/pilots/:id/participants',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary: "Record a participant of a pilot the caller's organisation runs (its own file reference)",
        params: PilotParams,
        body: NewParticipantBody,
      },
    },
    async (request, reply) => {
      const pilot = await reachOwnPilot(request);
      if (!(await partnerOfUser(db(), userOf(request).id))?.active)
        throw new LoketError('LOKET_PARTNER_INACTIVE');
      const body = request.body as {
        reference: string;
        country: string;
        educationVks: number;
        selectedOn: string;
      };
      const checks = new FieldChecks(request.lang);
      if (body.selectedOn > today()) checks.fail('selectedOn', 'notInFuture', 'pilotDateInFuture');
      if (body.selectedOn < pilot.startedOn)
        checks.fail('selectedOn', 'notBeforeProject', 'pilotBeforeProject', { date: pilot.startedOn });
      checks.throwIfAny();
      const user = userOf(request);
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const made = await insertParticipant(trx, { pilotId: pilot.id, ...body }, user.id);
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'PILOT_PARTICIPANT_RECORDED',
            subjectType: 'recruitment_pilot_participant',
            subjectId: made,
            requestId: String(request.id),
            details: { pilotId: pilot.id },
          });
          return made;
        })
        .catch((error: unknown) => {
          if (!(error instanceof DuplicateParticipantError)) throw error;
          checks.fail('reference', 'unique', 'pilotReferenceTaken');
          return checks.throwIfAny() as never;
        });
      return reply.code(201).send({ participant: { id } });
    },
  );

  app.post(
    '/api/v1/talent/pilots/:id/participants/:participantId/stage',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary:
          'Record the next stage a participant reached; a permit stage names the dossier (its number); repeating the current stage changes nothing',
        params: ParticipantParams,
        body: StageBody,
      },
    },
    async (request) => {
      const pilot = await reachOwnPilot(request);
      const { participantId } = request.params as { participantId: string };
      const body = request.body as {
        stage: PilotStage;
        reachedOn: string;
        dossierNumber?: string;
        workerFamilyName?: string;
      };
      const user = userOf(request);
      await db()
        .transaction()
        .execute(async (trx) => {
          const participant = await lockParticipant(trx, pilot.id, participantId);
          if (!participant) throw new LoketError('LOKET_NOT_FOUND');
          // A retry of a change already made (a lost answer) gets the same answer, nothing twice.
          if (participant.stage === body.stage && participant.droppedReason === null) return;
          const checks = new FieldChecks(request.lang);
          if (body.reachedOn > today()) checks.fail('reachedOn', 'notInFuture', 'pilotDateInFuture');
          if (body.reachedOn < participant.selectedOn)
            checks.fail('reachedOn', 'notBeforeSelection', 'pilotBeforeSelection', {
              date: participant.selectedOn,
            });
          if (body.dossierNumber && !body.workerFamilyName)
            checks.fail('workerFamilyName', 'required', 'pilotFamilyNameRequired');
          const dossier =
            body.dossierNumber && body.workerFamilyName
              ? await findParticipantDossier(trx, body.dossierNumber, body.workerFamilyName)
              : null;
          if (body.dossierNumber && body.workerFamilyName && !dossier)
            checks.fail('dossierNumber', 'exists', 'pilotDossierUnknown');
          const permit = dossier ?? participant.dossier;
          const change = checkStageChange(participant, body.stage, {
            // An unknown number is already answered above: one error per field.
            linked: permit !== null || body.dossierNumber !== undefined,
            granted: permit?.status === 'DECIDED_GRANTED',
          });
          if (!change.ok)
            checks.fail(
              change.rule === 'needsDossier' ? 'dossierNumber' : 'stage',
              change.rule,
              `pilot.${change.rule}`,
            );
          checks.throwIfAny();
          await recordStage(
            trx,
            participant.id,
            { stage: body.stage, reachedOn: body.reachedOn, dossierId: dossier?.id ?? null },
            user.id,
          );
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'PILOT_STAGE_RECORDED',
            subjectType: 'recruitment_pilot_participant',
            subjectId: participant.id,
            requestId: String(request.id),
            details: { pilotId: pilot.id, stage: body.stage, dossierId: dossier?.id ?? null },
          });
        });
      const participants = await listParticipants(db(), pilot.id);
      return { participant: participants.find((p) => p.id === participantId) };
    },
  );

  app.post(
    '/api/v1/talent/pilots/:id/participants/:participantId/drop-out',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary: 'Record that a participant left the project at their current stage, and why',
        params: ParticipantParams,
        body: DropOutBody,
      },
    },
    async (request) => {
      const pilot = await reachOwnPilot(request);
      const { participantId } = request.params as { participantId: string };
      const body = request.body as { reason: DropReason; on: string };
      const user = userOf(request);
      await db()
        .transaction()
        .execute(async (trx) => {
          const participant = await lockParticipant(trx, pilot.id, participantId);
          if (!participant) throw new LoketError('LOKET_NOT_FOUND');
          if (participant.droppedReason === body.reason) return;
          const checks = new FieldChecks(request.lang);
          if (participant.droppedReason !== null) checks.fail('reason', 'dropped', 'pilot.dropped');
          if (body.on > today()) checks.fail('on', 'notInFuture', 'pilotDateInFuture');
          if (body.on < participant.selectedOn)
            checks.fail('on', 'notBeforeSelection', 'pilotBeforeSelection', { date: participant.selectedOn });
          checks.throwIfAny();
          await recordDropOut(trx, participant.id, body.reason, body.on, user.id);
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'PILOT_DROP_OUT_RECORDED',
            subjectType: 'recruitment_pilot_participant',
            subjectId: participant.id,
            requestId: String(request.id),
            details: { pilotId: pilot.id, reason: body.reason, stage: participant.stage },
          });
        });
      const participants = await listParticipants(db(), pilot.id);
      return { participant: participants.find((p) => p.id === participantId) };
    },
  );
}
