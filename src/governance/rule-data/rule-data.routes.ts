import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { Db } from '../../db/client.ts';
import { LANGUAGES, type Lang } from '../../i18n/languages.ts';
import {
  addDays,
  getDefaultRuleData,
  isParameterName,
  type MigrationListVersion,
  parameterLabel,
} from '../../rules/index.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { LoketError } from '../../server/errors.ts';
import { brusselsDate } from '../../server/today.ts';
import { refreshRuleData } from './governed-rule-data.ts';
import {
  checkEffectiveDate as checkProposalDate,
  entryCodeErrors,
  invalidRuleData,
  ruleDataFieldError,
} from './proposal-checks.ts';
import {
  approveList,
  approveParameter,
  insertListProposal,
  insertParameterProposal,
  latestListStart,
  listProposals,
  lockProposal,
  type ProposalKind,
  rejectProposal,
} from './proposals.repo.ts';
import { approvalsOfVersions, latestFilingDate } from './rule-versions.repo.ts';
import {
  classifiedDiff,
  diffLists,
  earliestEffectiveDate,
  isValidParameterValue,
  listDiffCsv,
} from './rule-versions.ts';

const IsoDate = Type.String({ format: 'date' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Entry = Type.Object(
  {
    id: Type.String({ minLength: 2, maxLength: 80, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    group: Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z0-9-]+$' }),
    labels: Type.Object({ nl: Text(200), fr: Text(200), en: Text(200) }, { additionalProperties: false }),
    verified: Type.Boolean(),
    isco: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
    esco: Type.Optional(
      Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }),
    ),
    escoFit: Type.Optional(Type.Literal('none')),
  },
  { additionalProperties: false },
);
const ParameterProposalBody = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 100 }),
    validFrom: IsoDate,
    value: Type.Unknown(),
    source: Text(500),
    verified: Type.Boolean(),
    note: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  },
  { additionalProperties: false },
);
const ListProposalBody = Type.Object(
  {
    validFrom: IsoDate,
    legalAct: Text(500),
    source: Text(500),
    verified: Type.Boolean(),
    note: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
    entries: Type.Array(Entry, { minItems: 1, maxItems: 1000 }),
  },
  { additionalProperties: false },
);
const DecisionParams = Type.Object(
  {
    kind: Type.Enum(['parameter', 'list']),
    id: Type.String({ pattern: '^[0-9]{1,18}$' }),
    decision: Type.Enum(['approve', 'reject']),
  },
  { additionalProperties: false },
);
const DecisionBody = Type.Object(
  { note: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]) },
  { additionalProperties: false },
);
const VersionParams = Type.Object(
  { version: Type.String({ pattern: '^v[0-9]{1,4}$' }) },
  { additionalProperties: false },
);
const DiffQuery = Type.Object(
  {
    from: Type.String({ pattern: '^v[0-9]{1,4}$' }),
    to: Type.String({ pattern: '^v[0-9]{1,4}$' }),
    lang: Type.Optional(Type.Enum([...LANGUAGES])),
    format: Type.Optional(Type.Enum(['json', 'csv'])),
  },
  { additionalProperties: false },
);

const invalid = invalidRuleData;
const fieldError = ruleDataFieldError;

export interface RuleDataRouteOptions {
  database: DatabaseState;
  now: () => Date;
}

/**
 * Rule data under four eyes (issue 15): an administrator proposes a parameter value or a list
 * version, another approves it; the public reads every approved version with its source, and the
 * difference between two list versions. Approval reloads this instance's rule data at once.
 */
