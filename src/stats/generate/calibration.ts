import type { Category } from '../../rules/index.ts';

/**
 * The published figures the synthetic history is shaped on (reference.md §8.2, seeds 002 and 004),
 * and the assumptions filling the gaps — each marked as such. docs/statistics.md explains them.
 * All volumes are relative: N generated dossiers follow the same shape times N / Σ volumes.
 */

export const FIRST_GENERATED_YEAR = 2019;
/** The last year the calibration covers; the history itself ends on the day it is generated for. */
export const LAST_GENERATED_YEAR = 2028;

/** Applications (submitted dossiers) per year. */
export const YEARLY_APPLICATIONS: Readonly<Record<number, number>> = {
  2019: 10_649, // hln.be 2020-02-19
  2020: 8_400, // assumption: the 2020 dip (COVID), between 2019 and 2021
  2021: 8_024, // minister's answer (authorisations), vlaamsbelang.org 6-11-2023
  2022: 15_028, // minister's answer
  2023: 22_746, // vlaanderen.be nieuws 26-3-2024
  2024: 19_000, // "almost 19,000", tvl.be 2025-04
  2025: 19_500, // assumption: "> 19,000" (visahq, unreliable)
  2026: 17_000, // assumption: stricter medium-skilled rules and a €200 fee from 1 Jan 2026 (seed 002)
  2027: 17_500, // assumption: slow growth
  2028: 18_000, // assumption
};

export const TOTAL_APPLICATIONS = Object.values(YEARLY_APPLICATIONS).reduce((a, b) => a + b, 0);

/** Share of highly skilled (HIGHLY_SKILLED + EU_BLUE_CARD) among grants: seed 002, 69 % → 36 %. */
export const HIGHLY_SKILLED_GRANT_SHARE: Readonly<Record<number, number>> = {
  2019: 0.69,
  2020: 0.66,
  2021: 0.6,
  2022: 0.46,
  2023: 0.39,
  2024: 0.36,
  2025: 0.37, // assumptions from here: the fast lane and the stricter medium-skilled rules
  2026: 0.44,
  2027: 0.46,
  2028: 0.47,
};

/** Renewals among applications: ≈ 6,500 of ≈ 16,500 in 2023 (≈ 40 %); earlier years assumed lower. */
export const RENEWAL_SHARE: Readonly<Record<number, number>> = {
  2019: 0.2,
  2020: 0.25,
  2021: 0.3,
  2022: 0.33,
  2023: 0.4,
  2024: 0.4,
  2025: 0.4,
  2026: 0.4,
  2027: 0.4,
  2028: 0.4,
};

/** 2019: 10,649 applications, 9,841 admissible (7.6 % not); renewals are rarely incomplete. */
export const INADMISSIBLE_SHARE = { FIRST: 0.085, RENEWAL: 0.04 } as const;
export const WITHDRAWN_SHARE = 0.02;

/**
 * Approval of first applications decided, per category: HS 99 %, shortage occupations 70 %,
 * labour-market test 40 % (c. 2020, as published); the others are assumptions. Renewals: 97 %.
 */
export const APPROVAL_RATE: Readonly<Record<Category, number>> = {
  HIGHLY_SKILLED: 0.99,
  EU_BLUE_CARD: 0.97,
  MEDIUM_SKILLED_SHORTAGE: 0.7,
  OTHER_LABOUR_MARKET_TEST: 0.4,
  SEASONAL_WORKER: 0.9,
  INTRA_CORPORATE_TRANSFEREE: 0.97,
  EXECUTIVE: 0.97,
  RESEARCHER: 0.99,
  TRAINEE: 0.9,
  AU_PAIR: 0.9,
  PROFESSIONAL_ATHLETE: 0.95,
  PERFORMING_ARTIST: 0.95,
  MINISTER_OF_RELIGION: 0.8,
};
export const RENEWAL_APPROVAL_RATE = 0.97;

/** Within the highly skilled: EU Blue Cards are the smaller part. */
export const HIGHLY_SKILLED_MIX: ReadonlyArray<readonly [Category, number]> = [
  ['HIGHLY_SKILLED', 85],
  ['EU_BLUE_CARD', 15],
];

/** Shortage occupations among the other categories: rising (> 1/3 truck drivers by 2022). */
export const SHORTAGE_SHARE_OF_OTHERS: Readonly<Record<number, number>> = {
  2019: 0.25,
  2020: 0.3,
  2021: 0.35,
  2022: 0.5,
  2023: 0.55,
  2024: 0.55,
  2025: 0.5,
  2026: 0.4,
  2027: 0.4,
  2028: 0.4,
};

