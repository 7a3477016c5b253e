import type { Category, Province, ReasonCode } from '../../rules/index.ts';
import { hashText } from '../../sources/simulator/seeded-random.ts';

/**
 * Who applies in each category: nationality, sex, age, qualification, occupation and workplace.
 * Weights are assumptions shaped on the published top lists (2019: India 2,884, Turkey 815, Japan
 * 788; 2022: nearly half of the shortage occupations from Turkey or Morocco, India the main origin
 * of care workers; 2023: Ukraine, Turkey, India first) — reference.md §8.2.
 */
type Weights<T> = ReadonlyArray<readonly [T, number]>;

export type Group = 'HIGHLY_SKILLED' | 'SHORTAGE' | 'CORPORATE' | 'OTHER';

export function groupOf(category: Category): Group {
  switch (category) {
    case 'HIGHLY_SKILLED':
    case 'EU_BLUE_CARD':
      return 'HIGHLY_SKILLED';
    case 'MEDIUM_SKILLED_SHORTAGE':
      return 'SHORTAGE';
    case 'INTRA_CORPORATE_TRANSFEREE':
    case 'EXECUTIVE':
    case 'RESEARCHER':
      return 'CORPORATE';
    default:
      return 'OTHER';
  }
}

export const NATIONALITIES: Readonly<Record<Group, Weights<string>>> = {
  HIGHLY_SKILLED: [
    ['IN', 38],
    ['JP', 7],
    ['US', 6],
    ['CN', 6],
    ['TR', 4],
    ['BR', 4],
    ['GB', 3],
    ['IR', 2],
    ['PK', 2],
    ['EG', 2],
    ['PH', 2],
    ['ZA', 2],
    ['MX', 2],
    ['KR', 2],
    ['CA', 2],
    ['TN', 2],
    ['MA', 2],
    ['RU', 2],
    ['NG', 1],
    ['UA', 1],
    ['VN', 1],
    ['CO', 1],
    ['AR', 1],
    ['ID', 1],
    ['LB', 1],
    ['SG', 1],
  ],
  SHORTAGE: [
    ['TR', 24],
    ['MA', 20],
    ['IN', 10],
    ['UA', 8],
    ['PH', 6],
    ['TN', 5],
    ['RS', 5],
    ['BA', 4],
    ['BY', 3],
    ['AL', 3],
    ['KZ', 2],
    ['MD', 2],
    ['GE', 2],
    ['MK', 2],
    ['BR', 2],
    ['CM', 2],
    ['SN', 1],
  ],
  CORPORATE: [
    ['IN', 30],
    ['US', 10],
    ['JP', 10],
    ['CN', 10],
    ['BR', 4],
    ['GB', 4],
    ['TR', 3],
    ['KR', 3],
    ['IL', 2],
    ['CA', 2],
    ['MX', 2],
    ['SG', 2],
    ['AU', 2],
    ['ZA', 1],
  ],
  OTHER: [
    ['MA', 15],
    ['TR', 15],
    ['UA', 10],
    ['IN', 8],
    ['PH', 5],
    ['VN', 4],
    ['RS', 4],
    ['AL', 4],
    ['TN', 4],
    ['BR', 3],
    ['GE', 3],
    ['US', 3],
    ['CN', 2],
    ['SN', 2],
    ['CM', 2],
    ['CO', 2],
    ['XX', 1],
  ],
};

/** The 2023 peak of Ukrainian workers (13,330 TTAs to 9 Oct 2023: Ukraine 2,645 first). */
export function nationalityWeights(group: Group, year: number): Weights<string> {
  const base = NATIONALITIES[group];
  // Russian workers fade after 2022; British ones count only after Brexit (2021).
  return base.map(([code, weight]) => {
    if (code === 'UA' && (year === 2023 || year === 2024))
      return [code, weight * (group === 'HIGHLY_SKILLED' ? 2 : 4)];
    if (code === 'RU' && year >= 2022) return [code, weight * 0.3];
    if (code === 'GB' && year < 2021) return [code, 0];
    return [code, weight];
  });
}

export const MALE_SHARE: Readonly<Record<Group, number>> = {
  HIGHLY_SKILLED: 0.75,
  SHORTAGE: 0.92,
  CORPORATE: 0.72,
  OTHER: 0.7,
};

/** Mean and spread of the age at submission. */
export const AGE: Readonly<Record<Group, readonly [number, number]>> = {
  HIGHLY_SKILLED: [32, 6],
  SHORTAGE: [35, 8],
  CORPORATE: [38, 8],
  OTHER: [29, 8],
};

