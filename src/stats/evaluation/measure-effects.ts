import type { Texts } from '../stats-texts.ts';
import type { Side, WindowFigures } from './measure-effects.repo.ts';
import { measureLabel, type PolicyMeasure } from './policy-measures.ts';

/**
 * The evaluation report of policy note 002 §2.10 ("hoe veranderde elke maatregel de uitkomsten
 * en doorlooptijden"): per dated measure of the rules, the dossiers of the categories it affects
 * filed in equal windows before and after its date, and the difference. Pure: the figures come
 * from measure-effects.repo.ts, the measures from policy-measures.ts.
 */

export const DEFAULT_WINDOW_MONTHS = 6;
export const MAX_WINDOW_MONTHS = 24;

export interface MeasureChangeView {
  parameter: string;
  label: Texts;
  before: unknown;
  after: unknown;
  source: string;
}

export interface Difference {
  filed: number;
  /** Percentage points (share after − share before, × 100), one decimal. */
  grantSharePoints: number | null;
  refusalSharePoints: number | null;
  withinDeadlineSharePoints: number | null;
  leadMedianDays: number | null;
  leadP90Days: number | null;
}

export interface MeasureEffect {
  id: string;
  on: string;
  label: Texts;
  categories: string[];
  changes: MeasureChangeView[];
  before: WindowFigures;
  after: WindowFigures;
  difference: Difference;
  /**
   * False while the AFTER window has not ended, or more than 5 % of the dossiers filed in it are
   * still pending: its shares and lead times then describe the quick decisions mostly.
   */
  isAfterComplete: boolean;
}

export interface MeasureEffectsReport {
  months: number;
  years: [number, number];
  measures: MeasureEffect[];
}

const minus = (after: number | null, before: number | null, factor: number) =>
  after === null || before === null ? null : Math.round((after - before) * factor * 10) / 10;

export function differenceOf(before: WindowFigures, after: WindowFigures): Difference {
  return {
    filed: after.filed - before.filed,
    grantSharePoints: minus(after.grantShare, before.grantShare, 100),
    refusalSharePoints: minus(after.refusalShare, before.refusalShare, 100),
    withinDeadlineSharePoints: minus(after.withinDeadlineShare, before.withinDeadlineShare, 100),
    leadMedianDays: minus(after.leadMedianDays, before.leadMedianDays, 1),
    leadP90Days: minus(after.leadP90Days, before.leadP90Days, 1),
  };
}

const EMPTY: WindowFigures = {
  from: '',
  to: '',
  filed: 0,
  decided: 0,
  granted: 0,
  refused: 0,
  withdrawn: 0,
  pending: 0,
  grantShare: null,
  refusalShare: null,
  leadMedianDays: null,
  leadP90Days: null,
  withinDeadlineShare: null,
};

export function measureEffects(
  measures: readonly PolicyMeasure[],
  windows: ReadonlyMap<string, Record<Side, WindowFigures>>,
  options: { months: number; years: [number, number]; today: string },
): MeasureEffectsReport {
  return {
    months: options.months,
    years: options.years,
    measures: measures.map((measure) => {
      const figures = windows.get(measure.id);
      const before = figures?.BEFORE ?? EMPTY;
      const after = figures?.AFTER ?? EMPTY;
      return {
        id: measure.id,
        on: measure.on,
        label: {
          nl: measureLabel(measure, 'nl'),
          fr: measureLabel(measure, 'fr'),
          en: measureLabel(measure, 'en'),
        },
        categories: [...measure.categories],
        changes: measure.changes.map((change) => ({
          parameter: change.name,
          label: {
            nl: measureLabel({ ...measure, changes: [change] }, 'nl'),
            fr: measureLabel({ ...measure, changes: [change] }, 'fr'),
            en: measureLabel({ ...measure, changes: [change] }, 'en'),
          },
          before: change.before,
          after: change.after,
          source: change.source,
        })),
        before,
        after,
        difference: differenceOf(before, after),
        isAfterComplete: after.to !== '' && after.to < options.today && after.pending <= after.filed * 0.05,
      };
    }),
  };
}
