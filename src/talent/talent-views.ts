import type { Lang } from '../i18n/languages.ts';
import { findOccupation } from '../occupations/occupation-catalogue.ts';
import { getDefaultRuleData, locatePostalCode } from '../rules/index.ts';
import type { Match, MatchContext } from './matching.ts';
import { needsAuthorisation, type PermitRoute, type ShortageStatus, shortageStatus } from './permit-route.ts';
import type { Candidate, Vacancy } from './talent.repo.ts';

/** What the talent routes answer: views of vacancies, candidates and matches, with labels in the reader's language. */

export function occupationLabel(id: string, lang: Lang): string {
  const occupation = findOccupation(id);
  if (!occupation) return id;
  return occupation.labels[lang] ?? occupation.labels.nl ?? occupation.labels.en ?? id;
}

export function matchContext(at: string): MatchContext {
  const regulated = getDefaultRuleData().parameters.resolve('profession.regulatedCareIscoCodes', at)?.value;
  return { regulatedIscoCodes: new Set((regulated ?? []) as string[]) };
}

function vacancyNames(vacancy: Vacancy): string[] {
  const occupation = findOccupation(vacancy.occupationId);
  return [
    vacancy.title,
    ...(occupation ? Object.values(occupation.labels) : []),
    ...(occupation ? Object.values(occupation.altLabels).flatMap((labels) => labels ?? []) : []),
  ];
}

export function vacancyShortageStatus(vacancy: Vacancy, at: string, lang: Lang): ShortageStatus {
  return shortageStatus(getDefaultRuleData(), { ...vacancy, names: vacancyNames(vacancy) }, at, lang);
}

export function vacancyView(vacancy: Vacancy, lang: Lang) {
  return {
    id: vacancy.id,
    enterpriseNumber: vacancy.enterpriseNumber,
    occupationId: vacancy.occupationId,
    occupationLabel: occupationLabel(vacancy.occupationId, lang),
    iscoCode: vacancy.iscoCode,
    title: vacancy.title,
    postalCode: vacancy.postalCode,
    requiredVks: vacancy.requiredVks,
    languages: vacancy.languages,
    startDate: vacancy.startDate,
    positions: vacancy.positions,
    grossAnnualSalary: vacancy.grossAnnualSalary,
    onVdabShortageList: vacancy.onVdabShortageList,
    status: vacancy.status,
    source: vacancy.source,
    sourceReference: vacancy.sourceReference,
    publishedUntil: vacancy.publishedUntil,
    createdAt: vacancy.createdAt,
  };
}

/** A candidate as their partner sees them: everything the partner recorded. */
export function candidateView(candidate: Candidate, lang: Lang) {
  return {
    id: candidate.id,
    partnerName: candidate.partnerName,
    reference: candidate.reference,
    pool: candidate.pool,
    occupations: candidate.occupationIds.map((id) => ({ id, label: occupationLabel(id, lang) })),
    educationVks: candidate.educationVks,
    languages: candidate.languages,
    circle: candidate.circle,
    postalCode: candidate.postalCode,
    nationality: candidate.nationality,
    workAccess: candidate.workAccess,
    availableFrom: candidate.availableFrom,
    recognition: candidate.recognition,
    naricReference: candidate.naricReference,
    consentPurpose: candidate.consentPurpose,
    consentGivenOn: candidate.consentGivenOn,
    consentShowEmployers: candidate.consentShowEmployers,
    retentionUntil: candidate.retentionUntil,
    createdAt: candidate.createdAt,
  };
}

/**
 * A candidate as an employer or the service sees them in a vacancy's ranking: no postal code (the
 * distance band says enough), no nationality, no pool (whether someone is a refugee is not the
 * employer's business), no NARIC reference; the partner's name and file reference to ask for contact.
 */
export function shownCandidateView(candidate: Candidate, lang: Lang) {
  const place = candidate.postalCode ? locatePostalCode(candidate.postalCode) : null;
  return {
    id: candidate.id,
    partnerName: candidate.partnerName,
    reference: candidate.reference,
    occupations: candidate.occupationIds.map((id) => ({ id, label: occupationLabel(id, lang) })),
    educationVks: candidate.educationVks,
    languages: candidate.languages,
    circle: candidate.circle,
    province: place?.province ?? null,
    region: place?.region ?? null,
    workAccess: candidate.workAccess,
    availableFrom: candidate.availableFrom,
    recognition: candidate.recognition,
  };
}

/**
 * The route a match of a third-country worker needs: the rules engine assessed with this
 * candidate's nationality and level. Null when the candidate needs no permit (free movement, or
 * already allowed to work here).
 */
export function routeFor(vacancy: Vacancy, candidate: Candidate, at: string, lang: Lang): PermitRoute | null {
  if (candidate.workAccess !== 'PERMIT_NEEDED') return null;
  const data = getDefaultRuleData();
  if (!needsAuthorisation(candidate.nationality, at, data)) return null;
  const status = shortageStatus(data, { ...vacancy, names: vacancyNames(vacancy) }, at, lang, {
    nationality: candidate.nationality,
    educationVks: candidate.educationVks,
    naricReference: candidate.naricReference,
  });
  return status.route;
}

export function matchView(match: Match) {
  return {
    circle: match.circle,
    score: match.score,
    needsPermit: match.needsPermit,
    mayNotYetWork: match.mayNotYetWork,
    reasons: match.reasons,
  };
}
