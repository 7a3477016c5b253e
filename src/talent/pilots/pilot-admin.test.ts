import { describe, expect, it } from 'vitest';
import { changedFields, type PilotInput, pilotInputErrors, vouchedFigures } from './pilot-admin.ts';

const palim: PilotInput = {
  name: 'PALIM',
  leadOrganisation: 'Enabel',
  partnerOrganisations: ['VDAB', 'ANAPEC'],
  countries: ['MA'],
  occupationIds: ['f2b15a0e-e65a-438a-affb-29b9d50b77d1'],
  funders: ['EU'],
  budgetEur: 1_500_000,
  startedOn: '2019-03-01',
  endedOn: '2021-04-30',
  targetParticipants: 120,
  targetPlaced: 30,
  results: [
    { figure: 'TRAINED', value: 120, asOf: '2021-04-30' },
    { figure: 'PASSED', value: 116, asOf: '2021-04-30' },
    { figure: 'PLACED_FLANDERS', value: 0, asOf: '2021-04-30' },
  ],
};

describe('recording a recruitment pilot', () => {
  it("accepts the seed's PALIM as the minister reported it", () => {
    expect(pilotInputErrors(palim, '2026-12-02')).toEqual([]);
  });

  it('names each inconsistency by the path the caller sent', () => {
    const errors = pilotInputErrors(
      {
        ...palim,
        endedOn: '2019-01-01',
        funders: ['EU', 'EU'],
        targetPlaced: 121,
        results: [
          { figure: 'PASSED', value: 121, asOf: '2021-05-01' },
          { figure: 'TRAINED', value: 120, asOf: '2021-04-30' },
          { figure: 'PLACED_ELSEWHERE', value: 3, asOf: '2018-12-31' },
          { figure: 'PASSED', value: 1, asOf: '2030-01-01' },
        ],
      },
      '2026-12-02',
    );
    expect(errors.map((e) => [e.path, e.rule])).toEqual([
      ['endedOn', 'notBeforeStart'],
      ['funders[1]', 'unique'],
      ['targetPlaced', 'notAboveParticipants'],
      ['results[3].figure', 'unique'],
      ['results[2].asOf', 'notBeforeProject'],
      ['results[3].asOf', 'notInFuture'],
      ['results[0].value', 'notAboveTrained'],
    ]);
  });

  it('lists the fields an edit changed, results by figure whatever their order', () => {
    const reordered = { ...palim, results: [...palim.results].reverse() };
    expect(changedFields(palim, reordered)).toEqual([]);
    const edited = {
      ...palim,
      name: 'PALIM (Enabel)',
      results: [
        ...palim.results.slice(0, 2),
        { figure: 'PLACED_ELSEWHERE' as const, value: 4, asOf: '2022-01-01' },
      ],
    };
    expect(changedFields(palim, edited)).toEqual([
      'name',
      'results.PLACED_FLANDERS',
      'results.PLACED_ELSEWHERE',
    ]);
  });

  it('marks the figures the analyst vouches for as sourced, keeping the others', () => {
    expect(vouchedFigures({ ...palim, budgetEur: null, targetPlaced: null }, ['spending']).sort()).toEqual([
      'dates',
      'spending',
      'targetParticipants',
    ]);
  });
});
