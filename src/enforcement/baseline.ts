import type { MonitoredAuthorisation, RegisterReading } from './monitoring-types.ts';

/**
 * The benchmark's baseline, one rule alone: the largest quarterly wage gap of any worker, ordinary
 * pay declared against a quarter of the promised annual salary, with no regard for hours worked,
 * premiums or quarters not yet due. Not used by the product; it shows what the ranking adds.
 */
export function rankByWageGapAlone(
  auths: readonly MonitoredAuthorisation[],
  reading: RegisterReading,
): string[] {
  const gap = new Map<string, number>();
  for (const auth of auths) {
    if (auth.grossAnnualSalary === null) continue;
    const dmfa = reading.dmfa.get(auth.insz);
    if (!dmfa) continue;
    const expected = auth.grossAnnualSalary / 4;
    for (const quarter of reading.quarters) {
      if (quarter < auth.validFrom.slice(0, 4)) continue;
      const declared = dmfa.value.find((q) => q.quarter === quarter);
      const paid = (declared?.lines ?? [])
        .filter((l) => l.enterpriseNumber === auth.enterpriseNumber)
        .reduce((sum, l) => sum + l.wages.filter((w) => w.code === '1').reduce((s, w) => s + w.amount, 0), 0);
      const share = 1 - paid / expected;
      if (share > (gap.get(auth.enterpriseNumber) ?? 0)) gap.set(auth.enterpriseNumber, share);
    }
  }
  return [...gap.entries()]
    .filter(([, g]) => g > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([number]) => number);
}
