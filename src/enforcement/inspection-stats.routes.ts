import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { User } from '../auth/users.repo.ts';
import { translate } from '../i18n/translate.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { brusselsDate } from '../server/today.ts';
import { foldInspectionFigures } from './inspection-figures.ts';
import { inspectionStatistics, withdrawalStatistics } from './inspection-stats.repo.ts';

/**
 * `GET /api/v1/enforcement/inspection-statistics`: how many inspections came from a register
 * signal and how many from a desk report, with their outcomes, findings by type, fines, referrals
 * and the withdrawals that followed, per province and sector, for inspectors, supervisors and
 * analysts (issue 14; the page `/inspection-statistics`). Counts only, unsuppressed as the analysts'
 * figures are (docs/statistics.md): a small cell may point at one employer, so the read is logged.
 */
const Query = Type.Object(
  {
    from: Type.Optional(
      Type.String({ format: 'date', description: 'First day of inspection (default: a year ago)' }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date', description: 'Last day of inspection (default: today)' }),
    ),
  },
  { additionalProperties: false },
);

export async function inspectionStatisticsRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date },
): Promise<void> {
  app.get(
    '/api/v1/enforcement/inspection-statistics',
    {
      config: { access: ['INSPECTOR', 'SUPERVISOR', 'ANALYST'] },
      schema: {
        tags: ['enforcement'],
        summary:
          'Inspections per origin (register signal, desk report, other), outcome, province and sector, with findings by type, fines, referrals and the withdrawals that followed',
        querystring: Query,
      },
    },
    async (request) => {
      const query = request.query as { from?: string; to?: string };
      const today = brusselsDate(options.now());
      const to = query.to ?? today;
      const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
      if (from > to)
        throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
          {
            path: 'from',
            rule: 'beforeTo',
            message: translate(request.lang, 'validation.periodStartAfterEnd', { to }),
          },
        ]);
      const [rows, withdrawals] = await Promise.all([
        inspectionStatistics(options.database.db, { from, to }),
        withdrawalStatistics(options.database.db, { from, to }),
      ]);
      await recordAuditEvent(options.database.db, {
        actorUserId: (request.user as User).id,
        action: 'INSPECTION_STATISTICS_READ',
        requestId: String(request.id),
        details: { from, to },
      });
      const byOrigin = { SIGNAL: 0, REPORT: 0, OTHER: 0 };
      for (const row of rows) byOrigin[row.origin] += row.inspections;
      return {
        from,
        to,
        total: rows.reduce((n, row) => n + row.inspections, 0),
        byOrigin,
        withdrawalsProposed: rows
          .filter((row) => row.outcome === 'WITHDRAWAL_PROPOSED')
          .reduce((n, row) => n + row.inspections, 0),
        rows,
        figures: foldInspectionFigures(rows, withdrawals),
      };
    },
  );
}
