import { generateEnterprises } from './generate-enterprises.ts';
import { createPersonFactory, isEuNational } from './generate-people.ts';
import {
  generateRecognitions,
  generateSanctions,
  generateShortageList,
  generateVacancies,
} from './generate-registers.ts';
import { generateDmfaQuarters, generateEmployments } from './generate-work.ts';
import { indexPopulation, type Population } from './population.ts';
import { DIPLOMAS } from './reference-data.ts';
import { createSeededRandom } from './seeded-random.ts';

export interface PopulationOptions {
  seed: number;
  /** "Today" for the population (YYYY-MM-DD); today's date by default, so "recent" stays recent. */
  referenceDate?: string;
  enterprises?: number;
  people?: number;
}

/**
 * The whole synthetic population from one seed: the same seed and reference date always give the
 * same records, so tests, the demo and a bug report all see the same registers. The demo employer
 * (KBO 0403.170.701, Bakkerij Peeters bv, 9000 Gent, 12 workers of whom 3 non-EU) is always first.
 */
export function generatePopulation(options: PopulationOptions): Population {
  const random = createSeededRandom(options.seed);
  const referenceDate = options.referenceDate ?? new Date().toISOString().slice(0, 10);
  const makePerson = createPersonFactory(random);

  const director = makePerson({
    nationality: 'BE',
    sex: 'F',
    givenName: 'An',
    familyName: 'Peeters',
    registeredInBelgium: true,
    bornBetween: [1966, 1975],
  });
  const euWorkers = ['BE', 'BE', 'BE', 'BE', 'BE', 'BE', 'BE', 'NL', 'PL'].map((nationality) =>
    makePerson({ nationality, registeredInBelgium: true, bornBetween: [1970, 2003] }),
  );
  // Single-permit holders already at work: registered residents.
  const nonEuWorkers = ['IN', 'MA', 'PH'].map((nationality) =>
    makePerson({ nationality, registeredInBelgium: true, bornBetween: [1985, 2000] }),
  );
  const demoPeople = [director, ...euWorkers, ...nonEuWorkers];
  const others = Array.from({ length: Math.max(0, (options.people ?? 3_000) - demoPeople.length) }, () =>
    makePerson(),
  );

  const residents = others.filter((p) => p.registeredInBelgium);
  const directorPool = residents.filter((p) => p.birthDate < `${Number(referenceDate.slice(0, 4)) - 25}`);
  const { drafts } = generateEnterprises(random, {
    count: options.enterprises ?? 300,
    referenceDate,
    directorPool: directorPool.slice(0, Math.floor(directorPool.length / 2)),
    demoDirector: director,
  });
  const directorInsz = new Set(drafts.flatMap((d) => d.enterprise.directors.map((x) => x.insz)));

  const employmentDrafts = generateEmployments(random, {
    drafts,
    referenceDate,
    residents: residents.filter((p) => !directorInsz.has(p.insz)),
    nonResidents: others.filter((p) => !p.registeredInBelgium),
    demoWorkers: [...euWorkers, ...nonEuWorkers],
  });
  const { vacancies, demoReferences } = generateVacancies(random, { drafts, count: 400, referenceDate });
  const [demoApplicant] = nonEuWorkers;
  if (!demoApplicant) throw new Error('the demo has non-EU workers');
  const recognitions = generateRecognitions(random, {
    applicants: others.filter((p) => !isEuNational(p)),
    demoApplicant,
    count: 250,
    referenceDate,
    diplomas: DIPLOMAS,
  });
  const demoRecognition = recognitions[0];
  const [demoEmployer] = drafts;
  if (!demoEmployer || !demoRecognition) throw new Error('the demo records come first');

  return indexPopulation({
    seed: options.seed,
    referenceDate,
    enterprises: drafts.map((d) => d.enterprise),
    people: [...demoPeople, ...others],
    employments: employmentDrafts.map((e) => e.period),
    dmfaQuarters: generateDmfaQuarters(random, employmentDrafts, referenceDate),
    vacancies,
    shortageList: generateShortageList(random, referenceDate),
    recognitions,
    sanctions: generateSanctions(random, { drafts, referenceDate }),
    demo: {
      employer: demoEmployer.enterprise,
      director,
      workers: [...euWorkers, ...nonEuWorkers],
      nonEuWorkers,
      vacancyReferences: demoReferences,
      recognitionReference: demoRecognition.reference,
    },
  });
}
