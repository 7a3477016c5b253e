import { PROVINCES } from '../rules/contract.ts';
import { FINDING_TYPES } from './enforcement.repo.ts';
import type {
  FindingType,
  InspectionStatisticsRow,
  WithdrawalStatisticsRow,
} from './inspection-stats.repo.ts';

/**
 * The inspection statistics as the supervisor's and analyst's page shows them (issue 14): one set of
 * figures for the period, and the same per origin, per province and per sector. Pure: it folds the
 * rows of inspection-stats.repo.ts. Withdrawal proposals have no origin (they follow an employer's
 * inspections, not one of them), so the origin breakdown has no withdrawal procedure figures.
 */
export interface InspectionFigures {
  inspections: number;
  findings: Record<FindingType, number>;
  finesProposed: number;
  finesProposedEuro: number;
  /** Inspections whose outcome was a proposed withdrawal. */
  withdrawalOutcomes: number;
  referrals: number;
}

export interface WithdrawalFigures {
  withdrawalsProposed: number;
  withdrawalsRevoked: number;
  withdrawalsDismissed: number;
}

export type FullFigures = InspectionFigures & WithdrawalFigures;

export interface InspectionFigureTables {
  total: FullFigures;
  byOrigin: Array<{ origin: InspectionStatisticsRow['origin'] } & InspectionFigures>;
  byProvince: Array<{ province: string } & FullFigures>;
  /** NACE-BEL division (2 digits), null for employers no monitoring run ranked. */
  bySector: Array<{ naceDivision: string | null } & FullFigures>;
}

const ORIGINS = ['SIGNAL', 'REPORT', 'OTHER'] as const;

function empty(): FullFigures {
  return {
    inspections: 0,
    findings: Object.fromEntries(FINDING_TYPES.map((type) => [type, 0])) as Record<FindingType, number>,
    finesProposed: 0,
    finesProposedEuro: 0,
    withdrawalOutcomes: 0,
    referrals: 0,
    withdrawalsProposed: 0,
    withdrawalsRevoked: 0,
    withdrawalsDismissed: 0,
  };
}

function addInspections(into: FullFigures, row: InspectionStatisticsRow): void {
  into.inspections += row.inspections;
  for (const type of FINDING_TYPES) into.findings[type] += row.findings[type];
  into.finesProposed += row.finesProposed;
  // Summed in cents: euros with cents do not add up exactly as binary fractions.
  into.finesProposedEuro =
    (Math.round(into.finesProposedEuro * 100) + Math.round(row.finesProposedEuro * 100)) / 100;
  if (row.outcome === 'WITHDRAWAL_PROPOSED') into.withdrawalOutcomes += row.inspections;
  into.referrals += row.referrals;
}

function addWithdrawals(into: FullFigures, row: WithdrawalStatisticsRow): void {
  into.withdrawalsProposed += row.proposed;
  into.withdrawalsRevoked += row.revoked;
  into.withdrawalsDismissed += row.dismissed;
}

/** Provinces in the law's order, then other places alphabetically, UNKNOWN last. */
function provinceOrder(a: string, b: string): number {
  const rank = (p: string) => {
    const i = (PROVINCES as readonly string[]).indexOf(p);
    return i >= 0 ? i : p === 'UNKNOWN' ? 1000 : 100;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function foldInspectionFigures(
  inspections: readonly InspectionStatisticsRow[],
  withdrawals: readonly WithdrawalStatisticsRow[],
): InspectionFigureTables {
  const total = empty();
  const origins = new Map(ORIGINS.map((origin) => [origin, empty()]));
  const provinces = new Map<string, FullFigures>();
  const sectors = new Map<string | null, FullFigures>();
  const at = <K>(map: Map<K, FullFigures>, key: K) => {
    const found = map.get(key) ?? empty();
    map.set(key, found);
    return found;
  };
  for (const row of inspections) {
    addInspections(total, row);
    addInspections(origins.get(row.origin) as FullFigures, row);
    addInspections(at(provinces, row.province), row);
    addInspections(at(sectors, row.naceDivision), row);
  }
  for (const row of withdrawals) {
    addWithdrawals(total, row);
    addWithdrawals(at(provinces, row.province), row);
    addWithdrawals(at(sectors, row.naceDivision), row);
  }
  const inspectionPart = ({
    withdrawalsProposed: _p,
    withdrawalsRevoked: _r,
    withdrawalsDismissed: _d,
    ...rest
  }: FullFigures): InspectionFigures => rest;
  return {
    total,
    byOrigin: ORIGINS.map((origin) => ({ origin, ...inspectionPart(origins.get(origin) as FullFigures) })),
    byProvince: [...provinces]
      .sort(([a], [b]) => provinceOrder(a, b))
      .map(([province, figures]) => ({ province, ...figures })),
    bySector: [...sectors]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([naceDivision, figures]) => ({ naceDivision, ...figures })),
  };
}
