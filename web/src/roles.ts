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
