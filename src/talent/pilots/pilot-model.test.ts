import { describe, expect, it } from 'vitest';
import {
  breakdown,
  checkStageChange,
  funnel,
  mainBottleneck,
  type ParticipantProgress,
} from './pilot-model.ts';

const someone = (overrides: Partial<ParticipantProgress> = {}): ParticipantProgress => ({
  stage: 'SELECTED',
  droppedReason: null,
  country: 'MA',
  educationVks: 7,
  year: 2025,
  ...overrides,
});

describe('recruitment pilot stages', () => {
  const unlinked = { linked: false, granted: false };
  it('moves one stage at a time, never after a drop-out', () => {
    expect(checkStageChange({ stage: 'PASSED', droppedReason: null }, 'MATCHED', unlinked)).toEqual({
      ok: true,
    });
    expect(checkStageChange({ stage: 'PASSED', droppedReason: null }, 'PERMIT_FILED', unlinked)).toEqual({
      ok: false,
      rule: 'notNext',
    });
    expect(checkStageChange({ stage: 'PASSED', droppedReason: null }, 'TRAINED', unlinked)).toMatchObject({
      rule: 'notNext',
    });
    expect(
      checkStageChange({ stage: 'PASSED', droppedReason: 'WITHDREW' }, 'MATCHED', unlinked),
    ).toMatchObject({
      rule: 'dropped',
    });
  });

  it('needs the dossier for a permit stage, and a granted dossier for "granted"', () => {
    const matched = { stage: 'MATCHED', droppedReason: null } as const;
    expect(checkStageChange(matched, 'PERMIT_FILED', unlinked)).toMatchObject({ rule: 'needsDossier' });
    expect(checkStageChange(matched, 'PERMIT_FILED', { linked: true, granted: false })).toEqual({ ok: true });
    const filed = { stage: 'PERMIT_FILED', droppedReason: null } as const;
    expect(checkStageChange(filed, 'PERMIT_GRANTED', { linked: true, granted: false })).toMatchObject({
      rule: 'needsGrantedPermit',
    });
    expect(checkStageChange(filed, 'PERMIT_GRANTED', { linked: true, granted: true })).toEqual({ ok: true });
  });
});

describe('a pilot report', () => {
  // PALIM as seed 000 tells it: 120 trained, 116 passed, nobody placed.
  const palim = [
    ...Array.from({ length: 116 }, () =>
      someone({ stage: 'PASSED', droppedReason: 'NO_EMPLOYER', year: 2019 }),
    ),
    ...Array.from({ length: 4 }, () =>
      someone({ stage: 'TRAINED', droppedReason: 'FAILED_TRAINING', year: 2019 }),
    ),
  ];

  it('counts who reached each stage and who left there, by reason', () => {
    const steps = funnel(palim);
    expect(steps.map((s) => s.reached).slice(0, 4)).toEqual([120, 120, 116, 0]);
    expect(steps[1]?.droppedHere).toEqual({ FAILED_TRAINING: 4 });
    expect(steps[2]?.droppedHere).toEqual({ NO_EMPLOYER: 116 });
    expect(steps.every((s) => s.stillHere === 0)).toBe(true);
  });

  it('names the stage where most were lost', () => {
    expect(mainBottleneck(funnel(palim))).toEqual({ stage: 'PASSED', lost: 116 });
    expect(mainBottleneck(funnel([]))).toBeNull();
    // Those still employed after a year are not lost.
    expect(mainBottleneck(funnel([someone({ stage: 'EMPLOYED_12M' })]))).toBeNull();
  });

  it('breaks participants down by year, country and education level, with those placed', () => {
    const rows = breakdown([
      someone({ country: 'SN', year: 2021, stage: 'ARRIVED' }),
      someone({ country: 'NG', year: 2020 }),
      someone({ country: 'NG', year: 2020, stage: 'PERMIT_GRANTED' }),
    ]);
    expect(rows).toEqual([
      { year: 2020, country: 'NG', educationVks: 7, participants: 2, placed: 1 },
      { year: 2021, country: 'SN', educationVks: 7, participants: 1, placed: 1 },
    ]);
  });
});
