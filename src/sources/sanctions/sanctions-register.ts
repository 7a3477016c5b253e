import Type, { type Static } from 'typebox';
import { batchAnswer, checkBatchSize, NEVER_CACHE } from '../batch.ts';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import { IsoDate, oneOf, requireEnterpriseNumber, requireInsz } from '../schema-parts.ts';
import type { Answer, Lookup } from '../source-result.ts';

/**
 * Sanctions that bar or may bar an employer from the procedure (reference.md §5.2: art. 12/1,
 * 12/3, 12/4 law 30 Apr 1999; art. 175/1, 181, 181/1 Social Penal Code), on the enterprise or on
 * a person who directs it. A subject the register knows without sanctions has an empty list.
 */

export const SanctionSchema = Type.Object({
  sanctionId: Type.String(),
  kind: oneOf(['EXCLUSION', 'ADMINISTRATIVE_FINE', 'CRIMINAL_CONVICTION'] as const),
  legalBasis: Type.String(),
  imposedOn: IsoDate,
  /** Last day the sanction has effect. */
  endDate: IsoDate,
  /** Imposed on the employer itself or on one of its directors. */
  via: oneOf(['EMPLOYER', 'DIRECTOR'] as const),
});

export const SanctionRecordSchema = Type.Object({
  subject: Type.Object({ kind: oneOf(['ENTERPRISE', 'PERSON'] as const), id: Type.String() }),
  sanctions: Type.Array(SanctionSchema),
});

export type Sanction = Static<typeof SanctionSchema>;
export type SanctionRecord = Static<typeof SanctionRecordSchema>;

export interface SanctionsRegister {
  getEnterpriseSanctions(enterpriseNumber: string): Promise<Lookup<SanctionRecord>>;
  getPersonSanctions(insz: string): Promise<Lookup<SanctionRecord>>;
  /** Up to 100 subjects (enterprises and persons together) in one question. Never cached. */
  getSubjectsSanctions(subjects: {
    enterprises: readonly string[];
    persons: readonly string[];
  }): Promise<Answer<SanctionRecord[]>>;
}

const RecordsBatchSchema = Type.Object({ records: Type.Array(SanctionRecordSchema) });

export function createSanctionsRegisterClient(http: SourceHttpClient): SanctionsRegister {
  return {
    getEnterpriseSanctions(enterpriseNumber) {
      const digits = requireEnterpriseNumber('sanctions', enterpriseNumber);
      return http.lookup(`/sanctions/enterprises/${digits}`, SanctionRecordSchema);
    },
    getPersonSanctions(insz) {
      return http.lookup(`/sanctions/persons/${requireInsz('sanctions', insz)}`, SanctionRecordSchema);
    },
    async getSubjectsSanctions({ enterprises, persons }) {
      checkBatchSize('sanctions', enterprises.length + persons.length);
      const query = [
        enterprises.length > 0
          ? `enterprise=${enterprises.map((n) => requireEnterpriseNumber('sanctions', n)).join(',')}`
          : '',
        persons.length > 0 ? `person=${persons.map((i) => requireInsz('sanctions', i)).join(',')}` : '',
      ].filter((part) => part !== '');
      const answer = await http.lookup(
        `/sanctions/subjects?${query.join('&')}`,
        RecordsBatchSchema,
        NEVER_CACHE,
      );
      return batchAnswer(answer, (v) => v.records);
    },
  };
}
