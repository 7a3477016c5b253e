import type { ChangeKind } from '../../../../src/governance/rule-data/rule-versions.ts';
import type { FunctionClassification } from '../../../../src/occupations/function-classification.ts';
import type { Role } from '../../roles.ts';

/** What the governance API answers (src/governance/), as the pages read it. */

export interface Mandate {
  enterpriseNumber: string;
  enterpriseName: string | null;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseNumber: string | null;
  email: string | null;
  preferredLang: 'nl' | 'fr' | 'en';
  createdAt: string;
  disabledAt: string | null;
  signIn: 'PASSWORD' | 'OIDC' | 'PENDING';
  lastLoginAt: string | null;
  lastLoginVia: 'PASSWORD' | 'OIDC' | null;
  mandates: Mandate[];
  /** A partner account's organisation (src/talent). */
  partnerId: string | null;
  partnerName: string | null;
}

export interface AccountList {
  authMode: 'local' | 'oidc';
  roles: Role[];
  accounts: Account[];
}

export interface ListEntry {
  id: string;
  group: string;
  labels: { nl: string; fr: string; en: string };
  verified: boolean;
  /** ISCO-08 unit group and ESCO occupation id, where the function is classified. */
  isco?: string;
  esco?: string;
  escoFit?: 'none';
}

/** A function named by its classification in the reader's language (the diff answer). */
export interface ClassifiedEntry extends ListEntry {
  classification: FunctionClassification;
}

export interface ListVersionSummary {
  version: string;
  validFrom: string;
  legalAct: string;
  source: string;
  verified: boolean;
  note: string | null;
  functions: number;
  /** Who approved it, as the public may read it (no names); absent from older servers. */
  approval?: VersionApproval | null;
}

export interface VersionApproval {
  by: 'INITIAL_DATA' | 'SECOND_ADMINISTRATOR';
  approvedOn: string | null;
  /** Only for administrators, who see each other's names on the proposals page too. */
  approverName?: string;
}

export interface ListDiff {
  from: ListVersionSummary;
  to: ListVersionSummary;
  added: ClassifiedEntry[];
  removed: ClassifiedEntry[];
  changed: { before: ClassifiedEntry; after: ClassifiedEntry; what: ChangeKind[] }[];
  unchanged: number;
}

export interface ParameterPeriod {
  validFrom: string;
  validUntil: string | null;
  value: unknown;
  source: string;
  verified: boolean;
  status: 'VERIFIED' | 'PROVISIONAL' | 'CONFLICTING';
  approval?: VersionApproval | null;
}

export interface ParameterHistory {
  name: string;
  /** The parameter's name in words, in the language of the request. */
  label: string;
  unit: string;
  description: string;
  versions: ParameterPeriod[];
}

export interface Proposal {
  kind: 'parameter' | 'list';
  id: string;
  subject: string;
  validFrom: string;
  value: unknown;
  source: string;
  note: string | null;
  state: 'PROPOSED' | 'APPROVED' | 'REJECTED' | 'SUPERSEDED';
  proposedBy: string | null;
  proposedById: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface ProposalList {
  me: string;
  earliestEffectiveDate: string;
  proposals: Proposal[];
}
