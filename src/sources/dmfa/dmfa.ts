import Type, { type Static } from 'typebox';
import { batchAnswer, checkBatchSize, NEVER_CACHE } from '../batch.ts';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import { EnterpriseNumber, Insz, requireInsz } from '../schema-parts.ts';
import { SourceRequestError } from '../source-errors.ts';
import type { Answer, Lookup } from '../source-result.ts';

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
  /** Up to 100 workers and up to 8 quarters in one question: the worker-quarters declared (others absent). Never cached. */
  getWorkersQuarters(
    insz: readonly string[],
    quarters: readonly string[],
  ): Promise<Answer<DmfaWorkerQuarter[]>>;
}

const DmfaBatchSchema = Type.Object({ quarters: Type.Array(DmfaWorkerQuarterSchema) });

export function createDmfaClient(http: SourceHttpClient): Dmfa {
  return {
    getWorkerQuarter(insz, quarter) {
      const digits = requireInsz('dmfa', insz);
      if (!QUARTER.test(quarter))
        throw new SourceRequestError('dmfa', 'quarter must be written like 2026-Q3');
      return http.lookup(`/dmfa/workers/${digits}/quarters/${quarter}`, DmfaWorkerQuarterSchema);
    },
    async getWorkersQuarters(insz, quarters) {
      checkBatchSize('dmfa', insz.length);
      if (quarters.length === 0 || quarters.length > 8 || !quarters.every((q) => QUARTER.test(q)))
        throw new SourceRequestError('dmfa', 'give 1 to 8 quarters written like 2026-Q3');
      const list = insz.map((i) => requireInsz('dmfa', i)).join(',');
      const answer = await http.lookup(
        `/dmfa/quarters?insz=${list}&quarters=${quarters.join(',')}`,
        DmfaBatchSchema,
        NEVER_CACHE,
      );
      return batchAnswer(answer, (v) => v.quarters);
    },
  };
}
