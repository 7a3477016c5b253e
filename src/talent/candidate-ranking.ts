import type { Db } from '../db/client.ts';
import { compareMatches, type Match, type MatchContext, matchCandidate, rankCandidates } from './matching.ts';
import { topShownCandidates } from './ranking.repo.ts';
import { type Candidate, shownCandidatesInMinorGroup } from './talent.repo.ts';
import type { VacancyForMatching } from './talent-model.ts';

/**
 * Candidates for a vacancy, ranked: PostgreSQL scores the minor group and keeps the top `limit`
 * (ranking.repo.ts), matchCandidate explains those rows. The result is the one the reference
 * (every shown candidate of the minor group fetched, scored here, sorted, cut) gives: the
 * database's score is checked against matchCandidate's for every row, and should they ever
 * differ (a scoring rule changed in one place only) the reference answers instead, flagged.
 */

export interface CandidateRanking {
  matches: Match[];
  candidates: Map<string, Candidate>;
  /** True when the database's scores disagreed with matchCandidate and the reference ranked. */
  fellBack: boolean;
}

export async function rankShownCandidates(
  db: Db,
  vacancy: VacancyForMatching,
  context: MatchContext,
  today: string,
  limit: number,
): Promise<CandidateRanking> {
  const regulated = context.regulatedIscoCodes.has(vacancy.iscoCode);
  const scored = await topShownCandidates(db, vacancy, { today, regulated, limit });
  const matches: Match[] = [];
  for (const { candidate, score } of scored) {
    const match = matchCandidate(vacancy, candidate, context);
    if (!match || match.score !== score) {
      const reference = await referenceRanking(db, vacancy, context, today, limit);
      return { ...reference, fellBack: true };
    }
    matches.push(match);
  }
  return {
    matches: matches.sort(compareMatches),
    candidates: new Map(scored.map(({ candidate }) => [candidate.id, candidate])),
    fellBack: false,
  };
}

/** The ranking as it was first built: the whole minor group fetched and scored in TypeScript. */
export async function referenceRanking(
  db: Db,
  vacancy: VacancyForMatching,
  context: MatchContext,
  today: string,
  limit: number,
): Promise<Omit<CandidateRanking, 'fellBack'>> {
  const pool = await shownCandidatesInMinorGroup(db, vacancy.iscoCode.slice(0, 3), today);
  const matches = rankCandidates(vacancy, pool, context, limit);
  const shown = new Set(matches.map((match) => match.candidateId));
  return {
    matches,
    candidates: new Map(pool.filter((c) => shown.has(c.id)).map((candidate) => [candidate.id, candidate])),
  };
}