export const VKS: Readonly<Record<Category, Weights<number>>> = {
  HIGHLY_SKILLED: [
    [6, 55],
    [7, 40],
    [8, 5],
  ],
  EU_BLUE_CARD: [
    [6, 40],
    [7, 55],
    [8, 5],
  ],
  MEDIUM_SKILLED_SHORTAGE: [
    [3, 30],
    [4, 60],
    [5, 10],
  ],
  OTHER_LABOUR_MARKET_TEST: [
    [2, 15],
    [3, 35],
    [4, 40],
    [5, 10],
  ],
  SEASONAL_WORKER: [
    [1, 30],
    [2, 50],
    [3, 20],
  ],
  INTRA_CORPORATE_TRANSFEREE: [
    [6, 50],
    [7, 45],
    [5, 5],
  ],
  EXECUTIVE: [
    [6, 45],
    [7, 50],
    [8, 5],
  ],
  RESEARCHER: [
    [8, 80],
    [7, 20],
  ],
  TRAINEE: [
    [5, 40],
    [6, 60],
  ],
  AU_PAIR: [
    [3, 50],
    [4, 50],
  ],
  PROFESSIONAL_ATHLETE: [
    [3, 50],
    [4, 50],
  ],
  PERFORMING_ARTIST: [
    [4, 40],
    [5, 30],
    [6, 30],
  ],
  MINISTER_OF_RELIGION: [
    [5, 40],
    [6, 40],
    [7, 20],
  ],
};

/** ISCO-08 unit groups per category (the shortage category takes its code from the list function). */
export const ISCO: Readonly<Record<Category, Weights<string>>> = {
  HIGHLY_SKILLED: [
    ['2512', 25],
    ['2511', 10],
    ['2514', 5],
    ['2141', 8],
    ['2144', 8],
    ['2149', 5],
    ['2421', 6],
    ['2411', 6],
    ['2431', 4],
    ['1330', 4],
    ['2211', 2],
    ['2529', 5],
    ['2152', 4],
    ['2145', 3],
  ],
  EU_BLUE_CARD: [
    ['2512', 40],
    ['2511', 20],
    ['2144', 15],
    ['1330', 10],
    ['2152', 15],
  ],
  MEDIUM_SKILLED_SHORTAGE: [['8332', 1]],
  OTHER_LABOUR_MARKET_TEST: [
    ['7212', 20],
    ['5120', 20],
    ['9329', 15],
    ['8322', 15],
    ['7115', 15],
    ['7411', 15],
  ],
  SEASONAL_WORKER: [
    ['9211', 70],
    ['6111', 30],
  ],
  INTRA_CORPORATE_TRANSFEREE: [
    ['2512', 40],
    ['1330', 20],
    ['2421', 20],
    ['2144', 20],
  ],
  EXECUTIVE: [
    ['1120', 50],
    ['1219', 30],
    ['1321', 20],
  ],
  RESEARCHER: [
    ['2131', 40],
    ['2310', 30],
    ['2113', 30],
  ],
  TRAINEE: [
    ['3119', 50],
    ['2149', 50],
  ],
  AU_PAIR: [['5311', 1]],
  PROFESSIONAL_ATHLETE: [['3421', 1]],
  PERFORMING_ARTIST: [
    ['2652', 60],
    ['2659', 40],
  ],
  MINISTER_OF_RELIGION: [['2636', 1]],
};

/** Migration-list functions (rules/migration-list) with their ISCO group; truck drivers lead. */
export const LIST_FUNCTIONS: Weights<readonly [string, string]> = [
  [['truck-driver', '8332'], 30],
  [['vehicle-technician', '7231'], 8],
  [['industrial-electrician', '7412'], 8],
  [['maintenance-electrician', '7412'], 5],
  [['cnc-operator', '7223'], 5],
  [['bricklayer', '7112'], 5],
  [['butcher', '7411'], 5],
  [['chef', '3434'], 6],
  [['sheet-metal-worker', '7213'], 3],
  [['pipefitter', '7126'], 4],
  [['heating-technician', '7127'], 3],
  [['construction-machine-operator', '8342'], 5],
  [['maintenance-mechanic', '7233'], 4],
  [['care-worker', '5321'], 2],
];

