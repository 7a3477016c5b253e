import type { SanctionGround } from '../../rules/contract.ts';
import { addMonths } from '../../rules/dates/iso-date.ts';
import type {
  DmfaWorkerQuarter,
  EmployerEmployments,
  Lookup,
  Person,
  Provenance,
  SanctionRecord,
  WorkerEmployments,
} from '../../sources/index.ts';
import type { Enterprise } from '../../sources/kbo/enterprise-register.ts';
import type { Recognition } from '../../sources/naric/naric.ts';
import type { ShortageStatus, Vacancy } from '../../sources/vacancies/vacancies.ts';
import { isNonEuNationality } from './eu-nationalities.ts';

/**
 * From what the registers say to what the rules need (pure; policy note 002 §2.9: every relevant
 * fact from the authentic sources, no retyping). Each mapped fact keeps its provenance, and every
 * fact the employer also declared is compared: a difference is a finding for the case handler.
 */

export interface RegisterFacts {
  enterprise?: Lookup<Enterprise>;
  enterpriseSanctions?: Lookup<SanctionRecord>;
  directorSanctions?: Lookup<SanctionRecord>[];
  employerEmployments?: Lookup<EmployerEmployments>;
  /** Nationality per INSZ of the employer's current staff (from the national register). */
  staffNationalities?: Record<string, string>;
  person?: Lookup<Person>;
  workerEmployments?: Lookup<WorkerEmployments>;
  /** Renewals: the worker's last declared quarters. */
  wageQuarters?: Lookup<DmfaWorkerQuarter>[];
  vacancy?: Lookup<Vacancy>;
  shortageStatus?: Lookup<ShortageStatus>;
  recognition?: Lookup<Recognition>;
}

export interface Declared {
  applicationDate: string;
  enterpriseNumber: string;
  givenNames: string | null;
  familyName: string | null;
  birthDate: string | null;
  nationality: string | null;
  sex: string | null;
  insz: string | null;
  location: string | null;
  grossAnnualSalary: number | null;
  employmentFraction: number | null;
  isRenewal: boolean;
  iscoCode: string | null;
  qualificationVks: number | null;
  onVdabShortageList: boolean | null;
  publications: { channel: 'VDAB' | 'EURES'; from: string; to: string }[] | null;
  vacancyReference: string | null;
  naricReference: string | null;
}

export interface Comparison {
  /** The fact, as a dotted name the screens translate (`worker.familyName`). */
  fact: string;
  declared: unknown;
  register: unknown;
  source: string;
  fetchedAt: string;
  requestId: string;
  isMismatch: boolean;
}

export const FINDING_CODES = [
  'ENTERPRISE_UNKNOWN',
  'ENTERPRISE_NOT_ACTIVE',
  'ENTERPRISE_YOUNG',
  'PERSON_UNKNOWN',
  'IDENTITY_MISMATCH',
  'WORKER_ALREADY_EMPLOYED_IN_BELGIUM',
  'WAGE_BELOW_PROMISED',
  'VACANCY_UNKNOWN',
  'VACANCY_MISMATCH',
  'RECOGNITION_UNKNOWN',
  'RECOGNITION_MISSING',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  facts: Record<string, unknown>;
}

export interface RegisterMapping {
  /** Merged into the application before it is assessed again. */
  applicationPatch: {
    employer?: {
      establishedInBelgium?: boolean;
      sanctions?: {
        until: string;
        imposedOn?: string;
        ground?: SanctionGround;
        via: 'EMPLOYER' | 'DIRECTOR';
      }[];
      workforce?: { headcount: number; nonEuHeadcount: number };
    };
    worker?: { location?: 'BELGIUM' | 'ABROAD' };
    job?: { onVdabShortageList?: boolean };
    labourMarketTest?: { publications: { channel: 'VDAB' | 'EURES'; from: string; to: string }[] };
  };
  comparisons: Comparison[];
  findings: Finding[];
}

