import { brusselsDate } from '../../server/today.ts';
import type { Fact, RawDossier } from './recount.ts';

/**
 * 003 q8 counted by hand: each inspection with its employer's province (the place of employment in
 * its latest submitted dossier), and each grant valid at that employer on the day as a worker.
 */
export function inspectionFacts(
  dossiers: readonly RawDossier[],
  facts: readonly Fact[],
  inspections: ReadonlyArray<{
    id: string;
    enterprise_number: string;
    origin: string;
    outcome: string;
    inspected_on: string | Date;
  }>,
): Fact[] {
  const result: Fact[] = [];
  for (const inspection of inspections) {
    const day =
      typeof inspection.inspected_on === 'string'
        ? inspection.inspected_on
        : brusselsDate(inspection.inspected_on);
    const year = Number(day.slice(0, 4));
    const own = dossiers
      .map((dossier, i) => ({ dossier, fact: facts[i] as Fact, on: brusselsDate(dossier.submitted_at) }))
      .filter(({ dossier }) => dossier.enterprise_number === inspection.enterprise_number);
    const latest = [...own].sort((a, b) =>
      a.on !== b.on ? (a.on < b.on ? 1 : -1) : a.dossier.id < b.dossier.id ? -1 : 1,
    )[0];
    result.push({
      ...emptyFact(),
      dims: {
        ...({} as Fact['dims']),
        province: latest?.fact.dims.province ?? 'UNKNOWN',
        inspectionOrigin: inspection.origin,
        inspectionOutcome: inspection.outcome,
      },
      other: { year, measure: 'inspections' },
    });
    for (const { dossier, fact } of own) {
      const from = dossier.decision?.validFrom ?? dossier.decision?.decidedOn ?? dossier.decided_on;
      const until = dossier.decision?.validUntil ?? day;
      if (fact.outcome !== 'GRANTED' || !from || from > day || until < day) continue;
      result.push({
        ...fact,
        dims: { ...fact.dims, inspectionOrigin: inspection.origin, inspectionOutcome: inspection.outcome },
        other: { year, measure: 'inspectedWorkers' },
      });
    }
  }
  return result;
}

function emptyFact(): Fact {
  return {
    dims: {} as Fact['dims'],
    submittedYear: 0,
    decidedYear: null,
    isAdmissible: false,
    isWithdrawn: false,
    isInadmissible: false,
    isRevoked: false,
    outcome: null,
    reasons: [],
    regionalLead: null,
    federalLead: null,
    admissibilityLead: null,
    totalLead: null,
    handover: null,
    residenceOutcome: null,
    appealYear: null,
    appealOutcome: null,
    isWithinDeadline: null,
  };
}

/** Seed 004's NARIC files as the register check read them, one per dossier and reference. */
export function recognitionFacts(
  dossiers: readonly RawDossier[],
  facts: readonly Fact[],
  recognitions: ReadonlyArray<{ dossier_id: string; is_found: boolean; value: unknown }>,
): Fact[] {
  const byId = new Map(dossiers.map((dossier, i) => [dossier.id, facts[i] as Fact]));
  return recognitions.flatMap((recognition) => {
    const fact = byId.get(recognition.dossier_id);
    if (!fact) return [];
    const value = (recognition.value ?? {}) as { status?: string; decision?: string | null };
    const status = !recognition.is_found
      ? 'NOT_FOUND'
      : value.status === 'DECIDED'
        ? (value.decision ?? 'RECEIVED')
        : String(value.status);
    return [
      {
        ...fact,
        dims: { ...fact.dims, recognitionStatus: status },
        other: { year: fact.submittedYear, measure: 'recognitions' as const },
      },
    ];
  });
}
