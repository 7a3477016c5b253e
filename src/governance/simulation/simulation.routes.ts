import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import {
  CATEGORIES,
  getDefaultRuleData,
  isParameterName,
  type MigrationListEntry,
} from '../../rules/index.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { LoketError } from '../../server/errors.ts';
import type { FieldError } from '../../validation/field-errors.ts';
import { listProposals } from '../rule-data/proposals.repo.ts';
import { isValidParameterValue } from '../rule-data/rule-versions.ts';
import { countSimulationDossiers, readProposal } from './simulation.repo.ts';
import type { RuleChange } from './simulation-diff.ts';
import { createSimulationPool } from './simulation-pool.ts';
import { runSimulation } from './simulation-run.ts';

/** Who may simulate: the analyst, and the administrator who approves the change. */
export const SIMULATION_ROLES = ['ANALYST', 'ADMIN'] as const;
/** One run answers within the request: larger sets are narrowed by period or category first. */
export const MAX_SIMULATION_DOSSIERS = 250_000;
const MAX_PERIOD_DAYS = 366 * 10;

const IsoDate = Type.String({ format: 'date' });
const SimulationBody = Type.Object(
  {
    proposal: Type.Optional(
      Type.Object(
        { kind: Type.Enum(['parameter', 'list']), id: Type.String({ pattern: '^[0-9]{1,18}$' }) },
        { additionalProperties: false },
      ),
    ),
    parameter: Type.Optional(
      Type.Object(
        { name: Type.String({ minLength: 3, maxLength: 100 }), value: Type.Unknown() },
        { additionalProperties: false },
      ),
    ),
    from: IsoDate,
    to: IsoDate,
    categories: Type.Array(Type.Enum([...CATEGORIES]), { maxItems: CATEGORIES.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);

function invalid(errors: FieldError[]): LoketError {
  return new LoketError('LOKET_VALIDATION_FAILED', { count: errors.length }, errors);
}
function fieldError(lang: Lang, path: string, rule: string, params?: Record<string, unknown>): FieldError {
  return { path, rule, message: translate(lang, `validation.ruleData.${rule}`, params) };
}
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/**
 * Policy simulation (issue 15): an analyst or administrator re-assesses the stored dossiers of a
 * period and categories under a pending proposal (or a value typed on the page) against the rules
 * in force, and reads which outcomes change. Each run is one audit event with its parameters and
 * counts (the dossiers read, the examples shown); nothing of a dossier reaches the logs.
 */
export async function simulationRoutes(
  fastify: FastifyInstance,
  options: { database: DatabaseState },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => options.database.db;
  const actor = (request: FastifyRequest) => request.user as User;
  const pool = createSimulationPool();
  fastify.addHook('onClose', () => pool.close());

  app.get(
    '/api/v1/rule-data/simulations/proposals',
    {
      config: { access: [...SIMULATION_ROLES] },
      schema: { tags: ['rule-data'], summary: 'The open proposals a policy simulation can evaluate' },
    },
    async () => ({
      proposals: (await listProposals(db()))
        .filter((p) => p.state === 'PROPOSED')
        .map((p) => ({ kind: p.kind, id: p.id, subject: p.subject, validFrom: p.validFrom, value: p.value })),
    }),
  );

  async function changeOf(body: Static<typeof SimulationBody>, lang: Lang) {
    if ((body.proposal === undefined) === (body.parameter === undefined))
      throw invalid([fieldError(lang, 'body.proposal', 'simulationChange')]);
    if (body.parameter) {
      const { name, value } = body.parameter;
      if (!isParameterName(name))
        throw invalid([fieldError(lang, 'body.parameter.name', 'unknownParameter')]);
      if (!isValidParameterValue(name, value))
        throw invalid([fieldError(lang, 'body.parameter.value', 'value')]);
      return { change: { kind: 'parameter', name, value } as RuleChange, proposal: null };
    }
    const { kind, id } = body.proposal as { kind: 'parameter' | 'list'; id: string };
    const proposal = await readProposal(db(), kind, id);
    if (!proposal) throw invalid([fieldError(lang, 'body.proposal.id', 'unknownProposal')]);
    if (proposal.state !== 'PROPOSED') throw invalid([fieldError(lang, 'body.proposal.id', 'notProposed')]);
    if (kind === 'list')
      return {
        change: { kind, entries: proposal.value as MigrationListEntry[] } as RuleChange,
        proposal,
      };
    if (!isParameterName(proposal.subject) || !isValidParameterValue(proposal.subject, proposal.value))
      throw invalid([fieldError(lang, 'body.proposal.id', 'value')]);
    return { change: { kind, name: proposal.subject, value: proposal.value } as RuleChange, proposal };
  }

  app.post(
    '/api/v1/rule-data/simulations',
    {
      config: { access: [...SIMULATION_ROLES] },
      schema: {
        tags: ['rule-data'],
        summary:
          'Re-assess the stored dossiers of a period and categories under a proposal or a value; which outcomes change',
        body: SimulationBody,
      },
    },
    async (request) => {
      const body = request.body;
      const lang = request.lang;
      if (body.to < body.from) throw invalid([fieldError(lang, 'body.to', 'periodOrder')]);
      if (days(body.from, body.to) > MAX_PERIOD_DAYS)
        throw invalid([fieldError(lang, 'body.to', 'periodTooLong', { years: 10 })]);
      const { change, proposal } = await changeOf(body, lang);
      const filter = { from: body.from, to: body.to, categories: body.categories };
      const dossiers = await countSimulationDossiers(db(), filter);
      if (dossiers > MAX_SIMULATION_DOSSIERS)
        throw invalid([
          fieldError(lang, 'body.to', 'tooManyDossiers', { count: dossiers, max: MAX_SIMULATION_DOSSIERS }),
        ]);
      const started = performance.now();
      const tally = await runSimulation(db(), {
        baseline: getDefaultRuleData(),
        change,
        filter,
        dossiers,
        pool,
      });
      const durationMs = Math.round(performance.now() - started);
      const changeSummary =
        change.kind === 'parameter'
          ? { kind: change.kind, name: change.name, value: change.value }
          : { kind: change.kind, functions: change.entries.length };
      await recordAuditEvent(db(), {
        actorUserId: actor(request).id,
        action: 'RULE_DATA_SIMULATED',
        ...(proposal
          ? {
              subjectType: proposal.kind === 'parameter' ? 'rule_parameter_version' : 'rule_list_version',
              subjectId: proposal.id,
            }
          : {}),
        requestId: String(request.id),
        details: {
          change: changeSummary as never,
          from: body.from,
          to: body.to,
          categories: body.categories,
          dossiers: tally.total,
          changed: tally.changed,
          notAssessed: tally.notAssessed,
          transitions: tally.transitions,
          examples: tally.examples.map((example) => example.reference),
        },
      });
      request.log.info(
        { simulation: { dossiers: tally.total, changed: tally.changed, durationMs } },
        'policy simulation run',
      );
      return {
        change: changeSummary,
        proposal: proposal ? { kind: proposal.kind, id: proposal.id, validFrom: proposal.validFrom } : null,
        from: body.from,
        to: body.to,
        categories: body.categories,
        durationMs,
        ...tally,
      };
    },
  );
}
