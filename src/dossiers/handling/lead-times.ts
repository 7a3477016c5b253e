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
}

export interface LeadTimeFigures {
  category: string;
  decided: number;
  withinDeadline: number;
  shareWithinDeadline: number | null;
  /** Mean lead time, one decimal: the policy note's 30-day target is an average (§2.4). */
  averageDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
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
      return {
        category,
        decided: list.length,
        withinDeadline: within,
        shareWithinDeadline: list.length ? within / list.length : null,
        // The policy note's target is an average (30 days, §2.4): a supervisor's figure, beside
        // the median; each dossier's deadline stays its maximum term.
        averageDays: days.length
          ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10
          : null,
        medianDays: percentile(days, 50),
        p90Days: percentile(days, 90),
      };
    });
}
