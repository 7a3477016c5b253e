import { describe, expect, it } from 'vitest';
import { applyReform, getDefaultRuleData, parseParameterOverrides, YamlSource } from '../../rules/index.ts';
import type { WindowFigures } from './measure-effects.repo.ts';
import { differenceOf, measureEffects } from './measure-effects.ts';
import { isIndexation, parameterChanges, parametersReadBy, policyMeasures } from './policy-measures.ts';

const data = getDefaultRuleData();

describe('the dated measures of the rules', () => {
  it('are the changes of value in the years asked for, indexations left out', () => {
    const changes = parameterChanges(data, '2024-01-01', '2026-12-31');
    const names = changes.map((c) => `${c.on} ${c.name}`);
    expect(names).toContain('2025-05-01 procedure.fastLane.highlySkilled');
    expect(names).toContain('2026-01-01 procedure.regionalDeadlineDays.default');
    expect(names).toContain('2024-05-01 labourMarketTest.shortageListRequired');
    expect(names.some((n) => n.includes('salary.averageGrossAnnual'))).toBe(false);
    expect(changes.find((c) => c.name === 'procedure.regionalDeadlineDays.default')).toMatchObject({
      before: 120,
      after: 45,
    });
    expect(parameterChanges(data, '2025-01-01', '2025-12-31').every((c) => c.on.startsWith('2025'))).toBe(
      true,
    );
    expect(isIndexation('EUR/year')).toBe(true);
    expect(isIndexation('days')).toBe(false);
  });

  it('find the categories from what each category reads, not from a table', () => {
    expect(
      parametersReadBy(data, 'HIGHLY_SKILLED', '2026-01-01').has('procedure.fastLane.highlySkilled'),
    ).toBe(true);
    // The VKS ≤ 2 exclusion is not a condition of seasonal work (policy note 002 §2.3).
    expect(
      parametersReadBy(data, 'SEASONAL_WORKER', '2026-01-01').has('function.lowSkilledExcludedMaximumVks'),
    ).toBe(false);
    const measures = policyMeasures(data, '2024-01-01', '2026-12-31');
    const hub = measures.find((m) => m.changes.some((c) => c.name === 'refusal.employerActsAsHub'));
    expect(hub?.changes.map((c) => c.name)).toContain('refusal.employerAlmostOnlyNonEu');
    expect(hub?.on).toBe('2026-01-01');
    // Each change is in one measure at most; measures of one date differ in their categories.
    const all = measures.flatMap((m) => m.changes.map((c) => `${c.on} ${c.name}`));
    expect(new Set(all).size).toBe(all.length);
    const keys = measures.map((m) => `${m.on} ${m.categories.join(',')}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('follow the rule data: a reform moving a date moves the measure', () => {
    const overrides = parseParameterOverrides(
      new YamlSource(
        'reform.yaml',
        [
          'procedure.fastLane.highlySkilled:',
          '  values:',
          "    2025-05-01: { value: false, until: 2025-08-31, source: 'test reform' }",
          "    2025-09-01: { value: true, source: 'test reform' }",
        ].join('\n'),
      ),
    );
    const reformed = applyReform(data, overrides);
    const fastLane = policyMeasures(reformed, '2024-01-01', '2026-12-31').find((m) =>
      m.changes.some((c) => c.name === 'procedure.fastLane.highlySkilled'),
    );
    expect(fastLane?.on).toBe('2025-09-01');
  });
});

const window = (patch: Partial<WindowFigures>): WindowFigures => ({
  from: '2025-01-01',
  to: '2025-06-30',
  filed: 10,
  decided: 8,
  granted: 6,
  refused: 2,
  withdrawn: 1,
  pending: 0,
  grantShare: 0.75,
  refusalShare: 0.25,
  leadMedianDays: 40,
  leadP90Days: 90,
  withinDeadlineShare: 0.5,
  ...patch,
});

describe('the difference before → after', () => {
  it('is in percentage points for shares and days for lead times, null without figures', () => {
    const before = window({});
    const after = window({
      filed: 14,
      grantShare: 0.6,
      refusalShare: 0.4,
      leadMedianDays: 25.5,
      leadP90Days: null,
    });
    expect(differenceOf(before, after)).toEqual({
      filed: 4,
      grantSharePoints: -15,
      refusalSharePoints: 15,
      withinDeadlineSharePoints: 0,
      leadMedianDays: -14.5,
      leadP90Days: null,
    });
  });

  it('marks an AFTER window not yet over, or with many dossiers pending, as incomplete', () => {
    const measures = policyMeasures(data, '2025-05-01', '2025-05-01');
    expect(measures).toHaveLength(1);
    const id = measures[0]!.id;
    const report = (after: WindowFigures, today: string) =>
      measureEffects(measures, new Map([[id, { BEFORE: window({}), AFTER: after }]]), {
        months: 6,
        years: [2025, 2025],
        today,
      }).measures[0]!;
    expect(report(window({ to: '2025-10-31' }), '2026-12-02').isAfterComplete).toBe(true);
    expect(report(window({ to: '2025-10-31' }), '2025-10-15').isAfterComplete).toBe(false);
    expect(report(window({ to: '2025-10-31', pending: 3 }), '2026-12-02').isAfterComplete).toBe(false);
    expect(report(window({}), '2026-12-02').label.nl).toMatch(/\S/);
  });
});
