// Roles of PRODUCT.md "Who uses it", and PARTNER: an organisation that screens candidates for
// the talent pools (src/talent; issue 17). Pure: no I/O. Route access is declared against these.
export const ROLES = [
  'EMPLOYER',
  'CASE_HANDLER',
  'SUPERVISOR',
  'INSPECTOR',
  'ANALYST',
  'ADMIN',
  'PARTNER',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who may call a route. Every route must declare one (the server refuses to start otherwise):
 * `PUBLIC` for anyone, `AUTHENTICATED` for any signed-in user, or the list of roles allowed.
 */
export type Access = 'PUBLIC' | 'AUTHENTICATED' | readonly Role[];

export type AccessDecision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export function decideAccess(access: Access, role: Role | null): AccessDecision {
  if (access === 'PUBLIC') return 'ALLOW';
  if (role === null) return 'UNAUTHENTICATED';
  if (access === 'AUTHENTICATED') return 'ALLOW';
  return access.includes(role) ? 'ALLOW' : 'FORBIDDEN';
}

/** The URL slug of each role's home page and workspace API (`/api/v1/workspaces/:slug`). */
export const ROLE_SLUGS = {
  EMPLOYER: 'employer',
  CASE_HANDLER: 'case-handler',
  SUPERVISOR: 'supervisor',
  INSPECTOR: 'inspector',
  ANALYST: 'analyst',
  ADMIN: 'admin',
  PARTNER: 'partner',
} as const satisfies Record<Role, string>;
