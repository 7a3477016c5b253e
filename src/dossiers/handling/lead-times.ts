/**
 * Lead-time figures for supervisors (and, later, the statistics module): the median and the 90th
 * percentile by the nearest-rank method (a value that occurred, never an interpolated one), and
 * the share of dossiers decided within their legal deadline.
 */
export function percentile(sortedValues: readonly number[], p: number): number | null {
  if (sortedValues.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedValues.length));
  return sortedValues[rank - 1] ?? null;
}

export interface DecidedDossier {
  category: string;
  leadTimeDays: number;
  isWithinDeadline: boolean;
  /** Counted in the 30-day average of §2.4: a dossier other than highly skilled, filed from 2026. */
  isUnderAverageTarget?: boolean;
}

/**
 * Policy note 002 §2.4: "Er wordt ingezet op een gemiddelde doorlooptijd van 30 dagen (tot maximaal
 * 45 dagen in piekperiodes) voor de aanvraagdossiers niet-hooggeschoolden vanaf 1 januari 2026."
 * An average over dossiers, a figure for the supervisor; no dossier's due date uses it (the 45-day
 * maximum does, rules/parameters/procedure.regionalDeadlineDays.default.yaml). Not a rule parameter:
 * the engine never reads it. The highly skilled have the fast lane's 15-day maximum instead (§2.2).
 */
export const AVERAGE_LEAD_TIME_TARGET = { days: 30, filedFrom: '2026-01-01' } as const;

/**
 * The highly skilled categories, outside the §2.4 target ("niet-hooggeschoolden"): the highly
 * skilled and the EU Blue Card, both for highly qualified work at a highly skilled wage.
 */
const HIGHLY_SKILLED_CATEGORIES: ReadonlySet<string> = new Set(['HIGHLY_SKILLED', 'EU_BLUE_CARD']);

/** Which lead-time target a category is rated against: the §2.4 average, or none. */
export type LeadTimeTarget = 'AVERAGE_30_DAYS' | 'NONE';

export function leadTimeTargetOf(category: string): LeadTimeTarget {
  return HIGHLY_SKILLED_CATEGORIES.has(category) ? 'NONE' : 'AVERAGE_30_DAYS';
}

export function isUnderAverageTarget(category: string, filedOn: string | null): boolean {
  return (
    leadTimeTargetOf(category) === 'AVERAGE_30_DAYS' &&
    filedOn !== null &&
    filedOn >= AVERAGE_LEAD_TIME_TARGET.filedFrom
  );
}

export interface LeadTimeFigures {
  category: string;
  /** The target this category is rated against (none for the highly skilled categories). */
  target: LeadTimeTarget;
  decided: number;
  withinDeadline: number;
  shareWithinDeadline: number | null;
  /** Mean lead time, one decimal: the policy note's 30-day target is an average (§2.4). */
  averageDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
  /**
   * The §2.4 target (30) where it applies to the category, else null; the mean over the dossiers it
   * applies to (those filed from 2026: `averageDays` may include older ones), and whether it is met.
   */
  averageTargetDays: number | null;
  averageDaysUnderTarget: number | null;
  meetsAverageTarget: boolean | null;
}

function mean(values: readonly number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
}

export function summariseLeadTimes(decided: readonly DecidedDossier[]): LeadTimeFigures[] {
  const byCategory = new Map<string, DecidedDossier[]>();
  for (const dossier of decided) {
    const list = byCategory.get(dossier.category) ?? [];
    list.push(dossier);
    byCategory.set(dossier.category, list);
  }
  return [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, list]) => {
      const days = list.map((d) => d.leadTimeDays).sort((a, b) => a - b);
      const within = list.filter((d) => d.isWithinDeadline).length;
      const underTarget = mean(list.filter((d) => d.isUnderAverageTarget).map((d) => d.leadTimeDays));
      const target = leadTimeTargetOf(category);
      const hasTarget = target !== 'NONE';
      return {
        category,
        target,
        decided: list.length,
        withinDeadline: within,
        shareWithinDeadline: list.length ? within / list.length : null,
        // The policy note's target is an average (30 days, §2.4): a supervisor's figure, beside
        // the median; each dossier's deadline stays its maximum term.
        averageDays: mean(days),
        medianDays: percentile(days, 50),
        p90Days: percentile(days, 90),
        averageTargetDays: hasTarget ? AVERAGE_LEAD_TIME_TARGET.days : null,
        averageDaysUnderTarget: hasTarget ? underTarget : null,
        meetsAverageTarget:
          hasTarget && underTarget !== null ? underTarget <= AVERAGE_LEAD_TIME_TARGET.days : null,
      };
    });
}

export interface OverallAgainstTarget {
  /** Dossiers the §2.4 target applies to (other than highly skilled, filed from 2026), decided in the period. */
  decided: number;
  averageDays: number | null;
  targetDays: number;
  /** Null when no dossier the target applies to was decided in the period. */
  meetsTarget: boolean | null;
}

/** The one line over all categories: was the 30-day average met by the dossiers it applies to? */
export function overallAgainstTarget(decided: readonly DecidedDossier[]): OverallAgainstTarget {
  const days = decided.filter((d) => d.isUnderAverageTarget).map((d) => d.leadTimeDays);
  const averageDays = mean(days);
  return {
    decided: days.length,
    averageDays,
    targetDays: AVERAGE_LEAD_TIME_TARGET.days,
    meetsTarget: averageDays === null ? null : averageDays <= AVERAGE_LEAD_TIME_TARGET.days,
  };
}
