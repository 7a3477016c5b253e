import { describe, expect, it } from 'vitest';
import { assess, freeMovementGroupOf, nationalitiesWithoutAuthorisation } from '../index.ts';
import { anApplication } from '../test-support/build-application.ts';

describe('who needs no work authorisation', () => {
  it('names the ground of each nationality, on the dates the law gives', () => {
    expect(freeMovementGroupOf('BE', '2026-02-10')).toBe('BELGIAN');
    expect(freeMovementGroupOf('FR', '2026-02-10')).toBe('EU');
    expect(freeMovementGroupOf('no', '2026-02-10')).toBe('EEA');
    expect(freeMovementGroupOf('CH', '2026-02-10')).toBe('SWITZERLAND');
    expect(freeMovementGroupOf('GB', '2020-01-31')).toBe('EU');
    expect(freeMovementGroupOf('GB', '2020-12-31')).toBe('UK_TRANSITION');
    expect(freeMovementGroupOf('GB', '2021-01-01')).toBeNull();
    expect(freeMovementGroupOf('TR', '2026-02-10')).toBeNull();
    expect(freeMovementGroupOf('IN', '2026-02-10')).toBeNull();
  });

  it('lists the EU-27, the EEA, Switzerland and Belgium today, and not the United Kingdom', () => {
    const codes = nationalitiesWithoutAuthorisation('2026-02-10');
    expect(codes).toHaveLength(27 + 3 + 1);
    expect(codes).toEqual(expect.arrayContaining(['BE', 'HR', 'IS', 'LI', 'NO', 'CH']));
    expect(codes).not.toContain('GB');
    expect(nationalitiesWithoutAuthorisation('2020-06-01')).toContain('GB');
  });

  it('explains the ground in each language, naming the country, with its own legal basis', () => {
    const app = anApplication({ worker: { nationality: 'NO' } });
    const [nl, fr, en] = (['nl', 'fr', 'en'] as const).map((lang) => assess(app, { lang }).reasons[0]);
    expect(nl?.code).toBe('WORK_AUTHORISATION_NOT_REQUIRED');
    expect(nl?.message).toContain('Noorwegen');
    expect(nl?.message).toContain('Europese Economische Ruimte');
    expect(fr?.message).toContain('Norvège');
    expect(en?.message).toContain('Norway');
    expect(nl?.legalBasis).toContain('EEA Agreement, art. 28');
    const belgian = assess(anApplication({ worker: { nationality: 'BE' } })).reasons[0];
    expect(belgian?.legalBasis).toContain('Law 30 Apr 1999, art. 4');
    expect(belgian?.message).toContain('Belgische nationaliteit');
  });

  it('lists the nationality parameter among those used only when it decides', () => {
    const used = (nationality: string) =>
      assess(anApplication({ worker: { nationality } })).parameters.map((p) => p.name);
    expect(used('IN')).not.toContain('worker.freeMovementNationalities');
    expect(used('PT')).toContain('worker.freeMovementNationalities');
  });
});
