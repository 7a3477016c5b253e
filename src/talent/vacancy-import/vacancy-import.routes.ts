import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { User } from '../../auth/users.repo.ts';
import type { DatabaseState } from '../../server/database-state.ts';
import { brusselsDate } from '../../server/today.ts';
import type { SourceAdapters } from '../../sources/index.ts';
import { STAFF, Strict } from '../talent-route-schemas.ts';
import { importOneAtATime } from './import-vacancies.ts';
import { listImportRuns } from './vacancy-import.repo.ts';

/**
 * The staff's side of the VDAB/EURES import (docs/talent.md): import now, and the latest runs
 * with what each channel brought or why it failed. The scheduled job does the same every hour.
 */
export async function vacancyImportRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState; now: () => Date; sources: SourceAdapters | null },
): Promise<void> {
  const db = () => options.database.db;

  app.post(
    '/api/v1/talent/vacancy-imports',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['talent'],
        summary:
          'Import the vacancies VDAB and EURES publish now; a register that is down is reported in the run (outcome FAILED or PARTIAL), not as an error',
      },
    },
    async (request: FastifyRequest) => {
      if (!options.sources) return { ran: false, reason: 'NO_REGISTER_CONFIGURED' };
      const run = await importOneAtATime(db(), options.sources.vacancies, {
        today: brusselsDate(options.now()),
        requestedBy: (request.user as User).id,
        requestId: String(request.id),
      });
      return run ? { ran: true, import: run } : { ran: false, reason: 'ALREADY_RUNNING' };
    },
  );

  app.get(
    '/api/v1/talent/vacancy-imports',
    {
      config: { access: [...STAFF] },
      schema: {
        tags: ['talent'],
        summary: 'The latest imports of VDAB and EURES vacancies, newest first',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          Strict,
        ),
      },
    },
    async (request) => {
      const { limit } = request.query as { limit?: number };
      return { imports: await listImportRuns(db(), { limit: limit ?? 20 }) };
    },
  );
}
