import type { Match, MatchReason } from '../matching.ts';
import { type InterimKind, interimCareFunction } from './interim-function.ts';
import type { RecognitionFile } from './recognition.repo.ts';
import type { RecognitionStatus } from './recognition-model.ts';

/**
 * A care vacancy's ranking (the one ranking of candidate-ranking.ts, unchanged: same points, same
 * order) with the recognition reason explained from the candidate's file: where it stands at
 * NARIC, and whether the rules let the candidate take another care function meanwhile (the nurse
 * exception, with its legal basis) or the diploma is recognised. Only the facts grow.
 */
export interface RecognitionFileFacts {
  status: RecognitionStatus;
  profession: RecognitionFile['profession'];
  interim: InterimKind | null;
  legalBasis: string | null;
}

export function explainRecognition(
  match: Match,
  file: RecognitionFile | undefined,
  on: string,
): Match & { reasons: MatchReason[] } {
  if (!file) return match;
  const interim = interimCareFunction(file.profession, file.status, on);
  const facts: RecognitionFileFacts = {
    status: file.status,
    profession: file.profession,
    interim: interim?.kind ?? null,
    legalBasis: interim?.legalBasis ?? null,
  };
  return {
    ...match,
    reasons: match.reasons.map((reason) =>
      reason.criterion === 'RECOGNITION'
        ? { ...reason, facts: { ...reason.facts, recognitionFile: facts } }
        : reason,
    ),
  };
}