export async function ruleDataRoutes(fastify: FastifyInstance, options: RuleDataRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => options.database.db;
  const actor = (request: FastifyRequest) => request.user as User;
  // The approver's name is for administrators (as on the proposals page); the public reads the role.
  const isAdministrator = (request: FastifyRequest) => request.user?.role === 'ADMIN';

  const checkEffectiveDate = (trx: Db, validFrom: string, lang: Lang) =>
    checkProposalDate(trx, validFrom, lang, options.now());

  app.get(
    '/api/v1/rule-data/parameters',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['rule-data'],
        summary: 'Every parameter with its approved values, dates and sources (public history)',
      },
    },
    async (request) => {
      const data = getDefaultRuleData();
      const approvals = (await approvalsOfVersions(db(), isAdministrator(request))).parameters;
      return {
        parameters: [...data.parameters.timelines.values()].map((timeline) => ({
          name: timeline.name,
          // The name in the reader's language; the description below is the rule data's own (English).
          label: parameterLabel(timeline.name, request.lang),
          unit: timeline.unit,
          description: timeline.description,
          // A period without an end of its own runs until the day before the next one starts.
          versions: timeline.periods.map((p, i, all) => {
            const next = all[i + 1];
            return {
              ...p,
              validUntil: p.validUntil ?? (next ? addDays(next.validFrom, -1) : null),
              approval: approvals.get(`${timeline.name}@${p.validFrom}`) ?? null,
            };
          }),
        })),
      };
    },
  );

  const summary = (v: MigrationListVersion) => ({
    version: v.id,
    validFrom: v.validFrom,
    legalAct: v.legalAct,
    source: v.source,
    verified: v.verified,
    note: v.note,
    functions: v.entries.length,
  });

  app.get(
    '/api/v1/rule-data/lists/migration-list',
    {
      config: { access: 'PUBLIC' },
      schema: { tags: ['rule-data'], summary: 'The versions of the migration list with dates and sources' },
    },
    async (request) => {
      const approvals = (await approvalsOfVersions(db(), isAdministrator(request))).lists;
      return {
        versions: getDefaultRuleData().migrationList.map((v) => ({
          ...summary(v),
          approval: approvals.get(v.id) ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/v1/rule-data/lists/migration-list/:version',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['rule-data'],
        summary:
          'One approved version of the migration list with its functions (the start of a new proposal)',
        params: VersionParams,
      },
    },
    async (request) => {
      const version = getDefaultRuleData().migrationList.find((v) => v.id === request.params.version);
      if (!version) throw invalid([fieldError(request.lang, 'params.version', 'unknownVersion')]);
      return { ...summary(version), entries: version.entries };
    },
  );

  app.get(
    '/api/v1/rule-data/lists/migration-list/diff',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['rule-data'],
        summary: 'Functions added, removed and changed between two list versions, as JSON or CSV',
        querystring: DiffQuery,
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      const lang = request.query.lang ?? request.lang;
      const versions = getDefaultRuleData().migrationList;
      const a = versions.find((v) => v.id === from);
      const b = versions.find((v) => v.id === to);
      const errors = [
        ...(a ? [] : [fieldError(request.lang, 'query.from', 'unknownVersion')]),
        ...(b ? [] : [fieldError(request.lang, 'query.to', 'unknownVersion')]),
      ];
      if (!a || !b) throw invalid(errors);
      const diff = diffLists({ version: a.id, entries: a.entries }, { version: b.id, entries: b.entries });
      if (request.query.format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header(
          'content-disposition',
          `attachment; filename="migration-list-${from}-${to}-${lang}.csv"`,
        );
        return reply.send(`\uFEFF${listDiffCsv(diff, lang)}`);
      }
      return { ...classifiedDiff(diff, lang), from: summary(a), to: summary(b) };
    },
  );

  app.get(
    '/api/v1/rule-data/proposals',
    {
      config: { access: ['ADMIN'] },
      schema: { tags: ['rule-data'], summary: 'Proposals to change the rule data: open first, then decided' },
    },
    async (request) => {
      const today = brusselsDate(options.now());
      return {
        me: actor(request).id,
        earliestEffectiveDate: earliestEffectiveDate(today, await latestFilingDate(db())),
        proposals: await listProposals(db()),
      };
    },
  );

  app.post(
    '/api/v1/rule-data/proposals/parameter',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['rule-data'],
        summary: 'Propose a new dated value of a parameter',
        body: ParameterProposalBody,
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!isParameterName(body.name))
        throw invalid([fieldError(request.lang, 'body.name', 'unknownParameter')]);
      if (!isValidParameterValue(body.name, body.value))
        throw invalid([fieldError(request.lang, 'body.value', 'value')]);
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          await checkEffectiveDate(trx, body.validFrom, request.lang);
          const id = await insertParameterProposal(trx, {
            ...body,
            note: body.note?.trim() || null,
            proposedBy: actor(request).id,
          });
          await recordAuditEvent(trx, {
            actorUserId: actor(request).id,
            action: 'RULE_DATA_PROPOSED',
            subjectType: 'rule_parameter_version',
            subjectId: id,
            requestId: String(request.id),
            details: { name: body.name, validFrom: body.validFrom, value: body.value as never },
          });
          return id;
        });
      return reply.code(201).send({ kind: 'parameter', id });
    },
  );

  app.post(
    '/api/v1/rule-data/proposals/list',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['rule-data'],
        summary: 'Propose a new version of the migration list',
        body: ListProposalBody,
      },
    },
    async (request, reply) => {
      const body = request.body;
      const seen = new Set<string>();
      const duplicates = body.entries.flatMap((entry, index) => {
        const twice = seen.has(entry.id);
        seen.add(entry.id);
        return twice ? [fieldError(request.lang, `body.entries.${index}.id`, 'entryDuplicate')] : [];
      });
      const codes = body.entries.flatMap((entry, index) => entryCodeErrors(request.lang, entry, index));
      if (duplicates.length > 0 || codes.length > 0) throw invalid([...duplicates, ...codes]);
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          await checkEffectiveDate(trx, body.validFrom, request.lang);
          const latest = await latestListStart(trx);
          if (body.validFrom <= latest.validFrom)
            throw invalid([
              fieldError(request.lang, 'body.validFrom', 'listAfterLatest', { date: latest.validFrom }),
            ]);
          const id = await insertListProposal(trx, {
            ...body,
            note: body.note?.trim() || null,
            proposedBy: actor(request).id,
          });
          await recordAuditEvent(trx, {
            actorUserId: actor(request).id,
            action: 'RULE_DATA_PROPOSED',
            subjectType: 'rule_list_version',
            subjectId: id,
            requestId: String(request.id),
            details: { list: 'migration-list', validFrom: body.validFrom, functions: body.entries.length },
          });
          return id;
        });
      return reply.code(201).send({ kind: 'list', id });
    },
  );

  app.post(
    '/api/v1/rule-data/proposals/:kind/:id/:decision',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['rule-data'],
        summary: 'Approve or reject a proposal: never its own author (four eyes)',
        params: DecisionParams,
        body: DecisionBody,
      },
    },
    async (request) => {
      const { kind, id, decision } = request.params as { kind: ProposalKind; id: string; decision: string };
      const me = actor(request).id;
      const note = request.body.note?.trim() || null;
      await db()
        .transaction()
        .execute(async (trx) => {
          const proposal = await lockProposal(trx, kind, id);
          if (proposal?.origin !== 'PROPOSAL') throw new LoketError('LOKET_NOT_FOUND');
          if (proposal.proposed_by === me) throw invalid([fieldError(request.lang, 'params.id', 'fourEyes')]);
          if (proposal.state !== 'PROPOSED')
            throw invalid([fieldError(request.lang, 'params.id', 'notProposed')]);
          if (decision === 'approve') {
            // Filings made since the proposal: its date may no longer be free.
            await checkEffectiveDate(trx, proposal.valid_from, request.lang);
            if (kind === 'parameter') await approveParameter(trx, id, { by: me, note });
            else {
              const latest = await latestListStart(trx);
              if (proposal.valid_from <= latest.validFrom)
                throw invalid([
                  fieldError(request.lang, 'params.id', 'listAfterLatest', { date: latest.validFrom }),
                ]);
              await approveList(trx, id, { by: me, note, version: `v${latest.count + 1}` });
            }
          } else await rejectProposal(trx, kind, id, { by: me, note });
          await recordAuditEvent(trx, {
            actorUserId: me,
            action: decision === 'approve' ? 'RULE_DATA_APPROVED' : 'RULE_DATA_REJECTED',
            subjectType: kind === 'parameter' ? 'rule_parameter_version' : 'rule_list_version',
            subjectId: id,
            requestId: String(request.id),
            details: {
              subject: proposal.subject,
              validFrom: proposal.valid_from,
              proposedBy: proposal.proposed_by,
            },
          });
        });
      // The engine on this instance uses it from the next assessment; others within the refresh time.
      if (decision === 'approve') await refreshRuleData(db());
      return { kind, id, state: decision === 'approve' ? 'APPROVED' : 'REJECTED' };
    },
  );
}
