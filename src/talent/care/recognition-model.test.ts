import { describe, expect, it } from 'vitest';
import { checkHighlySkilledFunction } from '../../rules/conditions/function-level.ts';
import { renderLegalBasis } from '../../rules/messages/legal-basis.ts';
import { interimCareFunction } from './interim-function.ts';
import {
  candidateRecognition,
  isAllowedTransition,
  NEXT_STATUSES,
  RECOGNITION_STATUSES,
} from './recognition-model.ts';

describe('recognition file model', () => {
  it('lets a file move forward, back to requested only from missing documents, and never out of a decision', () => {
    expect(isAllowedTransition(null, 'RECOGNISED')).toBe(true);
    expect(isAllowedTransition('REQUESTED', 'DOCUMENTS_MISSING')).toBe(true);
    expect(isAllowedTransition('DOCUMENTS_MISSING', 'REQUESTED')).toBe(true);
    expect(isAllowedTransition('COMPENSATION_MEASURE', 'REQUESTED')).toBe(false);
    expect(isAllowedTransition('COMPENSATION_MEASURE', 'RECOGNISED')).toBe(true);
    for (const status of RECOGNITION_STATUSES) {
      expect(isAllowedTransition(status, status)).toBe(true);
      expect(isAllowedTransition('RECOGNISED', status)).toBe(status === 'RECOGNISED');
      expect(isAllowedTransition('REFUSED', status)).toBe(status === 'REFUSED');
    }
    expect(NEXT_STATUSES.REQUESTED).not.toContain('REQUESTED');
  });

  it('gives the ranking the candidate recognition of each status', () => {
    expect(RECOGNITION_STATUSES.map(candidateRecognition)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
      'RECOGNISED',
      'REFUSED',
    ]);
  });

  it('reads the interim care function from the rules of the day', () => {
    const in2026 = interimCareFunction('NURSE', 'DOCUMENTS_MISSING', '2026-03-01');
    expect(in2026).toMatchObject({
      kind: 'NURSE_EXCEPTION',
      minimumVks: 5,
      naricReferenceRequired: true,
      legalBasis: renderLegalBasis(checkHighlySkilledFunction.legalBasis, 'nl'),
    });
    expect(in2026?.sources.join(' ')).toMatch(/9 May 2025/);
    // Before 2026 the function's level was no condition: the exception was not needed.
    expect(interimCareFunction('NURSE', 'REQUESTED', '2025-06-01')).toMatchObject({
      kind: 'NO_LEVEL_CONDITION',
      minimumVks: null,
      naricReferenceRequired: false,
    });
    // The exception is for nurses; a care worker has none, and a decided file needs none.
    expect(interimCareFunction('CARE_WORKER', 'REQUESTED', '2026-03-01')?.kind).toBe('NONE');
    expect(interimCareFunction('NURSE', 'RECOGNISED', '2026-03-01')).toBeNull();
    expect(interimCareFunction('NURSE', 'REFUSED', '2026-03-01')).toBeNull();
  });
});
