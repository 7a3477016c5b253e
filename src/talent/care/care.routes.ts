import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { Lang } from '../../i18n/languages.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { type Candidate, findCandidate, partnerOfUser } from '../talent.repo.ts';
import { FieldChecks } from '../talent-input.ts';
import { candidateView } from '../talent-views.ts';
import { careReport } from './care-report.ts';
import { interimCareFunction } from './interim-function.ts';
import {
  DuplicateNaricReferenceError,
  findRecognitionFile,
  type RecognitionFile,
  recognitionEvents,
  saveRecognitionFile,
} from './recognition.repo.ts';
import {
  CARE_PROFESSIONS,
  type CareProfession,
  isAllowedTransition,
  NEXT_STATUSES,
  RECOGNITION_STATUSES,
  type RecognitionStatus,
} from './recognition-model.ts';

const Strict = { additionalProperties: false } as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const IsoDate = Type.String({ format: 'date' });
const FIRST_REPORT_YEAR = 2019;
/** A year of the report, 2019 to 2099 (query strings are not coerced: a pattern). */
const Year = Type.String({ pattern: '^20(19|[2-9][0-9])$' });
/** A recognition message of validation.talent (src/i18n/catalogues). */
const key = (name: string) => `recognition.${name}`;

const RecognitionBody = Type.Object(
  {
    naricReference: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._/-]+$' }),
    profession: Type.Enum([...CARE_PROFESSIONS]),
    status: Type.Enum([...RECOGNITION_STATUSES]),
    requestedOn: IsoDate,
    statusOn: IsoDate,
  },
  Strict,
);
type RecognitionInput = {
  naricReference: string;
  profession: CareProfession;
  status: RecognitionStatus;
  requestedOn: string;
  statusOn: string;
};

/** The file as its partner sees it, with what the candidate may do while waiting (from the rules). */
function fileView(file: RecognitionFile | null, today: string, lang: Lang) {
  if (!file) return null;
  return {
    naricReference: file.naricReference,
    profession: file.profession,
    status: file.status,
    requestedOn: file.requestedOn,
    statusOn: file.statusOn,
    isDemo: file.isDemo,
    next: NEXT_STATUSES[file.status],
    interim: interimCareFunction(file.profession, file.status, today, lang),
  };
}

/**
 * The care-sector pipeline (issue 17, seed 004; docs/talent.md#care-sector-pipeline): a partner
 * records and updates the NARIC recognition file of its own candidates; the service's supervisors
 * and analysts read the pipeline's figures, protected like open data.
 */
