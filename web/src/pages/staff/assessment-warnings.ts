import type { Assessment } from '../../../../src/rules/index.ts';

type Warning = Assessment['warnings'][number];

/**
 * Which of an assessment's warnings a case handler needs on this dossier, split in two: the
 * warnings of the case, and the values not yet official (listed together, their caveat said once).
 * The fee's value only matters while a fee is due and not yet paid: with no fee due, or once the
 * employer has paid, its uncertain amount changes nothing the case handler does.
 */
export function staffWarnings(
  assessment: Pick<Assessment, 'warnings' | 'fee'>,
  fee: { amountDueCents: number | null; paidOn: string | null } | null,
): { caseWarnings: Warning[]; unverifiedValues: Warning[] } {
  const isFeeOpen = assessment.fee.amountDue > 0 && (fee?.amountDueCents ?? 1) > 0 && !fee?.paidOn;
  const caseWarnings: Warning[] = [];
  const unverifiedValues: Warning[] = [];
  const seen = new Set<string>();
  for (const warning of assessment.warnings) {
    if (warning.code !== 'PARAMETER_UNVERIFIED') {
      caseWarnings.push(warning);
      continue;
    }
    const { parameter, validFrom } = warning.facts as { parameter?: string; validFrom?: string };
    if (parameter === 'fee.singlePermit' && !isFeeOpen) continue;
    // One line per value, even where two conditions read the same parameter.
    const key = `${parameter}@${validFrom}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unverifiedValues.push(warning);
  }
  return { caseWarnings, unverifiedValues };
}
