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
  const byEmployer = new Map(ranking.map((risk) => [risk.enterpriseNumber, risk]));
  for (const count of counts) {
    const added = count.admissible * points.DESK_REPORT + count.untriaged * points.DESK_REPORT_UNTRIAGED;
    if (added <= 0) continue;
    const signal: Signal = {
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
    };
    const part = { kind: 'DESK_REPORT' as const, points: added, authorisationId: null, counted: true };
    const risk = byEmployer.get(count.enterpriseNumber);
    byEmployer.set(
      count.enterpriseNumber,
      risk
        ? {
            ...risk,
            score: Math.round((risk.score + added) * 100) / 100,
            parts: [...risk.parts, part],
            signals: [...risk.signals, signal],
          }
        : {
            enterpriseNumber: count.enterpriseNumber,
            score: added,
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
