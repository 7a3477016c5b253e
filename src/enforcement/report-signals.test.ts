import { describe, expect, it } from 'vitest';
import type { EmployerRisk } from './monitoring-types.ts';
import { withDeskReports } from './report-signals.ts';
import { riskParametersOn } from './risk-parameters.ts';

const params = riskParametersOn('2026-12-01');
const flagged: EmployerRisk = {
  enterpriseNumber: '0480001035',
  score: 45,
  parts: [{ kind: 'NOT_DECLARED', points: 45, authorisationId: 'a', counted: true }],
  signals: [],
  dossierScores: [{ authorisationId: 'a', score: 45 }],
};

describe('desk reports in the ranking', () => {
  it('adds a part per employer: admissible reports fully, untriaged ones a little, the others not at all', () => {
    const ranked = withDeskReports(
      [flagged],
      [
        { enterpriseNumber: '0480001035', total: 4, admissible: 1, untriaged: 2 },
        { enterpriseNumber: '0403170701', total: 1, admissible: 1, untriaged: 0 },
        { enterpriseNumber: '0604720368', total: 3, admissible: 0, untriaged: 0 },
      ],
      params,
      '2026-12-01',
    );
    const points = params.points.value;
    expect(ranked.map((r) => [r.enterpriseNumber, r.score])).toEqual([
      ['0480001035', 45 + points.DESK_REPORT + 2 * points.DESK_REPORT_UNTRIAGED],
      ['0403170701', points.DESK_REPORT],
    ]);
    const [first] = ranked;
    expect(first?.parts.map((p) => p.kind)).toEqual(['NOT_DECLARED', 'DESK_REPORT']);
    expect(first?.signals[0]).toMatchObject({
      kind: 'DESK_REPORT',
      facts: [
        expect.objectContaining({ name: 'reportsAdmissible', value: 1, source: 'LOKET' }),
        expect.objectContaining({ name: 'reportsUntriaged', value: 2 }),
        expect.objectContaining({ name: 'reportsTotal', value: 4 }),
      ],
      rule: expect.objectContaining({ parameter: 'enforcement.points', value: points.DESK_REPORT }),
    });
  });

  it('leaves the ranking as it was without reports', () => {
    expect(withDeskReports([flagged], [], params, '2026-12-01')).toEqual([flagged]);
  });
});
