import { ROLE_SLUGS, ROLES, type Role } from '../../src/auth/roles.ts';

export { ROLES, type Role };

/** The home page of a role, e.g. `/case-handler`; the same slug names its workspace API. */
export function roleHomePath(role: Role): string {
  return `/${ROLE_SLUGS[role]}`;
}

/** The role whose home page is at `path`, or null. */
export function roleOfPath(path: string): Role | null {
  return ROLES.find((role) => roleHomePath(role) === path) ?? null;
}

export function roleSlug(role: Role): string {
  return ROLE_SLUGS[role];
}

/**
 * The role a page belongs to and whether `role` may open it: the staff pages under
 * `/case-handler` are the supervisor's too; every other area and home is its own role's only.
 * Null for pages outside any role's area (public pages). The server checks again on every call.
 */
export function pageAccess(path: string, role: Role): { owner: Role; mayEnter: boolean } | null {
  const owner = ROLES.find((candidate) => {
    const home = roleHomePath(candidate);
    return path === home || path.startsWith(`${home}/`);
  });
  if (!owner) return null;
  const mayEnter = role === owner || (owner === 'CASE_HANDLER' && role === 'SUPERVISOR');
  return { owner, mayEnter };
}
