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
  operatorId: null,
  spending: [],
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

  it('checks spending against the funders, the period, the cents and the budget', () => {
    const spending = (rows: PilotInput['spending'], budgetEur: number | null = 100_000) =>
      pilotInputErrors({ ...palim, funders: ['EU', 'IOM'], budgetEur, spending: rows }, '2026-12-02').map(
        (e) => [e.path, e.rule],
      );
    expect(
      spending([
        { year: 2019, funder: 'EU', amountEur: 40_000.5 },
        { year: 2021, funder: 'IOM', amountEur: 28_769.79 },
      ]),
    ).toEqual([]);
    expect(
      spending([
        { year: 2019, funder: 'EU', amountEur: 60_000 },
        { year: 2019, funder: 'EU', amountEur: 1 },
        { year: 2020, funder: 'VDAB', amountEur: 1 },
        { year: 2018, funder: 'IOM', amountEur: 1 },
        { year: 2027, funder: 'IOM', amountEur: 0.001 },
        { year: 2020, funder: 'IOM', amountEur: 40_000 },
      ]),
    ).toEqual([
      ['spending[1].funder', 'unique'],
      ['spending[2].funder', 'listedFunder'],
      ['spending[3].year', 'withinProject'],
      ['spending[4].year', 'notInFuture'],
      ['spending[4].amountEur', 'cents'],
      ['spending', 'notAboveBudget'],
    ]);
    // Without a budget, no total to stay under.
    expect(spending([{ year: 2020, funder: 'EU', amountEur: 9e9 }], null)).toEqual([]);
  });

  it('lists spending and the operator among the changed fields, spending in any order', () => {
    const rows = [
      { year: 2020, funder: 'EU', amountEur: 10 },
      { year: 2019, funder: 'EU', amountEur: 5 },
    ];
    const before = { ...palim, spending: rows };
    expect(changedFields(before, { ...before, spending: [...rows].reverse() })).toEqual([]);
    expect(
      changedFields(before, {
        ...before,
        operatorId: '0b6f5b8e-3c1d-4a7e-9f10-2a3b4c5d6e7f',
        spending: [{ year: 2020, funder: 'EU', amountEur: 12 }],
      }),
    ).toEqual(['operatorId', 'spending']);
    expect(vouchedFigures(before, [])).toContain('spending');
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
