import type { FastifyInstance } from 'fastify';
import type { DatabaseState } from '../server/database-state.ts';
import type { SourceAdapters } from '../sources/index.ts';
import { candidateRoutes } from './candidate.routes.ts';
import { vacancyRoutes } from './vacancy.routes.ts';
import { vacancyImportRoutes } from './vacancy-import/vacancy-import.routes.ts';

/**
 * Talent pools (issue 17; docs/talent.md): shortage vacancies, partners' candidate pools with
 * consent, and explainable matching both ways in the concentric order. The routes live by
 * sub-capability (vacancy.routes.ts, candidate.routes.ts; the care pipeline in care/, the pilots in
 * pilots/); registered here on the same instance, in the same order as ever.
 */
export async function talentRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date; sources?: SourceAdapters | null },
): Promise<void> {
  await vacancyRoutes(app, options);
  await candidateRoutes(app, options);
  await vacancyImportRoutes(app, { ...options, sources: options.sources ?? null });
}
