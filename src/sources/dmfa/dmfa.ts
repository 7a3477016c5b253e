import Type, { type Static } from 'typebox';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import { EnterpriseNumber, Insz, requireInsz } from '../schema-parts.ts';
import { SourceRequestError } from '../source-errors.ts';
import type { Lookup } from '../source-result.ts';

/**
 * DmfA, the quarterly declaration of wages and working time to the RSZ (reference.md §7.4): per
 * worker per quarter, one line per employer with days, hours and wages by wage code. It shows
 * whether the salary promised in an application is the salary paid (renewals, inspections).
 */

export const QUARTER = /^(\d{4})-Q([1-4])$/;

export const DmfaLineSchema = Type.Object({
  enterpriseNumber: EnterpriseNumber,
  jointCommittee: Type.String({ pattern: '^\\d{3}(\\.\\d{2})?$' }),
  /** Werknemerskengetal: 495 = manual worker, 015 = white-collar worker (the simulator uses these two). */
  workerCode: Type.String({ pattern: '^\\d{3}$' }),
  days: Type.Number({ minimum: 0 }),
  hours: Type.Number({ minimum: 0 }),
  /** Wage code 1 = ordinary pay, 2 = bonuses and premiums; amounts in euro. */
  wages: Type.Array(Type.Object({ code: Type.String({ pattern: '^\\d{1,3}$' }), amount: Type.Number() })),
});

export const DmfaWorkerQuarterSchema = Type.Object({
  insz: Insz,
  quarter: Type.String({ pattern: QUARTER.source }),
  lines: Type.Array(DmfaLineSchema, { minItems: 1 }),
});

export type DmfaLine = Static<typeof DmfaLineSchema>;
export type DmfaWorkerQuarter = Static<typeof DmfaWorkerQuarterSchema>;

export interface Dmfa {
  /** `quarter` as `2026-Q3`; not found when no employer declared the worker for that quarter. */
  getWorkerQuarter(insz: string, quarter: string): Promise<Lookup<DmfaWorkerQuarter>>;
}

export function createDmfaClient(http: SourceHttpClient): Dmfa {
  return {
    getWorkerQuarter(insz, quarter) {
      const digits = requireInsz('dmfa', insz);
      if (!QUARTER.test(quarter))
        throw new SourceRequestError('dmfa', 'quarter must be written like 2026-Q3');
      return http.lookup(`/dmfa/workers/${digits}/quarters/${quarter}`, DmfaWorkerQuarterSchema);
    },
  };
}
