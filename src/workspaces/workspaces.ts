import type { Role } from '../auth/roles.ts';

/**
 * What each role will do in Loket (PRODUCT.md "Who uses it"): the keys of the tasks its home page
 * lists. Texts live in the web app's catalogues under `workspace.<key>`; the server owns the list
 * so the page shows only what that role is allowed to do.
 */
export const ROLE_TASKS = {
  EMPLOYER: ['checkEligibility', 'fileApplication', 'payFee', 'answerRequests', 'followDossiers', 'renew'],
  CASE_HANDLER: ['workQueue', 'reviewDossier', 'requestInformation', 'proposeDecision', 'signDecision'],
  SUPERVISOR: ['balanceWorkload', 'watchDeadlines', 'reviewDecisions', 'coSignRefusals'],
  INSPECTOR: ['riskList', 'recordControls', 'abuseReports'],
  ANALYST: ['parliamentaryQuestions', 'statistics', 'policySimulation', 'openData'],
  ADMIN: ['manageAccounts', 'manageParameters', 'operations'],
  PARTNER: ['recordCandidates', 'recordConsent', 'matchVacancies'],
} as const satisfies Record<Role, readonly string[]>;
