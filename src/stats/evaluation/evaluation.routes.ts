import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { DEFAULT_LANG, type Lang } from '../../i18n/languages.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { brusselsDate } from '../../server/today.ts';
import { recordStatsRead } from '../stats-audit.ts';
import { parseFilters } from '../stats-query.ts';
import { measureWindows } from './measure-effects.repo.ts';
import { DEFAULT_WINDOW_MONTHS, measureEffects } from './measure-effects.ts';
import { policyMeasures } from './policy-measures.ts';
import { latestWageConformity } from './wage-conformity.repo.ts';

export interface EvaluationRouteOptions {
  database: DatabaseState;
  now?: () => Date;
}

/** The first year of the measures the report looks at by default: the 2024 labour-market reform on. */
export const DEFAULT_FIRST_MEASURE_YEAR = 2024;

const Year = Type.String({ pattern: '^[0-9]{1,4}$' });
const EvaluationQuery = Type.Object(
  {
    from: Type.Optional(Year),
    to: Type.Optional(Year),
    /** Length of each window in months, 1–24. */
    months: Type.Optional(Type.String({ pattern: '^(?:[1-9]|1[0-9]|2[0-4])$' })),
  },
  { additionalProperties: false },
);

/**
 * Evaluation of policy note 002 §2.10 for analysts: `GET /api/v1/stats/evaluation/measures`, each
 * dated measure of the rules with the dossiers filed before and after it (src/stats/evaluation/).
 * Unsuppressed figures from `dossier_statistics`, so the read is audited like every analyst report;
 * it is not published as open data (docs/statistics.md#evaluation-of-measures).
 */
export async function evaluationRoutes(app: FastifyInstance, options: EvaluationRouteOptions): Promise<void> {
  const today = () => brusselsDate((options.now ?? (() => new Date()))());
  app.get(
    '/api/v1/stats/evaluation/measures',
    {
      config: { access: ['ANALYST'] },
      schema: {
        tags: ['statistics'],
        summary: 'Each dated measure of the rules: outcomes and lead times before and after its date',
        querystring: EvaluationQuery,
      },
    },
    async (request: FastifyRequest) => {
      const query = request.query as { from?: string; to?: string; months?: string };
      const lang: Lang = (request as { lang?: Lang }).lang ?? DEFAULT_LANG;
      const day = today();
      const filters = parseFilters(query, lang, {
        from: DEFAULT_FIRST_MEASURE_YEAR,
        to: Number(day.slice(0, 4)),
      });
      const months = query.months ? Number(query.months) : DEFAULT_WINDOW_MONTHS;
      const [from, to] = filters.years;
      const measures = policyMeasures(getDefaultRuleData(), `${from}-01-01`, `${to}-12-31`);
      const windows = await measureWindows(options.database.db, measures, months);
      await recordStatsRead(options.database.db, request, {
        what: 'report',
        report: 'measure-effects',
        measures: [
          'applications',
          'decided',
          'granted',
          'refused',
          'regionalLeadMedianDays',
          'regionalLeadP90Days',
          'withinDeadlineShare',
        ],
        dimensions: ['category'],
        filters,
        format: 'json',
      });
      return measureEffects(measures, windows, { months, years: [from, to], today: day });
    },
  );
  // Market conformity (§2.10 a): the latest monitoring run's paid ÷ threshold per category and year.
  // Aggregates of at least 5 authorisations, but still an analyst's read of wage data: audited.
  app.get(
    '/api/v1/stats/evaluation/wage-conformity',
    {
      config: { access: ['ANALYST'] },
      schema: {
        tags: ['statistics'],
        summary: 'Wages declared in DmfA against the salary thresholds, per category and year of grant',
        querystring: Type.Object({}, { additionalProperties: false }),
      },
    },
    async (request: FastifyRequest) => {
      const report = await latestWageConformity(options.database.db);
      const years = report.rows.map((r) => r.year);
      const year = Number(today().slice(0, 4));
      await recordStatsRead(options.database.db, request, {
        what: 'report',
        report: 'wage-conformity',
        measures: [],
        dimensions: ['category', 'year'],
        filters: { years: [Math.min(year, ...years), Math.max(year, ...years)] },
        format: 'json',
      });
      return report;
    },
  );
}