/** The rest of the other categories (assumption, fixed over the years). */
export const OTHER_MIX: ReadonlyArray<readonly [Category, number]> = [
  ['OTHER_LABOUR_MARKET_TEST', 25],
  ['INTRA_CORPORATE_TRANSFEREE', 20],
  ['SEASONAL_WORKER', 15],
  ['EXECUTIVE', 12],
  ['RESEARCHER', 10],
  ['TRAINEE', 6],
  ['AU_PAIR', 4],
  ['PROFESSIONAL_ATHLETE', 4],
  ['PERFORMING_ARTIST', 3],
  ['MINISTER_OF_RELIGION', 1],
];

/**
 * Seed 004: nurses (verpleegkundigen) and care workers (zorgkundigen) granted per nationality.
 * "Meerdere" (several nationalities) is written XX; "Bezette Palestijnse gebieden" PS.
 */
export const NURSES_GRANTED: Readonly<Record<number, Readonly<Record<string, number>>>> = {
  2021: {
    AL: 2,
    BA: 1,
    BR: 1,
    CD: 1,
    PH: 2,
    GH: 1,
    IN: 114,
    IR: 1,
    XX: 1,
    UA: 1,
    SR: 1,
    TN: 2,
    TR: 6,
    ZA: 2,
  },
  2022: {
    PS: 1,
    CD: 1,
    PH: 3,
    GE: 1,
    GH: 1,
    IN: 116,
    ID: 1,
    CM: 3,
    MA: 1,
    UA: 1,
    US: 1,
    BY: 1,
    ZW: 1,
    ZA: 5,
  },
};
export const CARE_WORKERS_GRANTED: Readonly<Record<number, Readonly<Record<string, number>>>> = {
  2021: { BA: 1, PH: 2, IN: 15, ID: 1, XX: 1, RS: 1, SR: 4, TR: 1 },
  2022: {
    AL: 1,
    BA: 3,
    BR: 1,
    CN: 2,
    EG: 1,
    PH: 6,
    GH: 1,
    IN: 186,
    ID: 3,
    KE: 1,
    MA: 1,
    XX: 2,
    NG: 1,
    UA: 1,
    RS: 1,
    SR: 7,
    TR: 2,
  },
};
/** Other years: the nearest seed table times this factor (assumption: steady growth after 2022). */
export const CARE_TABLE_FACTOR: Readonly<Record<number, { nurses: number; careWorkers: number }>> = {
  2019: { nurses: 0.7, careWorkers: 0.3 },
  2020: { nurses: 0.8, careWorkers: 0.6 },
  2023: { nurses: 1.2, careWorkers: 1.6 },
  2024: { nurses: 1.3, careWorkers: 1.8 },
  2025: { nurses: 1.4, careWorkers: 2 },
  2026: { nurses: 1.4, careWorkers: 1.8 },
  2027: { nurses: 1.5, careWorkers: 1.9 },
  2028: { nurses: 1.5, careWorkers: 2 },
};

export function careTables(year: number): {
  nurses: Record<string, number>;
  careWorkers: Record<string, number>;
} {
  const scale = (table: Readonly<Record<string, number>>, factor: number) =>
    Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v * factor]));
  if (year === 2021 || year === 2022) {
    return { nurses: { ...NURSES_GRANTED[year] }, careWorkers: { ...CARE_WORKERS_GRANTED[year] } };
  }
  const factor = CARE_TABLE_FACTOR[year] ?? { nurses: 1, careWorkers: 1 };
  const base = year < 2021 ? 2021 : 2022;
  return {
    nurses: scale(NURSES_GRANTED[base] ?? {}, factor.nurses),
    careWorkers: scale(CARE_WORKERS_GRANTED[base] ?? {}, factor.careWorkers),
  };
}

/**
 * The applications share of the highly skilled that yields the target share of grants, given the
 * approval rates: s·A_o / (A_h·(1−s) + s·A_o).
 */
export function highlySkilledApplicationShare(year: number): number {
  const target = HIGHLY_SKILLED_GRANT_SHARE[year] ?? 0.5;
  const weighted = (mix: ReadonlyArray<readonly [Category, number]>) => {
    const total = mix.reduce((sum, [, w]) => sum + w, 0);
    return mix.reduce((sum, [c, w]) => sum + (APPROVAL_RATE[c] * w) / total, 0);
  };
  const shortage = SHORTAGE_SHARE_OF_OTHERS[year] ?? 0.4;
  const others = shortage * APPROVAL_RATE.MEDIUM_SKILLED_SHORTAGE + (1 - shortage) * weighted(OTHER_MIX);
  const renewal = RENEWAL_SHARE[year] ?? 0.4;
  const highly = (1 - renewal) * weighted(HIGHLY_SKILLED_MIX) + renewal * RENEWAL_APPROVAL_RATE;
  const rest = (1 - renewal) * others + renewal * RENEWAL_APPROVAL_RATE;
  return (target * rest) / (highly * (1 - target) + target * rest);
}
