import Type, { type Static } from 'typebox';
import { batchAnswer, checkBatchSize, NEVER_CACHE } from '../batch.ts';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import {
  EnterpriseNumber,
  Insz,
  IsoDate,
  NullableIsoDate,
  oneOf,
  requireEnterpriseNumber,
  requireInsz,
} from '../schema-parts.ts';
import type { Answer, Lookup } from '../source-result.ts';

/**
 * Dimona, the immediate declaration of employment to the RSZ (KB 5 Nov 2002; reference.md §7.3):
 * one period per employer and worker, opened by an IN and closed by an OUT. It tells the case
 * handler who works for the employer today (workforce, share of non-EU workers) and whether the
 * worker already works in Belgium.
 */

export const DimonaPeriodSchema = Type.Object({
  dimonaId: Type.String(),
  enterpriseNumber: EnterpriseNumber,
  insz: Insz,
  /** Joint committee (paritair comité), e.g. `118.03`. */
  jointCommittee: Type.String({ pattern: '^\\d{3}(\\.\\d{2})?$' }),
  workerType: oneOf(['OTH', 'STU', 'EXT', 'FLX'] as const),
  startDate: IsoDate,
  /** Null while the employment runs. */
  endDate: NullableIsoDate,
  declarations: Type.Array(Type.Object({ type: oneOf(['IN', 'OUT'] as const), declaredOn: IsoDate }), {
    minItems: 1,
  }),
});

export const EmployerEmploymentsSchema = Type.Object({
  enterpriseNumber: EnterpriseNumber,
  periods: Type.Array(DimonaPeriodSchema),
});

export const WorkerEmploymentsSchema = Type.Object({
  insz: Insz,
  periods: Type.Array(DimonaPeriodSchema),
});

export type DimonaPeriod = Static<typeof DimonaPeriodSchema>;
export type EmployerEmployments = Static<typeof EmployerEmploymentsSchema>;
export type WorkerEmployments = Static<typeof WorkerEmploymentsSchema>;

export interface Dimona {
  /** The employer's periods (of one worker when `insz` is given); not found when the RSZ knows no declaration of it. */
  getEmployerEmployments(
    enterpriseNumber: string,
    filter?: { insz?: string },
  ): Promise<Lookup<EmployerEmployments>>;
  /** Every period of a worker, with any employer; not found when no employer ever declared the worker. */
  getWorkerEmployments(insz: string): Promise<Lookup<WorkerEmployments>>;
  /** Every period of up to 100 workers in one question (workers never declared are absent). Never cached. */
  getWorkersEmployments(insz: readonly string[]): Promise<Answer<WorkerEmployments[]>>;
  /**
   * The staff of up to 100 employers in one question: each employer's periods running on `activeOn`
   * (its workforce that day; employers without any are absent). Never cached.
   */
  getEmployersStaff(
    enterpriseNumbers: readonly string[],
    activeOn: string,
  ): Promise<Answer<EmployerEmployments[]>>;
}

const WorkersBatchSchema = Type.Object({ workers: Type.Array(WorkerEmploymentsSchema) });
const EmployersBatchSchema = Type.Object({ employers: Type.Array(EmployerEmploymentsSchema) });
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function createDimonaClient(http: SourceHttpClient): Dimona {
  return {
    getEmployerEmployments(enterpriseNumber, filter = {}) {
      const digits = requireEnterpriseNumber('dimona', enterpriseNumber);
      const query = filter.insz ? `?insz=${requireInsz('dimona', filter.insz)}` : '';
      return http.lookup(`/dimona/employers/${digits}/employments${query}`, EmployerEmploymentsSchema);
    },
    getWorkerEmployments(insz) {
      return http.lookup(
        `/dimona/workers/${requireInsz('dimona', insz)}/employments`,
        WorkerEmploymentsSchema,
      );
    },
    async getWorkersEmployments(insz) {
      checkBatchSize('dimona', insz.length);
      const list = insz.map((i) => requireInsz('dimona', i)).join(',');
      const answer = await http.lookup(`/dimona/workers?insz=${list}`, WorkersBatchSchema, NEVER_CACHE);
      return batchAnswer(answer, (v) => v.workers);
    },
    async getEmployersStaff(enterpriseNumbers, activeOn) {
      checkBatchSize('dimona', enterpriseNumbers.length);
      if (!DAY.test(activeOn)) throw new RangeError('dimona: activeOn must be a day like 2026-12-01');
      const list = enterpriseNumbers.map((n) => requireEnterpriseNumber('dimona', n)).join(',');
      const answer = await http.lookup(
        `/dimona/employers?number=${list}&activeOn=${activeOn}`,
        EmployersBatchSchema,
        NEVER_CACHE,
      );
      return batchAnswer(answer, (v) => v.employers);
    },
  };
}
