import type { Recognition } from '../talent-model.ts';

/**
 * The recognition file of a foreign nurse's or care worker's diploma (issue 17, seed 004;
 * docs/talent.md#care-sector-pipeline). Pure: the vocabulary, which step may follow which, and
 * what the file means for the ranking (the candidate's recognition in talent-model.ts).
 */

/** The care professions the pipeline follows (seed 004: verpleegkundigen, zorgkundigen). */
export const CARE_PROFESSIONS = ['NURSE', 'CARE_WORKER'] as const;
export type CareProfession = (typeof CARE_PROFESSIONS)[number];

/**
 * Where a file stands at NARIC-Vlaanderen: requested (the file is complete enough to be taken up),
 * documents missing (NARIC asked for more), compensation measure (an aptitude test or adaptation
 * period is imposed before recognition), recognised, refused.
 */
export const RECOGNITION_STATUSES = [
  'REQUESTED',
  'DOCUMENTS_MISSING',
  'COMPENSATION_MEASURE',
  'RECOGNISED',
  'REFUSED',
] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

/** Statuses after which nothing follows: a new request is a new file. */
export const FINAL_STATUSES: readonly RecognitionStatus[] = ['RECOGNISED', 'REFUSED'];

/** Which status may follow which. Documents supplied send a file back to REQUESTED. */
export const NEXT_STATUSES: Readonly<Record<RecognitionStatus, readonly RecognitionStatus[]>> = {
  REQUESTED: ['DOCUMENTS_MISSING', 'COMPENSATION_MEASURE', 'RECOGNISED', 'REFUSED'],
  DOCUMENTS_MISSING: ['REQUESTED', 'COMPENSATION_MEASURE', 'RECOGNISED', 'REFUSED'],
  COMPENSATION_MEASURE: ['RECOGNISED', 'REFUSED'],
  RECOGNISED: [],
  REFUSED: [],
};

/**
 * Whether a file may go from `from` (null: no file yet) to `to`. Staying in the same status is
 * allowed (a correction of the reference or a date); a new file starts in any status, since the
 * partner may record a request made long before.
 */
export function isAllowedTransition(from: RecognitionStatus | null, to: RecognitionStatus): boolean {
  if (from === null || from === to) return true;
  return NEXT_STATUSES[from].includes(to);
}

/** The candidate's recognition as the ranking reads it (talent-model.ts RECOGNITION). */
export function candidateRecognition(status: RecognitionStatus): Recognition {
  if (status === 'RECOGNISED') return 'RECOGNISED';
  if (status === 'REFUSED') return 'REFUSED';
  return 'PENDING';
}

export function isPending(status: RecognitionStatus): boolean {
  return !FINAL_STATUSES.includes(status);
}
