import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { User } from '../../auth/users.repo.ts';
import { translate } from '../../i18n/translate.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { FEE_INDEX_REFERENCE_MONTH, indexFee } from './fee-indexation.ts';
import { checkEffectiveDate, invalidRuleData, ruleDataFieldError } from './proposal-checks.ts';
import { insertParameterProposal } from './proposals.repo.ts';

// Index figures of Statbel's health index (base 2013 = 100) are in the low hundreds; the bounds only
// keep a typo (a missing decimal sign) from becoming a proposal.
const IndexFigure = Type.Number({ exclusiveMinimum: 0, maximum: 10_000 });
const FeeIndexationBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2027, maximum: 2100 }),
    previousIndex: IndexFigure,
    newIndex: IndexFigure,
    source: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export interface FeeIndexationRouteOptions {
  database: DatabaseState;
  now(): Date;
}

/**
 * The yearly indexation of the fee as a proposal (issue 15): an administrator gives the two index
 * figures with their source, Loket computes the new amount from the fee in force and files it as a
 * proposal for `fee.singlePermit` from 1 January, which another administrator approves or rejects
 * like any other (four eyes).
 */
export async function feeIndexationRoutes(
  fastify: FastifyInstance,
  options: FeeIndexationRouteOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/rule-data/proposals/fee-indexation',
    {
      config: { access: ['ADMIN'] },
      schema: {
        tags: ['rule-data'],
        summary: 'Propose the yearly indexed fee, computed from two index figures',
        body: FeeIndexationBody,
      },
    },
    async (request, reply) => {
      const { year, previousIndex, newIndex } = request.body;
      const source = request.body.source.trim();
      const lang = request.lang;
      if (!source) throw invalidRuleData([ruleDataFieldError(lang, 'source', 'required')]);
      const current = getDefaultRuleData().parameters.resolve('fee.singlePermit', `${year - 1}-12-31`);
      const currentAmount = typeof current?.value === 'number' ? current.value : 0;
      if (currentAmount <= 0)
        throw invalidRuleData([ruleDataFieldError(lang, 'year', 'feeNothingToIndex', { year: year - 1 })]);
      const indexation = indexFee(year, currentAmount, previousIndex, newIndex);
      const month = translate(lang, `validation.ruleData.months.${FEE_INDEX_REFERENCE_MONTH}`);
      const locale = `${lang}-BE`;
      const euro = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const figure = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
      const note = translate(lang, 'validation.ruleData.feeIndexationNote', {
        current: euro.format(currentAmount),
        previousIndex: figure.format(previousIndex),
        newIndex: figure.format(newIndex),
        amount: euro.format(indexation.newAmount),
        month,
        previousYear: year - 2,
        newYear: year - 1,
      });
      const me = (request.user as User).id;
      const id = await options.database.db.transaction().execute(async (trx) => {
        await checkEffectiveDate(trx, indexation.validFrom, lang, options.now());
        const id = await insertParameterProposal(trx, {
          name: 'fee.singlePermit',
          validFrom: indexation.validFrom,
          value: indexation.newAmount,
          source,
          verified: false,
          note,
          proposedBy: me,
        });
        await recordAuditEvent(trx, {
          actorUserId: me,
          action: 'RULE_DATA_PROPOSED',
          subjectType: 'rule_parameter_version',
          subjectId: id,
          requestId: String(request.id),
          details: {
            name: 'fee.singlePermit',
            validFrom: indexation.validFrom,
            value: indexation.newAmount,
            indexation: { currentAmount, previousIndex, newIndex },
          },
        });
        return id;
      });
      return reply.code(201).send({ kind: 'parameter', id, ...indexation });
    },
  );
}
