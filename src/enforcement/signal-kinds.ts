/** The kinds of risk signal (docs/enforcement.md): shared by the monitoring and the inspector's pages. */
export const SIGNAL_KINDS = [
  'EMPLOYER_NOT_ACTIVE',
  'SANCTION_ACTIVE',
  'NOT_DECLARED',
  'DECLARED_ELSEWHERE',
  'HUB',
  'WAGE_BELOW_PROMISE',
  'SHARED_ADDRESS',
  'NON_EU_STAFF',
  'DMFA_MISSING',
  'EMPLOYMENT_ENDED',
  'DIRECTORS_CHANGED',
  'EMPLOYER_MOVED',
  'LATE_DIMONA',
  'DESK_REPORT',
  'REPEATED_DOCUMENTS',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
