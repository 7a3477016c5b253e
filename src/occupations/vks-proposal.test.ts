import { describe, expect, it } from 'vitest';
import { iscoSkillLevel, proposeVks } from './vks-proposal.ts';

describe('proposing a VKS level from an ISCO-08 code', () => {
  it.each([
    ['2221', 4, 6, 7], // nurse: professionals
    ['1120', 4, 6, 7], // managing director
    ['1412', 3, 5, 5], // restaurant manager: sub-major group 14
    ['3258', 3, 5, 5], // ambulance worker: technicians and associate professionals
    ['4110', 2, 3, 4],
    ['8332', 2, 3, 4], // truck driver
    ['9112', 1, 1, 2], // cleaner: elementary occupations
    ['0110', 4, 6, 7], // commissioned armed forces officer
    ['0210', 2, 3, 4],
    ['0310', 1, 1, 2],
  ])('ISCO %s: skill level %i, VKS %i–%i', (code, level, min, max) => {
    expect(iscoSkillLevel(code)).toBe(level);
    expect(proposeVks(code)).toEqual({ iscoSkillLevel: level, min, max, proposed: min });
  });

  it('proposes nothing for what is not an ISCO-08 group', () => {
    expect(proposeVks('')).toBeNull();
    expect(proposeVks('7')).toBeNull();
    expect(proposeVks('22a1')).toBeNull();
    expect(proposeVks('0410')).toBeNull();
  });
});
