import {
  type Lookup,
  type Provenance,
  type SourceAdapters,
  SourceError,
  type SourceName,
} from '../../sources/index.ts';
import { type Declared, previousQuarters, type RegisterFacts } from './map-register-facts.ts';

/**
 * Asks every register a dossier needs, in parallel (a second round only where the first answer
 * names more to ask: the directors' sanctions, the staff's nationalities). A register that fails
 * is reported as missing; the others' answers are kept.
 */

export interface StoredFact {
  source: SourceName;
  subject: string;
  isFound: boolean;
  value: unknown;
  provenance: Provenance;
}

export interface FetchResult {
  facts: RegisterFacts;
  stored: StoredFact[];
  missing: { source: SourceName; error: string }[];
}

// The national register is asked for at most this many staff members' nationalities per dossier
// (one question); above it the workforce's non-EU share is left to the case handler.
const MAX_STAFF_LOOKUPS = 60;

export async function fetchRegisterFacts(sources: SourceAdapters, declared: Declared): Promise<FetchResult> {
  const stored: StoredFact[] = [];
  const missing: FetchResult['missing'] = [];
  /** A register that did not answer is missing (once per source); anything else is a bug and thrown. */
  const noteMissing = (source: SourceName, error: unknown) => {
    if (!(error instanceof SourceError)) throw error;
    if (!missing.some((m) => m.source === source))
      missing.push({ source, error: error.message.slice(0, 300) });
  };
  const ask = async <T>(source: SourceName, subject: string, call: () => Promise<Lookup<T>>) => {
    try {
      const answer = await call();
      stored.push({
        source,
        subject,
        isFound: answer.found,
        value: answer.found ? answer.value : null,
        provenance: answer.provenance,
      });
      return answer;
    } catch (error) {
      noteMissing(source, error);
      return undefined;
    }
  };
  const number = declared.enterpriseNumber;
  const insz = declared.insz?.replace(/\D/g, '') || null;
  const year = Number(declared.applicationDate.slice(0, 4));
  const { vacancyReference, iscoCode, naricReference } = declared;
  const applicationDay = declared.applicationDate;
  // Every question starts at once; a follow-up starts as soon as the answer it needs is in, so a
  // dossier costs about two register round trips, not one per register.
  const enterpriseAsked = ask('kbo', `enterprise:${number}`, () => sources.kbo.getEnterprise(number));
  const employmentsAsked = ask('dimona', `employer:${number}`, () =>
    sources.dimona.getEmployerEmployments(number),
  );
  const directorSanctionsAsked = enterpriseAsked.then((enterprise) =>
    Promise.all(
      (enterprise?.found ? enterprise.value.directors.map((d) => d.insz) : [])
        .filter((d): d is string => d !== null)
        .map((d) => ask('sanctions', `person:${d}`, () => sources.sanctions.getPersonSanctions(d))),
    ),
  );
  const staffAsked = employmentsAsked.then((employments) => {
    const staff = employments?.found
      ? [
          ...new Set(
            employments.value.periods
              .filter(
                (p) => p.startDate <= applicationDay && (p.endDate === null || p.endDate >= applicationDay),
              )
              .map((p) => p.insz),
          ),
        ]
      : [];
    // One question for the whole staff: one round trip, and one chance of a failure, not one each.
    if (staff.length === 0 || staff.length > MAX_STAFF_LOOKUPS) return [];
    // Not stored as facts (third parties' personal data; only the counts are used), but a failure
    // leaves the check WAITING for the national register like any other missing answer.
    return sources.nationalRegister.getPeople(staff).then(
      (answer) => (answer.found ? answer.value : []),
      (error: unknown) => {
        noteMissing('national-register', error);
        return [];
      },
    );
  });
  const [
    enterprise,
    enterpriseSanctions,
    employerEmployments,
    person,
    workerEmployments,
    vacancy,
    shortageStatus,
    recognition,
    directorSanctions,
    staffPeople,
    wageQuarters,
  ] = await Promise.all([
    enterpriseAsked,
    ask('sanctions', `enterprise:${number}`, () => sources.sanctions.getEnterpriseSanctions(number)),
    employmentsAsked,
    insz
      ? ask('national-register', `person:${insz}`, () => sources.nationalRegister.getPerson(insz))
      : undefined,
    insz ? ask('dimona', `worker:${insz}`, () => sources.dimona.getWorkerEmployments(insz)) : undefined,
    vacancyReference
      ? ask('vacancies', `vacancy:${vacancyReference}`, () => sources.vacancies.getVacancy(vacancyReference))
      : undefined,
    iscoCode && declared.onVdabShortageList !== null
      ? ask('vacancies', `shortage:${iscoCode}:${year}`, () =>
          sources.vacancies.getShortageStatus(iscoCode, year),
        )
      : undefined,
    naricReference
      ? ask('naric', `recognition:${naricReference}`, () => sources.naric.getRecognition(naricReference))
      : undefined,
    directorSanctionsAsked,
    staffAsked,
    Promise.all(
      insz && declared.isRenewal
        ? previousQuarters(declared.applicationDate).map((quarter) =>
            ask('dmfa', `quarter:${insz}:${quarter}`, () => sources.dmfa.getWorkerQuarter(insz, quarter)),
          )
        : [],
    ),
  ]);
  const staffNationalities: Record<string, string> = {};
  for (const person of staffPeople) staffNationalities[person.insz] = person.nationality;

  const facts: RegisterFacts = {
    ...(enterprise ? { enterprise } : {}),
    ...(enterpriseSanctions ? { enterpriseSanctions } : {}),
    directorSanctions: directorSanctions.filter((d): d is NonNullable<typeof d> => d !== undefined),
    ...(employerEmployments ? { employerEmployments } : {}),
    staffNationalities,
    ...(person ? { person } : {}),
    ...(workerEmployments ? { workerEmployments } : {}),
    wageQuarters: wageQuarters.filter((q): q is NonNullable<typeof q> => q !== undefined),
    ...(vacancy ? { vacancy } : {}),
    ...(shortageStatus ? { shortageStatus } : {}),
    ...(recognition ? { recognition } : {}),
  };
  return { facts, stored, missing };
}
