import { DISTANCE_POINTS, distanceFit } from './matching.ts';
import {
  CEFR_LEVELS,
  type CefrLevel,
  cefrRank,
  type LanguageSkill,
  type TalentLanguage,
} from './talent-model.ts';

/**
 * The parts of a vacancy's scoring that PostgreSQL evaluates for every candidate of the minor group
 * (ranking.repo.ts), derived here from the pure scorer in matching.ts so that both give the same
 * points: the database ranks and cuts to the top N, matching.ts then explains those N. Pure.
 */

/** Belgian postal codes from..to (inclusive) that lie at the same distance band from the vacancy. */
export interface PostalRun {
  from: number;
  to: number;
  points: number;
}

const FIRST_POSTAL_CODE = 1000;
const LAST_POSTAL_CODE = 9999;
// One list per vacancy postal code; there are fewer than 9,000 codes, each a few runs long.
const runsByPostalCode = new Map<string, readonly PostalRun[]>();

/**
 * The distance points of a candidate living at each postal code, as runs of equal points. Built by
 * asking distanceFit about every code, so the bands (same code, area, province, region, the
 * German-speaking municipalities without a province) are the scorer's own, not a copy of them.
 */
export function distanceRuns(vacancyPostalCode: string): readonly PostalRun[] {
  const known = runsByPostalCode.get(vacancyPostalCode);
  if (known) return known;
  const runs: PostalRun[] = [];
  for (let code = FIRST_POSTAL_CODE; code <= LAST_POSTAL_CODE; code++) {
    const points =
      DISTANCE_POINTS[distanceFit(vacancyPostalCode, { circle: 'BELGIUM', postalCode: String(code) })];
    const last = runs.at(-1);
    if (last && last.points === points) last.to = code;
    else runs.push({ from: code, to: code, points });
  }
  runsByPostalCode.set(vacancyPostalCode, runs);
  return runs;
}

/** One required language as credit by the candidate's level: full credit, half credit one level short. */
export interface LanguageTerm {
  lang: TalentLanguage;
  fullCredit: readonly CefrLevel[];
  halfCredit: CefrLevel | null;
}

export function languageTerms(required: readonly LanguageSkill[]): LanguageTerm[] {
  return required.map((need) => {
    const rank = cefrRank(need.level);
    return {
      lang: need.lang,
      fullCredit: CEFR_LEVELS.filter((level) => cefrRank(level) >= rank),
      halfCredit: rank > 0 ? (CEFR_LEVELS[rank - 1] as CefrLevel) : null,
    };
  });
}
