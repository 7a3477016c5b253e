/** What the enforcement API answers (src/enforcement/enforcement.routes.ts), as the inspector's pages read it. */

import type { ScoringRules } from '../../../../src/enforcement/score-rules.ts';
import type { SignalKind } from '../../../../src/enforcement/signal-kinds.ts';

export { SIGNAL_KINDS, type SignalKind } from '../../../../src/enforcement/signal-kinds.ts';
export type { ScoringRules };

export interface ScorePart {
  kind: SignalKind;
  points: number;
  authorisationId: string | null;
  counted: boolean;
}

export interface WorkListEmployer {
  enterpriseNumber: string;
  name: string | null;
  naceCode: string | null;
  province: string | null;
  score: number;
  parts: ScorePart[];
}

export interface WorkList {
  run: { id: string; readOn: string; finishedAt: string; trigger: string } | null;
  openRun: { id: string; status: string } | null;
  total: number;
  employers: WorkListEmployer[];
}

export interface SignalFact {
  name: string;
  value: string | number | boolean | null;
  source: string;
  at: string;
  requestId?: string;
}

export interface EmployerSignal {
  kind: SignalKind;
  dossierId: string | null;
  points: number;
  facts: SignalFact[];
  rule: { parameter: string; value: number; validFrom: string; legalBasis: string };
}

export interface EmployerDossier {
  id: string;
  number: string;
  category: string;
  status: string;
  validFrom: string | null;
  validUntil: string | null;
  workerFamilyName: string | null;
  withdrawalOpen: boolean;
  /** Still being handled: refusal grounds may be proposed for it. */
  pending: boolean;
}

export const FINDING_TYPES = ['WAGES', 'WORKING_TIME', 'HOUSING', 'DOCUMENTS', 'EXPLOITATION'] as const;
export const OUTCOMES = ['NO_INFRINGEMENT', 'WARNING', 'FINE_PROPOSED', 'WITHDRAWAL_PROPOSED'] as const;
export const ORIGINS = ['SIGNAL', 'REPORT', 'OTHER'] as const;
export const ADDRESSEES = ['HOUSING_INSPECTION', 'VICTIM_SUPPORT'] as const;

export interface Inspection {
  id: string;
  origin: (typeof ORIGINS)[number];
  inspectedOn: string;
  findings: Array<{ type: (typeof FINDING_TYPES)[number]; description: string }>;
  fineProposedEuro: number | null;
  outcome: (typeof OUTCOMES)[number];
  inspector: string | null;
  referrals: Array<{ addressee: (typeof ADDRESSEES)[number]; referredOn: string }>;
  evidence: Array<{ id: string; fileName: string; mediaType: string; sizeBytes: number; addedAt: string }>;
}

export interface EmployerFile {
  enterpriseNumber: string;
  name: string | null;
  naceCode: string | null;
  province: string | null;
  readOn: string | null;
  score: number;
  parts: ScorePart[];
  /** The weights the run applied: how the score is made. */
  scoring: ScoringRules;
  signals: EmployerSignal[];
  dossiers: EmployerDossier[];
  reports: Array<{ id: string; reference: string; receivedOn: string; status: string; categories: string[] }>;
  inspections: Inspection[];
}
