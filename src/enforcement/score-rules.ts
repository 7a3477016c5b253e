import type { RiskParameters, SignalKind } from './risk-parameters.ts';

/**
 * How a risk score is made, as the inspector reads it beside the score: the very parameters the
 * scorer applied (each signal's points, the weights some signals add on top, how many dossiers
 * count), so the explanation cannot drift from the computation. The words are the page's.
 */
export interface ScoringRules {
  /** The points in force since (the scorer's `points` parameter). */
  validFrom: string;
  legalBasis: string;
  /** Each signal's own points (for DESK_REPORT: per admissible report). */
  points: Record<SignalKind, number>;
  /** WAGE_BELOW_PROMISE adds this per percentage point paid below `wageMinimumPaidShare`. */
  wageGapPerPoint: number;
  wageMinimumPaidShare: number;
  /** SHARED_ADDRESS adds this per worker above `sharedAddressMinimumWorkers`. */
  sharedAddressPerExtraWorker: number;
  sharedAddressMinimumWorkers: number;
  /** DESK_REPORT: points per report not yet triaged. */
  deskReportUntriaged: number;
  /** An employer's score counts only its this many highest-scoring dossiers. */
  countedDossiers: number;
}

export function scoringRules(params: RiskParameters): ScoringRules {
  const { WAGE_GAP_PER_POINT, SHARED_ADDRESS_PER_EXTRA_WORKER, DESK_REPORT_UNTRIAGED, ...points } =
    params.points.value;
  return {
    validFrom: params.points.validFrom,
    legalBasis: params.points.legalBasis,
    points,
    wageGapPerPoint: WAGE_GAP_PER_POINT,
    wageMinimumPaidShare: params.minimumPaidShare.value,
    sharedAddressPerExtraWorker: SHARED_ADDRESS_PER_EXTRA_WORKER,
    sharedAddressMinimumWorkers: params.addressMinimumWorkers.value,
    deskReportUntriaged: DESK_REPORT_UNTRIAGED,
    countedDossiers: params.countedDossiers.value,
  };
}
