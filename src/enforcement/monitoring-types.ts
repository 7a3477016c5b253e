import type {
  Address,
  DimonaPeriod,
  DmfaWorkerQuarter,
  Enterprise,
  Person,
  Sanction,
} from '../sources/index.ts';
import type { SourceName } from '../sources/source-result.ts';
import type { SignalKind } from './risk-parameters.ts';

/** What a granted, still valid dossier promised: the monitoring compares the registers against it. */
export interface MonitoredAuthorisation {
  /** The dossier's id. */
  authorisationId: string;
  enterpriseNumber: string;
  insz: string;
  /** Gross annual salary promised; null when the category asks none (the wage is then not compared). */
  grossAnnualSalary: number | null;
  employmentFraction: number;
  grantedOn: string;
  validFrom: string;
  validUntil: string;
  workplacePostalCode: string;
  /**
   * The employer's registered address as the KBO gave it to the dossier's register check at filing
   * (with that reading's time and request id); absent when the check did not read it.
   */
  filedEmployerAddress?: { address: Address; readAt: string; requestId: string } | null;
}

/** One register answer as read: the value, where from, when, and the register's request id. */
export interface Reading<T> {
  value: T;
  source: SourceName;
  readAt: string;
  requestId: string;
}

/** Everything one monitoring run read, by subject. A subject missing from a map was not read (register down). */
export interface RegisterReading {
  /** The day of the reading (Brussels): quarters, sanctions and grace periods are judged against it. */
  readOn: string;
  /** The DmfA quarters asked (oldest first). */
  quarters: string[];
  enterprises: Map<string, Reading<Enterprise | null>>;
  employments: Map<string, Reading<DimonaPeriod[]>>;
  dmfa: Map<string, Reading<DmfaWorkerQuarter[]>>;
  /** Key `ENTERPRISE <number>` or `PERSON <insz>`. */
  sanctions: Map<string, Reading<Sanction[]>>;
  /** Permit workers and the employers' staff, by INSZ. */
  persons: Map<string, Reading<Person | null>>;
  /** Each employer's Dimona periods running on `readOn` (its whole staff, not only permit workers). */
  staff: Map<string, Reading<DimonaPeriod[]>>;
}

/** A value a signal compared: from the dossier (LOKET, as granted) or a register (as read). */
export interface SignalFact {
  name: string;
  value: string | number | boolean | null;
  source: 'LOKET' | SourceName;
  /** When it was read (a register), or the day the dossier was granted (LOKET). */
  at: string;
  requestId?: string;
}

export interface Signal {
  kind: SignalKind;
  enterpriseNumber: string;
  /** Null for a signal about the employer as a whole. */
  authorisationId: string | null;
  points: number;
  facts: SignalFact[];
  rule: { parameter: string; value: number; validFrom: string; legalBasis: string };
}

export interface ScorePart {
  kind: SignalKind;
  points: number;
  authorisationId: string | null;
  /** False for a dossier beyond the counted ones (shown, not added). */
  counted: boolean;
}

export interface EmployerRisk {
  enterpriseNumber: string;
  score: number;
  parts: ScorePart[];
  signals: Signal[];
  dossierScores: Array<{ authorisationId: string; score: number }>;
}