// A young enterprise is a risk signal, not a refusal (reference.md §7: founded less than 3 years ago).
const YOUNG_ENTERPRISE_YEARS = 3;
// Wages below this share of the promised salary are flagged (DmfA vs contract: controls, renewals).
const WAGE_TOLERANCE = 0.95;

const normalise = (text: string | null | undefined) =>
  (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

function compare(
  fact: string,
  declared: unknown,
  register: unknown,
  provenance: Provenance,
  isSame: (a: unknown, b: unknown) => boolean = (a, b) => a === b,
): Comparison {
  return {
    fact,
    declared,
    register,
    source: provenance.source,
    fetchedAt: provenance.fetchedAt,
    requestId: provenance.requestId,
    isMismatch: declared !== null && declared !== undefined && !isSame(declared, register),
  };
}

function isRunningOn(period: { startDate: string; endDate: string | null }, day: string): boolean {
  return period.startDate <= day && (period.endDate === null || period.endDate >= day);
}

export function mapRegisterFacts(declared: Declared, facts: RegisterFacts): RegisterMapping {
  const mapping: RegisterMapping = { applicationPatch: {}, comparisons: [], findings: [] };
  const employer: NonNullable<RegisterMapping['applicationPatch']['employer']> = {};
  const day = declared.applicationDate;

  if (facts.enterprise && !facts.enterprise.found) {
    mapping.findings.push({
      code: 'ENTERPRISE_UNKNOWN',
      facts: { enterpriseNumber: declared.enterpriseNumber },
    });
  } else if (facts.enterprise?.found) {
    const enterprise = facts.enterprise.value;
    // Registered in the Belgian enterprise register with a Belgian address: established in Belgium.
    employer.establishedInBelgium = /^[1-9]\d{3}$/.test(enterprise.registeredAddress.postalCode);
    if (enterprise.status !== 'ACTIVE') {
      mapping.findings.push({
        code: 'ENTERPRISE_NOT_ACTIVE',
        facts: { status: enterprise.status, since: enterprise.endDate },
      });
    }
    if (enterprise.startDate > addMonths(day, -12 * YOUNG_ENTERPRISE_YEARS)) {
      mapping.findings.push({ code: 'ENTERPRISE_YOUNG', facts: { startDate: enterprise.startDate } });
    }
  }

  const sanctionRecords = [facts.enterpriseSanctions, ...(facts.directorSanctions ?? [])].filter(
    (lookup): lookup is Extract<Lookup<SanctionRecord>, { found: true }> => lookup?.found === true,
  );
  if (facts.enterpriseSanctions) {
    // Only exclusions matter to the rules (EMPLOYER_EXCLUDED); fines are for inspectors. An
    // exclusion whose ground Loket reads goes with its day and ground, so the rules date its end
    // (`exclusion.sanctionMonths`, issue 13 item 11), kept for the longest period a parameter may
    // give; any other keeps the register's own end and only while that end has not passed.
    employer.sanctions = sanctionRecords
      .flatMap((record) => record.value.sanctions)
      .filter((sanction) => sanction.kind === 'EXCLUSION')
      .flatMap((sanction) => {
        const ground = sanctionGroundOf(sanction.legalBasis);
        if (ground)
          return sanction.imposedOn >= addMonths(day, -MAX_EXCLUSION_MONTHS)
            ? [{ until: sanction.endDate, imposedOn: sanction.imposedOn, ground, via: sanction.via }]
            : [];
        return sanction.endDate >= day ? [{ until: sanction.endDate, via: sanction.via }] : [];
      })
      .slice(0, 100);
  }

  if (facts.employerEmployments?.found) {
    const running = facts.employerEmployments.value.periods.filter((period) => isRunningOn(period, day));
    const staff = [...new Set(running.map((period) => period.insz))];
    const nationalities = facts.staffNationalities ?? {};
    if (staff.every((insz) => nationalities[insz] !== undefined)) {
      employer.workforce = {
        headcount: staff.length,
        nonEuHeadcount: staff.filter((insz) => isNonEuNationality(nationalities[insz] as string)).length,
      };
    }
  } else if (facts.employerEmployments && !facts.employerEmployments.found) {
    employer.workforce = { headcount: 0, nonEuHeadcount: 0 };
  }
  if (Object.keys(employer).length > 0) mapping.applicationPatch.employer = employer;

  if (facts.person && !facts.person.found) {
    mapping.findings.push({ code: 'PERSON_UNKNOWN', facts: { field: 'worker.insz' } });
  } else if (facts.person?.found) {
    const person = facts.person.value;
    const provenance = facts.person.provenance;
    const sameText = (a: unknown, b: unknown) => normalise(String(a)) === normalise(String(b));
    const identity = [
      compare('worker.familyName', declared.familyName, person.familyName, provenance, sameText),
      compare('worker.givenNames', declared.givenNames, person.givenNames.join(' '), provenance, sameText),
      compare('worker.birthDate', declared.birthDate, person.birthDate, provenance),
      compare('worker.nationality', declared.nationality, person.nationality, provenance),
      compare('worker.sex', declared.sex, person.sex, provenance),
    ];
    mapping.comparisons.push(...identity);
    const mismatches = identity.filter((c) => c.isMismatch).map((c) => c.fact);
    if (mismatches.length > 0)
      mapping.findings.push({ code: 'IDENTITY_MISMATCH', facts: { fields: mismatches } });
    // A person registered in the national register lives in Belgium (a BIS number: not registered).
    const location = person.registeredInBelgium ? 'BELGIUM' : 'ABROAD';
    mapping.comparisons.push(compare('worker.location', declared.location, location, provenance));
    if (person.registeredInBelgium) mapping.applicationPatch.worker = { location: 'BELGIUM' };
  }

  if (facts.workerEmployments?.found) {
    const current = facts.workerEmployments.value.periods.filter(
      (period) => isRunningOn(period, day) && period.enterpriseNumber !== declared.enterpriseNumber,
    );
    if (current.length > 0 && !declared.isRenewal) {
      mapping.findings.push({
        code: 'WORKER_ALREADY_EMPLOYED_IN_BELGIUM',
        facts: { employers: current.map((period) => period.enterpriseNumber), since: current[0]?.startDate },
      });
    }
  }

  const quarters = (facts.wageQuarters ?? []).filter(
    (lookup): lookup is Extract<Lookup<DmfaWorkerQuarter>, { found: true }> => lookup.found,
  );
  if (declared.isRenewal && quarters.length > 0 && declared.grossAnnualSalary) {
    const wages = quarters.flatMap((q) =>
      q.value.lines
        .filter((line) => line.enterpriseNumber === declared.enterpriseNumber)
        .flatMap((line) => line.wages),
    );
    const paid = wages.reduce((sum, wage) => sum + wage.amount, 0);
    const annualised = Math.round((paid / quarters.length) * 4);
    const promised = Math.round(declared.grossAnnualSalary * (declared.employmentFraction ?? 1));
    const latest = quarters[0] as (typeof quarters)[number];
    const comparison = compare(
      'job.grossAnnualSalary',
      promised,
      annualised,
      latest.provenance,
      (a, b) => (b as number) >= (a as number) * WAGE_TOLERANCE,
    );
    mapping.comparisons.push(comparison);
    if (comparison.isMismatch) {
      mapping.findings.push({
        code: 'WAGE_BELOW_PROMISED',
        facts: { promised, paidAnnualised: annualised, quarters: quarters.length },
      });
    }
  }
  mapLabourMarketFacts(declared, facts, mapping);
  mapRecognition(declared, facts, mapping);
  return mapping;
}

const publicationKey = (p: { channel: string; from: string; to: string }) => `${p.channel} ${p.from}–${p.to}`;

/**
 * The labour-market test from VDAB itself (BVR 7 Dec 2018, art. 18 §1 as amended 1 May 2024): the
 * vacancy's real publication periods replace what was declared, and the function's place on VDAB's
 * shortage list of the application year is read from VDAB.
 */
function mapLabourMarketFacts(declared: Declared, facts: RegisterFacts, mapping: RegisterMapping): void {
  if (facts.vacancy && !facts.vacancy.found) {
    mapping.findings.push({
      code: 'VACANCY_UNKNOWN',
      facts: { vacancyReference: declared.vacancyReference },
    });
  } else if (facts.vacancy?.found) {
    const vacancy = facts.vacancy.value;
    const register = vacancy.publications.map(publicationKey).sort().join(', ');
    const declaredText = declared.publications
      ? declared.publications.map(publicationKey).sort().join(', ')
      : null;
    const comparison = compare(
      'labourMarketTest.publications',
      declaredText,
      register,
      facts.vacancy.provenance,
    );
    mapping.comparisons.push(comparison);
    const employerDiffers = vacancy.enterpriseNumber !== declared.enterpriseNumber;
    if (comparison.isMismatch || employerDiffers) {
      mapping.findings.push({
        code: 'VACANCY_MISMATCH',
        facts: {
          publications: comparison.isMismatch,
          otherEmployer: employerDiffers ? vacancy.enterpriseNumber : null,
        },
      });
    }
    mapping.applicationPatch.labourMarketTest = { publications: vacancy.publications };
  }
  if (facts.shortageStatus?.found) {
    const isShortage = facts.shortageStatus.value.isShortage;
    mapping.comparisons.push(
      compare(
        'job.onVdabShortageList',
        declared.onVdabShortageList,
        isShortage,
        facts.shortageStatus.provenance,
      ),
    );
    mapping.applicationPatch.job = { onVdabShortageList: isShortage };
  }
}

/** Diploma recognition for regulated professions (nurses: policy note 002 §2.6, seed 004). */
function mapRecognition(declared: Declared, facts: RegisterFacts, mapping: RegisterMapping): void {
  if (facts.recognition && !facts.recognition.found) {
    mapping.findings.push({
      code: 'RECOGNITION_UNKNOWN',
      facts: { naricReference: declared.naricReference },
    });
    return;
  }
  if (!facts.recognition?.found) return;
  const recognition = facts.recognition.value;
  if (recognition.status !== 'DECIDED' || recognition.decision !== 'EQUIVALENT') {
    mapping.findings.push({
      code: 'RECOGNITION_MISSING',
      facts: { status: recognition.status, decision: recognition.decision },
    });
  }
  if (recognition.levelDecided !== null) {
    mapping.comparisons.push(
      compare(
        'worker.qualificationVks',
        declared.qualificationVks,
        recognition.levelDecided,
        facts.recognition.provenance,
      ),
    );
  }
}

/** The last complete quarters before the application date, newest first, as the DmfA names them (`2026-Q1`). */
export function previousQuarters(applicationDate: string, count = 2): string[] {
  let year = Number(applicationDate.slice(0, 4));
  let quarter = Math.ceil(Number(applicationDate.slice(5, 7)) / 3);
  const quarters: string[] = [];
  while (quarters.length < count) {
    quarter -= 1;
    if (quarter === 0) {
      year -= 1;
      quarter = 4;
    }
    quarters.push(`${year}-Q${quarter}`);
  }
  return quarters;
}

/** The longest exclusion `exclusion.sanctionMonths` accepts (its schema's maximum). */
const MAX_EXCLUSION_MONTHS = 120;

/**
 * The contract's ground of a sanction from the register's legal basis (reference.md §5.2), or null
 * when the text names none of them.
 */
export function sanctionGroundOf(legalBasis: string): SanctionGround | null {
  const text = legalBasis.toLowerCase();
  if (/\b12\/[134]\b/.test(text) && /1999/.test(text)) return 'ILLEGAL_EMPLOYMENT';
  if (
    /\b(175\/1|181\/1|181)\b/.test(text) &&
    /(sociaal strafwetboek|code pénal social|social penal code|sws)/.test(text)
  )
    return 'SOCIAL_PENAL_CODE';
  if (/\b13\/[56]\b/.test(text) && /2004/.test(text)) return 'SOCIAL_INSPECTION_DECREE';
  if (/\bart(ikel|icle)?\.?\s*22\b/.test(text) && /2021/.test(text)) return 'ECONOMIC_MIGRATION_DECREE';
  return null;
}
