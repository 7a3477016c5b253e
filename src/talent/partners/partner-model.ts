import type { Pool } from '../talent-model.ts';

/**
 * Partner organisations (issue 17; docs/talent.md#partner-organisations): what kind each is, the
 * groups of candidates it may record (its purposes) and how long at most it keeps their data. Pure.
 */
export const PARTNER_KINDS = ['SCREENING', 'PILOT_OPERATOR', 'CARE_COORDINATION'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** What a kind records by default: the form proposes it, the administrator may narrow or widen it. */
export const DEFAULT_POOLS: Record<PartnerKind, Pool[]> = {
  SCREENING: ['LOCAL_JOBSEEKER', 'REFUGEE', 'ASYLUM_SEEKER'],
  PILOT_OPERATOR: ['PILOT_PARTICIPANT'],
  CARE_COORDINATION: ['CARE_RECOGNITION'],
};

export interface PartnerSettings {
  name: string;
  kind: PartnerKind;
  pools: Pool[];
  retentionMonths: number;
}

/** The settings' own checks beyond the schema: no pool twice. */
export function partnerSettingsErrors(settings: PartnerSettings): Array<{ path: string; rule: string }> {
  return settings.pools.flatMap((pool, index) =>
    settings.pools.indexOf(pool) < index ? [{ path: `pools[${index}]`, rule: 'unique' }] : [],
  );
}
