import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ROLE_SLUGS, ROLES } from '../auth/roles.ts';
import { countUsersByRole } from '../auth/users.repo.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { ROLE_TASKS } from './workspaces.ts';

const Workspace = Type.Object({
  role: Type.Enum([...ROLES]),
  tasks: Type.Array(Type.String()),
  figures: Type.Record(Type.String(), Type.Number()),
});

/** One home workspace per role, reachable by that role only (least privilege, also for admins). */
export async function workspaceRoutes(
  app: FastifyInstance,
  options: { database: DatabaseState },
): Promise<void> {
  for (const role of ROLES) {
    app.get(
      `/api/v1/workspaces/${ROLE_SLUGS[role]}`,
      {
        config: { access: [role] },
        schema: {
          tags: ['workspaces'],
          summary: `Home workspace of the ${role} role`,
          response: { 200: Workspace },
        },
      },
      async () => ({
        role,
        tasks: [...ROLE_TASKS[role]],
        figures: role === 'ADMIN' ? await countUsersByRole(options.database.db) : {},
      }),
    );
  }
}
