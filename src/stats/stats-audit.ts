import type { FastifyRequest } from 'fastify';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { Db } from '../db/client.ts';
import type { StatsFilters } from './aggregate.ts';
import type { DimensionId, MeasureId } from './dimensions.ts';

/**
 * An analyst's figures come unsuppressed from `dossier_statistics`, one row per dossier with the
 * worker's nationality, sex and age band: a small cell can single out a person, so each such read
 * is audited (issue 16). One event per request naming the query (what, measures, dimensions,
 * filters, format), never a write per row or cell. Open data is not recorded: counts under 5 and
 * their secondary cells are hidden before anything leaves the server, so it reads no personal data
 * (docs/statistics.md#audit).
 */
export interface StatsRead {
  what: 'report' | 'pivot' | 'aggregate';
  report?: string;
  measures: readonly MeasureId[];
  dimensions: readonly DimensionId[];
  filters: StatsFilters;
  format: 'json' | 'csv' | 'xlsx';
}

export async function recordStatsRead(db: Db, request: FastifyRequest, read: StatsRead): Promise<void> {
  const { years, ...restrictions } = read.filters;
  await recordAuditEvent(db, {
    actorUserId: request.user?.id ?? null,
    action: 'STATS_READ',
    subjectType: 'statistics',
    subjectId: read.report ?? read.what,
    requestId: String(request.id),
    details: {
      what: read.what,
      ...(read.report ? { report: read.report } : {}),
      measures: [...read.measures],
      dimensions: [...read.dimensions],
      filters: { from: years[0], to: years[1], ...restrictions },
      format: read.format,
    },
  });
}