export async function careRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date },
): Promise<void> {
  const db = () => options.database.db;
  const today = () => brusselsDate(options.now());

  /** The partner's own candidate; another partner's is "not found" (no probing of ids). */
  async function reachCandidate(request: FastifyRequest): Promise<Candidate> {
    const partner = await partnerOfUser(db(), (request.user as User).id);
    if (!partner) throw new LoketError('LOKET_FORBIDDEN');
    const candidate = await findCandidate(db(), (request.params as { id: string }).id);
    if (!candidate || candidate.partnerId !== partner.id) throw new LoketError('LOKET_NOT_FOUND');
    return candidate;
  }

  app.get(
    '/api/v1/talent/candidates/:id/recognition',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary:
          "One of the partner's candidates with the diploma's recognition file (NARIC), its history and the interim care function the rules allow while waiting",
        params: IdParams,
      },
    },
    async (request) => {
      const candidate = await reachCandidate(request);
      const file = await findRecognitionFile(db(), candidate.id);
      return {
        candidate: candidateView(candidate, request.lang),
        file: fileView(file, today(), request.lang),
        history: file ? await recognitionEvents(db(), candidate.id) : [],
        // What a new file of each profession would allow now: the form shows it before saving.
        interimIfPending: Object.fromEntries(
          CARE_PROFESSIONS.map((p) => [p, interimCareFunction(p, 'REQUESTED', today(), request.lang)]),
        ),
      };
    },
  );

  app.put(
    '/api/v1/talent/candidates/:id/recognition',
    {
      config: { access: ['PARTNER'] },
      schema: {
        tags: ['talent'],
        summary:
          "Record or update the candidate's recognition file: NARIC reference, profession, status and its dates (a status follows only the ones allowed after the current one)",
        params: IdParams,
        body: RecognitionBody,
      },
    },
    async (request) => {
      const candidate = await reachCandidate(request);
      const body = request.body as RecognitionInput;
      const on = today();
      const previous = await findRecognitionFile(db(), candidate.id);
      const checks = new FieldChecks(request.lang);
      const regulated = (getDefaultRuleData().parameters.resolve('profession.regulatedCareIscoCodes', on)
        ?.value ?? []) as string[];
      if (!candidate.iscoCodes.some((code) => regulated.includes(code)))
        checks.fail('profession', 'careOccupation', key('careOccupation'));
      if (body.requestedOn > on) checks.fail('requestedOn', 'notInFuture', key('notInFuture'));
      if (body.statusOn > on) checks.fail('statusOn', 'notInFuture', key('notInFuture'));
      if (body.statusOn < body.requestedOn)
        checks.fail('statusOn', 'notBeforeRequest', key('beforeRequest'), { date: body.requestedOn });
      if (previous && !isAllowedTransition(previous.status, body.status))
        checks.fail('status', 'transition', key('notNext'), { status: previous.status });
      else if (previous && previous.status !== body.status && body.statusOn < previous.statusOn)
        checks.fail('statusOn', 'notBeforePrevious', key('beforePrevious'), { date: previous.statusOn });
      checks.throwIfAny();
      const user = request.user as User;
      try {
        await db()
          .transaction()
          .execute(async (trx) => {
            await saveRecognitionFile(
              trx,
              { ...body, candidateId: candidate.id, partnerId: candidate.partnerId, recordedBy: user.id },
              previous,
            );
            await recordAuditEvent(trx, {
              actorUserId: user.id,
              action: 'TALENT_RECOGNITION_RECORDED',
              subjectType: 'talent_candidate',
              subjectId: candidate.id,
              requestId: String(request.id),
              details: {
                partnerId: candidate.partnerId,
                from: previous?.status ?? null,
                to: body.status,
                statusOn: body.statusOn,
              },
            });
          });
      } catch (error) {
        if (!(error instanceof DuplicateNaricReferenceError)) throw error;
        const taken = new FieldChecks(request.lang);
        taken.fail('naricReference', 'unique', key('naricTaken'));
        taken.throwIfAny();
      }
      const file = await findRecognitionFile(db(), candidate.id);
      return { file: fileView(file, on, request.lang), history: await recognitionEvents(db(), candidate.id) };
    },
  );

  app.get(
    '/api/v1/talent/care/report',
    {
      config: { access: ['SUPERVISOR', 'ANALYST'] },
      schema: {
        tags: ['talent'],
        summary:
          'The care pipeline per year: recognition files by nationality and profession, requests and outcomes, next to the nurses and care workers authorised; every count protected by the cell-key method',
        querystring: Type.Object(
          {
            from: Type.Optional(Year),
            to: Type.Optional(Year),
          },
          Strict,
        ),
      },
    },
    async (request) => {
      const query = request.query as { from?: string; to?: string };
      const thisYear = Number(today().slice(0, 4));
      const to = query.to ? Number(query.to) : thisYear;
      const from = query.from ? Number(query.from) : Math.max(FIRST_REPORT_YEAR, to - 5);
      if (from > to) {
        const checks = new FieldChecks(request.lang);
        checks.fail('from', 'notAfterTo', key('fromAfterTo'));
        checks.throwIfAny();
      }
      return careReport(db(), [from, to]);
    },
  );
}
