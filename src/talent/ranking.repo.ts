import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/client.ts';
import {
  AVAILABILITY_POINTS,
  DISTANCE_POINTS,
  EDUCATION_POINTS,
  OCCUPATION_POINTS,
  RECOGNITION_POINTS,
  WEIGHTS,
} from './matching.ts';
import { distanceRuns, languageTerms } from './ranking-terms.ts';
import { CANDIDATE_COLUMNS, type Candidate, candidates, toCandidate } from './talent.repo.ts';
import { CIRCLES, type VacancyForMatching } from './talent-model.ts';

/**
 * The top N candidates for a vacancy, ranked by PostgreSQL (issue 17, bench:match). The database
 * scores every shown candidate of the vacancy's ISCO minor group with the same points as
 * matching.ts (occupation tier, education against the level, languages, distance band,
 * availability, recognition), orders them in the concentric order and returns only the first N
 * rows: the client no longer fetches and parses the whole minor group (up to ~5,000 rows) to keep
 * 50. The order is compareMatches': circle, score, who may work now, id (uuid order is the order
 * of its hex text). ranking-terms.ts derives the SQL's distance runs and language credits from the
 * pure scorer; candidate-ranking.ts checks the database's score against it for every row returned.
 */

const lit = (value: number | string) => sql.lit(value);
const inList = (values: readonly string[]) => sql.join(values.map(lit));
const plus = (parts: readonly RawBuilder<unknown>[]) => sql.join(parts, sql` + `);

/**
 * round(x / y) for x, y >= 0 in integers, as Math.round does it (half up): floor((2x + y) / 2y).
 * Integer arithmetic in every row is cheaper than numeric, and exact.
 */
const roundedDivision = (x: RawBuilder<unknown>, y: number) =>
  sql`((2 * (${x}) + ${lit(y)}) / ${lit(2 * y)})`;

/**
 * The facts of one candidate the score needs, computed once per row of the minor group (the
 * `offset 0` keeps PostgreSQL from folding the subquery into the outer one, which would evaluate
 * the language lookups and the postal code's cast once per use).
 */
function rowTerms(vacancy: VacancyForMatching, regulated: boolean): RawBuilder<unknown> {
  const required = lit(vacancy.requiredVks);
  const languages = languageTerms(vacancy.languages).map(
    (term, i) => sql`${spokenLevel(term.lang)} as ${sql.raw(`l${i}`)}`,
  );
  return sql.join(
    [
      sql`c.id`,
      sql`array_position(array[${inList(CIRCLES)}], c.circle) as ring`,
      sql`c.work_access = 'NOT_YET' as not_yet`,
      sql`case when ${vacancy.occupationId}::text = any(c.occupation_ids) then ${lit(OCCUPATION_POINTS.SAME_OCCUPATION)}
        when ${vacancy.iscoCode}::text = any(c.isco_codes) then ${lit(OCCUPATION_POINTS.SAME_UNIT_GROUP)}
        else ${lit(OCCUPATION_POINTS.SAME_MINOR_GROUP)} end as occupation`,
      sql`case when c.education_vks >= ${required} then ${lit(EDUCATION_POINTS.MEETS_LEVEL)}
        when c.education_vks = ${required} - 1 then ${lit(EDUCATION_POINTS.ONE_LEVEL_BELOW)}
        else ${lit(EDUCATION_POINTS.BELOW_LEVEL)} end as education`,
      sql`case when c.circle = 'BELGIUM' then c.postal_code::int end as postal`,
      sql`greatest(0, c.available_from - ${vacancy.startDate}::date) as days_late`,
      regulated
        ? sql`case c.recognition_status when 'RECOGNISED' then ${lit(RECOGNITION_POINTS.RECOGNISED)}
            when 'PENDING' then ${lit(RECOGNITION_POINTS.PENDING)} else ${lit(RECOGNITION_POINTS.MISSING)} end as recognition`
        : sql`0 as recognition`,
      ...languages,
    ],
    sql`, `,
  );
}

// Candidates speak a handful of languages (at most 8 through the API): the first entries are read
// by position, a longer list by a JSON path, about four times dearer per row.
const UNROLLED_LANGUAGES = 4;

