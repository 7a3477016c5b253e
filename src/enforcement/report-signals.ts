import type { EmployerReportCount } from '../desk/desk.repo.ts';
import type { EmployerRisk, Signal } from './monitoring-types.ts';
import type { RiskParameters } from './risk-parameters.ts';

/**
 * The desk's abuse reports in the ranking (issue 14: reports "feed the risk ranking"): a report
 * linked to an employer adds a part to its score, an admissible one fully, one not yet triaged a
 * little (a report can be malicious; the inspector's triage decides). Reports found not admissible
 * or forwarded add nothing. An employer named only in reports enters the list with that part alone.
 */
export function withDeskReports(
  ranking: readonly EmployerRisk[],
  counts: readonly EmployerReportCount[],
  params: RiskParameters,
  readOn: string,
): EmployerRisk[] {
  const points = params.points.value;
  const signals: Signal[] = [];
  for (const count of counts) {
    const added = count.admissible * points.DESK_REPORT + count.untriaged * points.DESK_REPORT_UNTRIAGED;
    if (added <= 0) continue;
    signals.push({
      kind: 'DESK_REPORT',
      enterpriseNumber: count.enterpriseNumber,
      authorisationId: null,
      points: added,
      facts: [
        { name: 'reportsAdmissible', value: count.admissible, source: 'LOKET', at: readOn },
        { name: 'reportsUntriaged', value: count.untriaged, source: 'LOKET', at: readOn },
        { name: 'reportsTotal', value: count.total, source: 'LOKET', at: readOn },
      ],
      rule: {
        parameter: params.points.name,
        value: points.DESK_REPORT,
        validFrom: params.points.validFrom,
        legalBasis: params.points.legalBasis,
      },
    });
  }
  return mergeEmployerSignals(ranking, signals);
}

/**
 * Signals about an employer as a whole that Loket finds in its own data (reports, repeated
 * documents) added to the ranking: each adds a counted part to the employer's score; an employer
 * not yet in the ranking enters it with those parts alone. Highest score first, as `rankEmployers`.
 */
export function mergeEmployerSignals(
  ranking: readonly EmployerRisk[],
  signals: readonly Signal[],
): EmployerRisk[] {
  const byEmployer = new Map(ranking.map((risk) => [risk.enterpriseNumber, risk]));
  for (const signal of signals) {
    const part = { kind: signal.kind, points: signal.points, authorisationId: null, counted: true };
    const risk = byEmployer.get(signal.enterpriseNumber);
    byEmployer.set(
      signal.enterpriseNumber,
      risk
        ? {
            ...risk,
            score: Math.round((risk.score + signal.points) * 100) / 100,
            parts: [...risk.parts, part],
            signals: [...risk.signals, signal],
          }
        : {
            enterpriseNumber: signal.enterpriseNumber,
            score: signal.points,
            parts: [part],
            signals: [signal],
            dossierScores: [],
          },
    );
  }
  return [...byEmployer.values()].sort(
    (a, b) => b.score - a.score || a.enterpriseNumber.localeCompare(b.enterpriseNumber),
  );
}
