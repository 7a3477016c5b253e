import { describe, expect, it } from 'vitest';
import type { PublishedVacancy } from '../../sources/index.ts';
import { decideImport } from './imported-vacancy.ts';

const NURSE = '8d3e8aaa-791b-4c75-a465-f3f827028f50'; // algemeen verpleegkundige, ISCO 2221
const item = (overrides: Partial<PublishedVacancy> = {}): PublishedVacancy => ({
  id: 'BE-72000001',
  version: 3,
  updatedAt: '2026-11-20T08:00:00.000Z',
  status: 'PUBLISHED',
  enterpriseNumber: '0403170701',
  title: 'Verpleegkundige',
  escoOccupation: NURSE,
  iscoCode: '2221',
  workplacePostalCode: '9000',
  requiredVks: 6,
  languages: [
    { lang: 'nl', level: 'B2' },
    { lang: 'xx', level: 'B2' },
  ],
  startDate: '2027-01-04',
  positions: 2,
  publishedFrom: '2026-11-01',
  publishedUntil: '2027-01-31',
  ...overrides,
});
const context = {
  channel: 'EURES' as const,
  today: '2026-11-23',
  onVdabList: true,
  vdabIds: new Set<string>(),
};

describe('what a published vacancy becomes in Loket', () => {
  it('imports a shortage vacancy under its ESCO occupation, with the catalogue ISCO group and known languages only', () => {
    const decision = decideImport(item({ iscoCode: '9999' }), context);
    expect(decision).toMatchObject({
      kind: 'IMPORT',
      vacancy: {
        source: 'EURES',
        sourceReference: 'BE-72000001',
        sourceVersion: 3,
        occupationId: NURSE,
        iscoCode: '2221',
        status: 'OPEN',
        onVdabShortageList: true,
        languages: [{ lang: 'nl', level: 'B2' }],
      },
    });
  });

  it('skips a EURES copy of a VDAB vacancy Loket imports, a function off the list, and an unknown occupation', () => {
    expect(
      decideImport(item({ nationalReference: '72000001' }), { ...context, vdabIds: new Set(['72000001']) }),
    ).toEqual({ kind: 'SKIP', reason: 'CARRIED_BY_VDAB' });
    expect(decideImport(item(), { ...context, onVdabList: false })).toEqual({
      kind: 'SKIP',
      reason: 'NOT_SHORTAGE',
    });
    expect(decideImport(item({ escoOccupation: 'no-such-occupation' }), context)).toEqual({
      kind: 'SKIP',
      reason: 'UNKNOWN_OCCUPATION',
    });
  });

  it('lets a withdrawal or an ended publication through, whatever the function, so an imported one is withdrawn', () => {
    const withdrawn = decideImport(item({ status: 'WITHDRAWN' }), { ...context, onVdabList: false });
    expect(withdrawn).toMatchObject({ kind: 'IMPORT', vacancy: { status: 'WITHDRAWN' } });
    const ended = decideImport(item({ publishedUntil: '2026-11-22' }), context);
    expect(ended).toMatchObject({ kind: 'IMPORT', vacancy: { status: 'WITHDRAWN' } });
  });

  it("takes VDAB's own shortage flag over the list's answer", () => {
    const decision = decideImport(item({ shortageOccupation: true }), {
      ...context,
      channel: 'VDAB',
      onVdabList: null,
    });
    expect(decision).toMatchObject({ kind: 'IMPORT', vacancy: { source: 'VDAB', onVdabShortageList: true } });
  });
});
