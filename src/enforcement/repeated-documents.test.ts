import { describe, expect, it } from 'vitest';
import type { EmployerRisk } from './monitoring-types.ts';
import { withRepeatedDocuments } from './repeated-documents.ts';
import { riskParametersOn } from './risk-parameters.ts';

const params = riskParametersOn('2026-12-01');
const points = params.points.value.REPEATED_DOCUMENTS;
const flagged: EmployerRisk = {
  enterpriseNumber: '0480001035',
  score: 45,
  parts: [{ kind: 'NOT_DECLARED', points: 45, authorisationId: 'a', counted: true }],
  signals: [],
  dossierScores: [{ authorisationId: 'a', score: 45 }],
};
const repeat = {
  enterpriseNumber: '0480001035',
  repeatedFiles: 2,
  mostWorkersSharingFile: 3,
  documentType: 'DIPLOMA',
  otherEmployers: 1,
};

describe('repeated documents in the ranking', () => {
  it('adds one counted part with what was compared, and lets an employer without other signals in', () => {
    const ranked = withRepeatedDocuments(
      [flagged],
      [repeat, { ...repeat, enterpriseNumber: '0403170701', repeatedFiles: 1, otherEmployers: 0 }],
      params,
      '2026-12-01',
    );
    expect(points).toBeGreaterThan(0);
    expect(ranked.map((r) => [r.enterpriseNumber, r.score])).toEqual([
      ['0480001035', 45 + points],
      ['0403170701', points],
    ]);
    expect(ranked[0]?.parts.at(-1)).toEqual({
      kind: 'REPEATED_DOCUMENTS',
      points,
      authorisationId: null,
      counted: true,
    });
    expect(ranked[0]?.signals.at(-1)).toMatchObject({
      kind: 'REPEATED_DOCUMENTS',
      facts: [
        expect.objectContaining({ name: 'repeatedFiles', value: 2, source: 'LOKET' }),
        expect.objectContaining({ name: 'workersSharingFile', value: 3 }),
        expect.objectContaining({ name: 'documentType', value: 'DIPLOMA' }),
        expect.objectContaining({ name: 'otherEmployers', value: 1 }),
      ],
      rule: expect.objectContaining({ parameter: 'enforcement.points', value: points }),
    });
  });

  it('leaves the ranking as it was when no file repeats', () => {
    expect(withRepeatedDocuments([flagged], [], params, '2026-12-01')).toEqual([flagged]);
  });
});
