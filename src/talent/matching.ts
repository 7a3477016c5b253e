import { locatePostalCode } from '../rules/index.ts';
import {
  type CandidateForMatching,
  CIRCLES,
  type Circle,
  cefrRank,
  type LanguageSkill,
  type VacancyForMatching,
} from './talent-model.ts';

/**
 * Explainable matching of candidates and shortage vacancies, both ways (issue 17). Pure. Every
 * point of a score comes with the criterion and the facts it rests on, so a page can say why a
 * candidate ranks where they do. The concentric order comes before the score: everyone in the
 * first circle (living in Belgium) ranks above everyone in the EU, who ranks above third
 * countries, whatever their points (policy note Werk 2024-2029: the local reserve first).
 *
 * A candidate matches a vacancy at all only through the occupation: the same ESCO occupation, the
 * same ISCO-08 unit group (4 digits) or the same minor group (3 digits). The other criteria move
 * the candidate up or down, never out: a case worker would rather see a near miss with its reason.
 */

export const CRITERIA = [
  'OCCUPATION',
  'EDUCATION',
  'LANGUAGES',
  'DISTANCE',
  'AVAILABILITY',
  'RECOGNITION',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export type OccupationFit = 'SAME_OCCUPATION' | 'SAME_UNIT_GROUP' | 'SAME_MINOR_GROUP';
export type EducationFit = 'MEETS_LEVEL' | 'ONE_LEVEL_BELOW' | 'BELOW_LEVEL';
export type LanguageFit = 'NONE_REQUIRED' | 'ALL_MET' | 'PARTLY_MET' | 'NOT_MET';
export type DistanceFit =
  | 'SAME_POSTAL_CODE'
  | 'SAME_AREA'
  | 'SAME_PROVINCE'
  | 'SAME_REGION'
  | 'IN_BELGIUM'
  | 'ABROAD';
export type AvailabilityFit = 'BY_START' | 'WITHIN_30_DAYS' | 'WITHIN_90_DAYS' | 'LATER';
export type RecognitionFit = 'RECOGNISED' | 'PENDING' | 'MISSING';

export type MatchReason =
  | { criterion: 'OCCUPATION'; fit: OccupationFit; points: number; facts: { iscoCode: string } }
  | {
      criterion: 'EDUCATION';
      fit: EducationFit;
      points: number;
      facts: { educationVks: number; requiredVks: number };
    }
  | {
      criterion: 'LANGUAGES';
      fit: LanguageFit;
      points: number;
      facts: { missing: LanguageSkill[]; required: LanguageSkill[] };
    }
  | { criterion: 'DISTANCE'; fit: DistanceFit; points: number; facts: { circle: Circle } }
  | {
      criterion: 'AVAILABILITY';
      fit: AvailabilityFit;
      points: number;
      facts: { availableFrom: string; startDate: string; daysLate: number };
    }
  | {
      criterion: 'RECOGNITION';
      fit: RecognitionFit;
      points: number;
      /** recognitionFile: where the candidate's NARIC file stands (src/talent/care/care-matching.ts). */
      facts: { iscoCode: string; recognitionFile?: unknown };
    };

/** The most points each criterion gives; together 100. Recognition counts only for regulated functions. */
export const WEIGHTS: Readonly<Record<Criterion, number>> = {
  OCCUPATION: 40,
  EDUCATION: 15,
  LANGUAGES: 15,
  DISTANCE: 10,
  AVAILABILITY: 10,
  RECOGNITION: 10,
};

export const OCCUPATION_POINTS: Readonly<Record<OccupationFit, number>> = {
  SAME_OCCUPATION: 40,
  SAME_UNIT_GROUP: 28,
  SAME_MINOR_GROUP: 15,
};
export const DISTANCE_POINTS: Readonly<Record<DistanceFit, number>> = {
  SAME_POSTAL_CODE: 10,
  SAME_AREA: 8,
  SAME_PROVINCE: 6,
  SAME_REGION: 4,
  IN_BELGIUM: 2,
  ABROAD: 0,
};
export const AVAILABILITY_POINTS: Readonly<Record<AvailabilityFit, number>> = {
  BY_START: 10,
  WITHIN_30_DAYS: 6,
  WITHIN_90_DAYS: 3,
  LATER: 0,
};
export const EDUCATION_POINTS: Readonly<Record<EducationFit, number>> = {
  MEETS_LEVEL: 15,
  ONE_LEVEL_BELOW: 6,
  BELOW_LEVEL: 0,
};
export const RECOGNITION_POINTS: Readonly<Record<RecognitionFit, number>> = {
  RECOGNISED: 10,
  PENDING: 4,
  MISSING: 0,
};

export interface MatchContext {
  /** ISCO-08 unit groups of the regulated care professions (rules parameter profession.regulatedCareIscoCodes). */
  regulatedIscoCodes: ReadonlySet<string>;
}

export interface Match {
  vacancyId: string;
  candidateId: string;
  circle: Circle;
  score: number;
  /** The candidate may not (yet) work without more: a permit to apply for, or a waiting period. */
  needsPermit: boolean;
  mayNotYetWork: boolean;
  reasons: MatchReason[];
}

function occupationFit(vacancy: VacancyForMatching, candidate: CandidateForMatching): OccupationFit | null {
  if (candidate.occupationIds.includes(vacancy.occupationId)) return 'SAME_OCCUPATION';
  if (candidate.iscoCodes.includes(vacancy.iscoCode)) return 'SAME_UNIT_GROUP';
  const minor = vacancy.iscoCode.slice(0, 3);
  return candidate.iscoCodes.some((code) => code.startsWith(minor)) ? 'SAME_MINOR_GROUP' : null;
}

function educationFit(educationVks: number, requiredVks: number): EducationFit {
  if (educationVks >= requiredVks) return 'MEETS_LEVEL';
  return educationVks === requiredVks - 1 ? 'ONE_LEVEL_BELOW' : 'BELOW_LEVEL';
}

/** Each required language counts in full when met, half when one CEFR level short. */
function languageReason(required: readonly LanguageSkill[], spoken: readonly LanguageSkill[]): MatchReason {
  if (required.length === 0)
    return {
      criterion: 'LANGUAGES',
      fit: 'NONE_REQUIRED',
      points: WEIGHTS.LANGUAGES,
      facts: { missing: [], required: [] },
    };
  let credit = 0;
  const missing: LanguageSkill[] = [];
  for (const need of required) {
    const has = spoken.find((skill) => skill.lang === need.lang);
    const gap = has ? cefrRank(need.level) - cefrRank(has.level) : Number.POSITIVE_INFINITY;
    if (gap <= 0) credit += 1;
    else {
      if (gap === 1) credit += 0.5;
      missing.push(need);
    }
  }
  const fit: LanguageFit = missing.length === 0 ? 'ALL_MET' : credit > 0 ? 'PARTLY_MET' : 'NOT_MET';
  return {
    criterion: 'LANGUAGES',
    fit,
    points: Math.round((WEIGHTS.LANGUAGES * credit) / required.length),
    facts: { missing, required: [...required] },
  };
}

/**
 * How near the candidate lives, in bands rather than kilometres: Loket keeps no address, only a
 * postal code, and the bands follow Belgian postal geography (the first two digits are an area,
 * the ranges provinces and regions).
 */
export function distanceFit(
  vacancyPostalCode: string,
  candidate: Pick<CandidateForMatching, 'circle' | 'postalCode'>,
): DistanceFit {
  if (candidate.circle !== 'BELGIUM' || candidate.postalCode === null) return 'ABROAD';
  if (candidate.postalCode === vacancyPostalCode) return 'SAME_POSTAL_CODE';
  if (candidate.postalCode.slice(0, 2) === vacancyPostalCode.slice(0, 2)) return 'SAME_AREA';
  const here = locatePostalCode(candidate.postalCode);
  const there = locatePostalCode(vacancyPostalCode);
  if (here && there && here.province !== null && here.province === there.province) return 'SAME_PROVINCE';
  if (here && there && here.region === there.region) return 'SAME_REGION';
  return 'IN_BELGIUM';
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function availabilityFit(daysLate: number): AvailabilityFit {
  if (daysLate <= 0) return 'BY_START';
  if (daysLate <= 30) return 'WITHIN_30_DAYS';
  return daysLate <= 90 ? 'WITHIN_90_DAYS' : 'LATER';
}

/** The match of one candidate with one vacancy, with its reasons; null when the occupation does not fit. */
export function matchCandidate(
  vacancy: VacancyForMatching,
  candidate: CandidateForMatching,
  context: MatchContext,
): Match | null {
  const occupation = occupationFit(vacancy, candidate);
  if (!occupation) return null;
  const education = educationFit(candidate.educationVks, vacancy.requiredVks);
  const distance = distanceFit(vacancy.postalCode, candidate);
  const daysLate = Math.max(0, daysBetween(vacancy.startDate, candidate.availableFrom));
  const availability = availabilityFit(daysLate);
  const reasons: MatchReason[] = [
    {
      criterion: 'OCCUPATION',
      fit: occupation,
      points: OCCUPATION_POINTS[occupation],
      facts: { iscoCode: vacancy.iscoCode },
    },
    {
      criterion: 'EDUCATION',
      fit: education,
      points: EDUCATION_POINTS[education],
      facts: { educationVks: candidate.educationVks, requiredVks: vacancy.requiredVks },
    },
    languageReason(vacancy.languages, candidate.languages),
    {
      criterion: 'DISTANCE',
      fit: distance,
      points: DISTANCE_POINTS[distance],
      facts: { circle: candidate.circle },
    },
    {
      criterion: 'AVAILABILITY',
      fit: availability,
      points: AVAILABILITY_POINTS[availability],
      facts: { availableFrom: candidate.availableFrom, startDate: vacancy.startDate, daysLate },
    },
  ];
  let possible = 100 - WEIGHTS.RECOGNITION;
  if (context.regulatedIscoCodes.has(vacancy.iscoCode)) {
    possible = 100;
    const fit: RecognitionFit =
      candidate.recognition === 'RECOGNISED'
        ? 'RECOGNISED'
        : candidate.recognition === 'PENDING'
          ? 'PENDING'
          : 'MISSING';
    reasons.push({
      criterion: 'RECOGNITION',
      fit,
      points: RECOGNITION_POINTS[fit],
      facts: { iscoCode: vacancy.iscoCode },
    });
  }
  const points = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return {
    vacancyId: vacancy.id,
    candidateId: candidate.id,
    circle: candidate.circle,
    // Out of 100 whether or not recognition counts, so scores compare across vacancies.
    score: Math.round((100 * points) / possible),
    needsPermit: candidate.workAccess === 'PERMIT_NEEDED',
    mayNotYetWork: candidate.workAccess === 'NOT_YET',
    reasons,
  };
}

/** Concentric circle first, then score, then who may work now; ties by id, so the order is stable. */
export function compareMatches(a: Match, b: Match): number {
  return (
    CIRCLES.indexOf(a.circle) - CIRCLES.indexOf(b.circle) ||
    b.score - a.score ||
    Number(a.mayNotYetWork) - Number(b.mayNotYetWork) ||
    (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0) ||
    (a.vacancyId < b.vacancyId ? -1 : a.vacancyId > b.vacancyId ? 1 : 0)
  );
}

/** The best `limit` candidates for a vacancy, in the concentric order. */
export function rankCandidates(
  vacancy: VacancyForMatching,
  candidates: Iterable<CandidateForMatching>,
  context: MatchContext,
  limit: number,
): Match[] {
  const matches: Match[] = [];
  for (const candidate of candidates) {
    const match = matchCandidate(vacancy, candidate, context);
    if (match) matches.push(match);
  }
  return matches.sort(compareMatches).slice(0, limit);
}

/** The best `limit` vacancies for a candidate, by score (the candidate's circle is the same for each). */
export function rankVacancies(
  candidate: CandidateForMatching,
  vacancies: Iterable<VacancyForMatching>,
  context: MatchContext,
  limit: number,
): Match[] {
  const matches: Match[] = [];
  for (const vacancy of vacancies) {
    const match = matchCandidate(vacancy, candidate, context);
    if (match) matches.push(match);
  }
  return matches.sort(compareMatches).slice(0, limit);
}
