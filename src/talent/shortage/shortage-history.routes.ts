import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { LANGUAGES } from '../../i18n/languages.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import { brusselsDate } from '../../server/today.ts';
import { CSV_BOM } from '../../stats/export/csv.ts';
import { shortageHistory, shortageHistoryCsv } from './shortage-history.ts';

const HistoryQuery = Type.Object(
  {
    lang: Type.Optional(Type.Enum([...LANGUAGES])),
    format: Type.Optional(Type.Enum(['json', 'csv'])),
  },
  { additionalProperties: false },
);

/**
 * `GET /api/v1/talent/shortage-history` (public, as the rule history is): the migration list's
 * versions and the evolution per two years since 2014, as JSON or CSV. The versions are the rule
 * data in force on this instance: the seed's, or those approved through governance (issue 15).
 */
export async function shortageHistoryRoutes(
  app: FastifyInstance,
  options: { now: () => Date },
): Promise<void> {
  app.get(
    '/api/v1/talent/shortage-history',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['talent'],
        summary:
          'The shortage lists since 2014: migration list versions with legal act and dates, and the evolution per two years (JSON or CSV)',
        querystring: HistoryQuery,
      },
    },
    async (request, reply) => {
      const query = request.query as { lang?: (typeof LANGUAGES)[number]; format?: 'json' | 'csv' };
      const lang = query.lang ?? request.lang;
      const today = brusselsDate(options.now());
      const history = shortageHistory(getDefaultRuleData().migrationList, lang, today);
      if (query.format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="shortage-lists-${today}-${lang}.csv"`);
        return reply.send(CSV_BOM + shortageHistoryCsv(history, lang));
      }
      return history;
    },
  );
}
