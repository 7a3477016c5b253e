import { describe, expect, it } from 'vitest';
import { riskParametersOn } from '../../../../src/enforcement/risk-parameters.ts';
import { scoringRules } from '../../../../src/enforcement/score-rules.ts';
import type { ScorePart } from './inspector-types.ts';
import { addUp, pointsMadeOf, ruleLine, rulesOfParts } from './score-method.ts';

// The weights the scorer applies, as the employer file sends them: the page's explanation is built
// from these, never from numbers of its own.
const params = riskParametersOn('2026-12-01');
const scoring = scoringRules(params);
const points = params.points.value;

describe('how a score is made, as the employer file explains it', () => {
  it('states each kind of signal’s rule with the scorer’s own weights', () => {
    expect(ruleLine('SANCTION_ACTIVE', scoring)).toEqual({
      kind: 'SANCTION_ACTIVE',
      rule: 'fixed',
      points: points.SANCTION_ACTIVE,
    });
    expect(ruleLine('WAGE_BELOW_PROMISE', scoring)).toEqual({
      kind: 'WAGE_BELOW_PROMISE',
      rule: 'wage',
      points: points.WAGE_BELOW_PROMISE,
      perPoint: points.WAGE_GAP_PER_POINT,
      share: params.minimumPaidShare.value,
    });
    expect(ruleLine('SHARED_ADDRESS', scoring)).toMatchObject({
      rule: 'address',
      perWorker: points.SHARED_ADDRESS_PER_EXTRA_WORKER,
      minimum: params.addressMinimumWorkers.value,
    });
    expect(ruleLine('DESK_REPORT', scoring)).toMatchObject({
      rule: 'desk',
      points: points.DESK_REPORT,
      untriaged: points.DESK_REPORT_UNTRIAGED,
    });
  });

  it('names each kind in the score once, in the order of the parts', () => {
    const parts: ScorePart[] = [
      { kind: 'LATE_DIMONA', points: 5, authorisationId: 'a', counted: true },
      { kind: 'SANCTION_ACTIVE', points: 60, authorisationId: null, counted: true },
      { kind: 'LATE_DIMONA', points: 5, authorisationId: 'b', counted: false },
    ];
    expect(rulesOfParts(parts, scoring).map((line) => line.kind)).toEqual(['LATE_DIMONA', 'SANCTION_ACTIVE']);
  });

  it('adds up the counted parts to the score and keeps the others apart', () => {
    const parts: ScorePart[] = [
      { kind: 'SANCTION_ACTIVE', points: 60, authorisationId: null, counted: true },
      { kind: 'WAGE_BELOW_PROMISE', points: 37.45, authorisationId: 'a', counted: true },
      { kind: 'LATE_DIMONA', points: 5, authorisationId: 'b', counted: true },
      { kind: 'LATE_DIMONA', points: 5, authorisationId: 'c', counted: false },
      { kind: 'DMFA_MISSING', points: 15, authorisationId: 'c', counted: false },
    ];
    expect(addUp(parts)).toEqual({
      added: [60, 37.45, 5],
      total: 102.45,
      notAdded: [5, 15],
      notAddedTotal: 20,
    });
  });

  it('says what a signal’s points are made of when they grow with the facts', () => {
    expect(
      pointsMadeOf(
        { kind: 'WAGE_BELOW_PROMISE', points: points.WAGE_BELOW_PROMISE + 12.4, facts: [] },
        scoring,
      ),
    ).toEqual({ base: points.WAGE_BELOW_PROMISE, added: 12.4 });
    expect(
      pointsMadeOf({ kind: 'SHARED_ADDRESS', points: points.SHARED_ADDRESS + 6, facts: [] }, scoring),
    ).toEqual({
      base: points.SHARED_ADDRESS,
      added: 6,
    });
    const fact = (name: string, value: number) => ({ name, value, source: 'LOKET', at: '2026-12-01' });
    expect(
      pointsMadeOf(
        {
          kind: 'DESK_REPORT',
          points: 30,
          facts: [fact('reportsAdmissible', 1), fact('reportsUntriaged', 2)],
        },
        scoring,
      ),
    ).toEqual({ admissible: 1, untriaged: 2 });
    // A kind that weighs its own points needs no sum.
    expect(
      pointsMadeOf({ kind: 'SANCTION_ACTIVE', points: points.SANCTION_ACTIVE, facts: [] }, scoring),
    ).toBeNull();
    expect(
      pointsMadeOf({ kind: 'WAGE_BELOW_PROMISE', points: points.WAGE_BELOW_PROMISE, facts: [] }, scoring),
    ).toBeNull();
  });
});