export const POSTAL_CODES: Readonly<Record<Province, readonly string[]>> = {
  ANTWERPEN: ['2000', '2018', '2060', '2300', '2800', '2200'],
  OOST_VLAANDEREN: ['9000', '9100', '9200', '9300', '9700'],
  VLAAMS_BRABANT: ['3000', '1800', '1930', '3300', '1500'],
  WEST_VLAANDEREN: ['8000', '8500', '8800', '8400', '8900'],
  LIMBURG: ['3500', '3600', '3900', '3800'],
};

export const PROVINCE_WEIGHTS: Readonly<Record<Group, Weights<Province>>> = {
  HIGHLY_SKILLED: [
    ['ANTWERPEN', 35],
    ['VLAAMS_BRABANT', 28],
    ['OOST_VLAANDEREN', 20],
    ['LIMBURG', 9],
    ['WEST_VLAANDEREN', 8],
  ],
  SHORTAGE: [
    ['ANTWERPEN', 30],
    ['WEST_VLAANDEREN', 25],
    ['OOST_VLAANDEREN', 22],
    ['LIMBURG', 13],
    ['VLAAMS_BRABANT', 10],
  ],
  CORPORATE: [
    ['ANTWERPEN', 35],
    ['VLAAMS_BRABANT', 30],
    ['OOST_VLAANDEREN', 20],
    ['LIMBURG', 8],
    ['WEST_VLAANDEREN', 7],
  ],
  OTHER: [
    ['ANTWERPEN', 30],
    ['OOST_VLAANDEREN', 22],
    ['WEST_VLAANDEREN', 20],
    ['VLAAMS_BRABANT', 15],
    ['LIMBURG', 13],
  ],
};

/**
 * Refusal grounds per category. For shortage occupations the two recurring grounds of the answer
 * to question 003 q3: the worker already in Belgium, and a function not on the list.
 */
export const REFUSAL_REASONS: Readonly<Record<Category, Weights<ReasonCode>>> = {
  HIGHLY_SKILLED: [
    ['SALARY_BELOW_THRESHOLD', 60],
    ['FUNCTION_NOT_HIGHLY_SKILLED', 25],
    ['QUALIFICATION_TOO_LOW', 15],
  ],
  EU_BLUE_CARD: [
    ['SALARY_BELOW_THRESHOLD', 70],
    ['CONTRACT_TOO_SHORT', 30],
  ],
  MEDIUM_SKILLED_SHORTAGE: [
    ['WORKER_ALREADY_IN_BELGIUM', 45],
    ['NOT_ON_MIGRATION_LIST', 40],
    ['EMPLOYMENT_FRACTION_TOO_LOW', 15],
  ],
  OTHER_LABOUR_MARKET_TEST: [
    ['VACANCY_PUBLICATION_INSUFFICIENT', 50],
    ['NOT_ON_SHORTAGE_LIST', 30],
    ['WORKER_ALREADY_IN_BELGIUM', 20],
  ],
  SEASONAL_WORKER: [
    ['SEASONAL_DURATION_EXCEEDED', 80],
    ['EMPLOYER_EXCLUDED', 20],
  ],
  INTRA_CORPORATE_TRANSFEREE: [['ICT_CONDITIONS_NOT_MET', 100]],
  EXECUTIVE: [['SALARY_BELOW_THRESHOLD', 100]],
  RESEARCHER: [['FALSE_DOCUMENTS', 100]],
  TRAINEE: [
    ['EMPLOYER_EXCLUDED', 50],
    ['FALSE_DOCUMENTS', 50],
  ],
  AU_PAIR: [['EMPLOYER_EXCLUDED', 100]],
  PROFESSIONAL_ATHLETE: [['SALARY_BELOW_THRESHOLD', 100]],
  PERFORMING_ARTIST: [['SALARY_BELOW_THRESHOLD', 100]],
  MINISTER_OF_RELIGION: [['FALSE_DOCUMENTS', 100]],
};

/**
 * An athlete's role (003 q2 asks for players, trainers and referees apart): about three players to
 * one trainer, few referees (an assumption; no published split). Drawn from the dossier's own hash,
 * not the shared stream, so every other generated value stays what it was; one in twenty leaves the
 * optional question open.
 */
export function athleteRole(seed: number, n: number): 'PLAYER' | 'TRAINER' | 'REFEREE' | null {
  const draw = hashText(`${seed}:${n}:athlete`) % 100;
  if (draw < 70) return 'PLAYER';
  if (draw < 90) return 'TRAINER';
  if (draw < 95) return 'REFEREE';
  return null;
}