/** The level of the candidate's first entry for `lang` (as Array.find), or null. */
function spokenLevel(lang: string): RawBuilder<unknown> {
  const positions = Array.from(
    { length: UNROLLED_LANGUAGES },
    (_, i) =>
      sql`when c.languages -> ${lit(i)} ->> 'lang' = ${lang}::text then c.languages -> ${lit(i)} ->> 'level'`,
  );
  return sql`case when jsonb_array_length(c.languages) > ${lit(UNROLLED_LANGUAGES)}
    then jsonb_path_query_first(c.languages, '$[*] ? (@.lang == $l).level', jsonb_build_object('l', ${lang}::text)) #>> '{}'
    else case ${sql.join(positions, sql` `)} end end`;
}

/**
 * Each required language: the candidate's first entry for it (as Array.find), two half credits
 * when met, one when a CEFR level short; points = round(15 × credits / required).
 */
function languagePoints(vacancy: VacancyForMatching): RawBuilder<unknown> {
  const terms = languageTerms(vacancy.languages);
  if (terms.length === 0) return sql`${lit(WEIGHTS.LANGUAGES)}`;
  const halves = terms.map((term, i) => {
    const level = sql.ref(`x.l${i}`);
    const half = term.halfCredit === null ? sql`` : sql` when ${level} = ${lit(term.halfCredit)} then 1`;
    return sql`(case when ${level} in (${inList(term.fullCredit)}) then 2${half} else 0 end)`;
  });
  return roundedDivision(sql`${lit(WEIGHTS.LANGUAGES)} * (${plus(halves)})`, 2 * terms.length);
}

function distancePoints(vacancy: VacancyForMatching): RawBuilder<unknown> {
  const runs = distanceRuns(vacancy.postalCode).map(
    (run) => sql`when x.postal between ${lit(run.from)} and ${lit(run.to)} then ${lit(run.points)}`,
  );
  return sql`(case when x.postal is null then ${lit(DISTANCE_POINTS.ABROAD)} ${sql.join(runs, sql` `)} else 0 end)`;
}

function availabilityPoints(): RawBuilder<unknown> {
  return sql`(case when x.days_late <= 0 then ${lit(AVAILABILITY_POINTS.BY_START)}
    when x.days_late <= 30 then ${lit(AVAILABILITY_POINTS.WITHIN_30_DAYS)}
    when x.days_late <= 90 then ${lit(AVAILABILITY_POINTS.WITHIN_90_DAYS)}
    else ${lit(AVAILABILITY_POINTS.LATER)} end)`;
}

export interface ScoredCandidate {
  candidate: Candidate;
  /** The score PostgreSQL computed, to be checked against matchCandidate's. */
  score: number;
}

/**
 * The first `limit` shown candidates of the vacancy's minor group in the concentric order. Same
 * pre-filter as shownCandidatesInMinorGroup (GIN index on isco_minors, consent to be shown,
 * retention not passed); `regulated` says whether recognition counts for the vacancy's function.
 * Two statements: the ranking reads only what the score needs; the N rows are then read whole by
 * primary key.
 */
export async function topShownCandidates(
  db: Db,
  vacancy: VacancyForMatching,
  options: { today: string; regulated: boolean; limit: number },
): Promise<ScoredCandidate[]> {
  const possible = options.regulated ? 100 : 100 - WEIGHTS.RECOGNITION;
  const points = plus([
    sql`x.occupation`,
    sql`x.education`,
    languagePoints(vacancy),
    distancePoints(vacancy),
    availabilityPoints(),
    sql`x.recognition`,
  ]);
  // Out of 100 whether or not recognition counts, as matchCandidate's score.
  const score = roundedDivision(sql`100 * (${points})`, possible);
  const ranked = await sql<{ id: string; match_score: number }>`
    select x.id, ${score} as match_score
    from (
      select ${rowTerms(vacancy, options.regulated)}
      from talent_candidates c
      where c.isco_minors @> array[${vacancy.iscoCode.slice(0, 3)}::text]
        and c.consent_show_employers
        and c.retention_until >= ${options.today}::date
      offset 0
    ) x
    order by x.ring, match_score desc, x.not_yet, x.id
    limit ${lit(options.limit)}`.execute(db);
  if (ranked.rows.length === 0) return [];
  const rows = await candidates(db)
    .select(CANDIDATE_COLUMNS)
    .where(
      'c.id',
      'in',
      ranked.rows.map((row) => row.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toCandidate(row)]));
  return ranked.rows.map((row) => ({ candidate: byId.get(row.id) as Candidate, score: row.match_score }));
}
