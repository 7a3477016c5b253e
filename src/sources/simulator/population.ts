import type { DimonaPeriod } from '../dimona/dimona.ts';
import type { DmfaWorkerQuarter } from '../dmfa/dmfa.ts';
import type { Enterprise } from '../kbo/enterprise-register.ts';
import type { Recognition } from '../naric/naric.ts';
import type { Person } from '../national-register/national-register.ts';
import type { SanctionRecord } from '../sanctions/sanctions-register.ts';
import type { ShortageStatus, Vacancy } from '../vacancies/vacancies.ts';

/**
 * The simulated registers' content: plain arrays (tests and the demo loader pick records from
 * them, e.g. `population.people[0]`) plus the lookups the simulator's routes answer from. Records
 * have exactly the shape the registers answer with, so the simulator serves them as they are.
 */
export interface PopulationData {
  seed: number;
  /** The "today" the population was generated for: recent, ongoing and past are relative to it. */
  referenceDate: string;
  enterprises: Enterprise[];
  people: Person[];
  employments: DimonaPeriod[];
  dmfaQuarters: DmfaWorkerQuarter[];
  vacancies: Vacancy[];
  shortageList: ShortageStatus[];
  recognitions: Recognition[];
  /** Only the subjects with at least one sanction. */
  sanctions: SanctionRecord[];
  /** The records the demo data relies on (Bakkerij Peeters bv and its people). */
  demo: {
    employer: Enterprise;
    director: Person;
    workers: Person[];
    nonEuWorkers: Person[];
    vacancyReferences: string[];
    recognitionReference: string;
  };
}

export interface Population extends PopulationData {
  findEnterprise(enterpriseNumber: string): Enterprise | undefined;
  findPerson(insz: string): Person | undefined;
  listEmployerEmployments(enterpriseNumber: string): DimonaPeriod[];
  listWorkerEmployments(insz: string): DimonaPeriod[];
  findDmfaQuarter(insz: string, quarter: string): DmfaWorkerQuarter | undefined;
  findVacancy(reference: string): Vacancy | undefined;
  findShortageStatus(year: number, iscoCode: string): ShortageStatus | undefined;
  findRecognition(reference: string): Recognition | undefined;
  /** The subject's sanctions (an empty list for a known subject without any); undefined for an unknown subject. */
  findSanctions(kind: 'ENTERPRISE' | 'PERSON', id: string): SanctionRecord | undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const indexBy = <T>(items: readonly T[], key: (item: T) => string) =>
  new Map(items.map((item) => [key(item), item] as const));

/** Adds the lookups to generated data. */
export function indexPopulation(data: PopulationData): Population {
  const enterprises = indexBy(data.enterprises, (e) => e.enterpriseNumber);
  const people = indexBy(data.people, (p) => p.insz);
  const byEmployer = groupBy(data.employments, (e) => e.enterpriseNumber);
  const byWorker = groupBy(data.employments, (e) => e.insz);
  const dmfa = indexBy(data.dmfaQuarters, (q) => `${q.insz} ${q.quarter}`);
  const vacancies = indexBy(data.vacancies, (v) => v.reference);
  const shortage = indexBy(data.shortageList, (s) => `${s.year} ${s.iscoCode}`);
  const recognitions = indexBy(data.recognitions, (r) => r.reference);
  const sanctions = indexBy(data.sanctions, (s) => `${s.subject.kind} ${s.subject.id}`);
  return {
    ...data,
    findEnterprise: (number) => enterprises.get(number),
    findPerson: (insz) => people.get(insz),
    listEmployerEmployments: (number) => byEmployer.get(number) ?? [],
    listWorkerEmployments: (insz) => byWorker.get(insz) ?? [],
    findDmfaQuarter: (insz, quarter) => dmfa.get(`${insz} ${quarter}`),
    findVacancy: (reference) => vacancies.get(reference),
    findShortageStatus: (year, iscoCode) => shortage.get(`${year} ${iscoCode}`),
    findRecognition: (reference) => recognitions.get(reference),
    findSanctions(kind, id) {
      const known = kind === 'ENTERPRISE' ? enterprises.has(id) : people.has(id);
      if (!known) return undefined;
      return sanctions.get(`${kind} ${id}`) ?? { subject: { kind, id }, sanctions: [] };
    },
  };
}
