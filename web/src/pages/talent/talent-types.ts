/** What the talent API answers (src/talent/talent-views.ts), as the pages read it. */
export interface LanguageSkill {
  lang: string;
  level: string;
}

export interface VacancyView {
  id: string;
  enterpriseNumber: string;
  occupationId: string;
  occupationLabel: string;
  iscoCode: string;
  title: string;
  postalCode: string;
  requiredVks: number;
  languages: LanguageSkill[];
  startDate: string;
  grossAnnualSalary: number | null;
  onVdabShortageList: boolean | null;
  status: string;
  /** Where the vacancy comes from: recorded in Loket, or imported from VDAB or EURES with the register's id. */
  source: 'LOKET' | 'VDAB' | 'EURES';
  sourceReference: string | null;
}

export interface PermitRoute {
  category: string;
  status: 'OPEN' | 'TO_COMPLETE' | 'TO_JUDGE';
  regionalDeadlineDays: number;
  feeAmountDue: number;
  toComplete: string[];
}

export interface ShortageStatus {
  migrationList: { version: string; functionId: string; labels: Record<string, string> }[];
  onVdabShortageList: boolean | null;
  regulatedProfession: boolean;
  route: PermitRoute | null;
  refusedCategories: { category: string; reasonCodes: string[] }[];
}

export interface MatchReason {
  criterion: string;
  fit: string;
  points: number;
  facts: Record<string, unknown>;
}

export interface MatchViewBase {
  circle: 'BELGIUM' | 'EU' | 'THIRD_COUNTRY';
  score: number;
  needsPermit: boolean;
  mayNotYetWork: boolean;
  reasons: MatchReason[];
  permitRoute: PermitRoute | null;
  noPermitRoute: boolean;
}

export interface ShownCandidate {
  id: string;
  partnerName: string;
  reference: string;
  occupations: { id: string; label: string }[];
  educationVks: number;
  languages: LanguageSkill[];
  availableFrom: string;
  workAccess: string;
  recognition: string;
}

export interface CandidateView extends ShownCandidate {
  pool: string;
  circle: string;
  postalCode: string | null;
  nationality: string;
  consentGivenOn: string;
  consentShowEmployers: boolean;
  retentionUntil: string;
}
