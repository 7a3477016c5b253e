import Type, { type Static } from 'typebox';
import { batchAnswer, checkBatchSize, NEVER_CACHE } from '../batch.ts';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import {
  EnterpriseNumber,
  Insz,
  IsoDate,
  NullableIsoDate,
  oneOf,
  PostalCode,
  requireEnterpriseNumber,
} from '../schema-parts.ts';
import type { Answer, Lookup } from '../source-result.ts';

/**
 * KBO/BCE, the Crossroads Bank for Enterprises (KB 23 Jun 2003): who the employer is, whether it
 * still exists (bankrupt or stopped employers are a refusal ground, reference.md §5.2), since when
 * (recently founded employers get a closer look), where it is registered (the region decides
 * competence) and who directs it (sanctions reach directors).
 */

export const LEGAL_FORMS = ['BV', 'NV', 'CV', 'VZW', 'VOF', 'COMMV', 'EENMANSZAAK'] as const;
export const ENTERPRISE_STATUSES = ['ACTIVE', 'BANKRUPT', 'STOPPED'] as const;

export const AddressSchema = Type.Object({
  street: Type.String(),
  houseNumber: Type.String(),
  postalCode: PostalCode,
  municipality: Type.String(),
});

export const EstablishmentSchema = Type.Object({
  establishmentNumber: Type.String({ pattern: '^[2-9]\\d{9}$' }),
  name: Type.String(),
  startDate: IsoDate,
  address: AddressSchema,
});

export const DirectorSchema = Type.Object({
  /** Null for a director without a Belgian INSZ (some foreign directors). */
  insz: Type.Union([Insz, Type.Null()]),
  name: Type.String(),
  role: oneOf(['ZAAKVOERDER', 'BESTUURDER', 'GEDELEGEERD_BESTUURDER'] as const),
  since: IsoDate,
});

export const EnterpriseSchema = Type.Object({
  enterpriseNumber: EnterpriseNumber,
  name: Type.String(),
  legalForm: oneOf(LEGAL_FORMS),
  status: oneOf(ENTERPRISE_STATUSES),
  startDate: IsoDate,
  /** Date of the bankruptcy or the stop; null while active. */
  endDate: NullableIsoDate,
  /** Main activity, NACE-BEL 2008 (5 digits). */
  naceCode: Type.String({ pattern: '^\\d{5}$' }),
  registeredAddress: AddressSchema,
  establishments: Type.Array(EstablishmentSchema),
  directors: Type.Array(DirectorSchema),
});

export type Address = Static<typeof AddressSchema>;
export type Establishment = Static<typeof EstablishmentSchema>;
export type Director = Static<typeof DirectorSchema>;
export type Enterprise = Static<typeof EnterpriseSchema>;

export interface EnterpriseRegister {
  /** By enterprise number, with or without dots; throws SourceRequestError when its check digits fail. */
  getEnterprise(enterpriseNumber: string): Promise<Lookup<Enterprise>>;
  /** Up to 100 enterprises in one question (unknown numbers absent). Never cached. */
  getEnterprises(enterpriseNumbers: readonly string[]): Promise<Answer<Enterprise[]>>;
}

const EnterprisesBatchSchema = Type.Object({ enterprises: Type.Array(EnterpriseSchema) });

export function createEnterpriseRegisterClient(http: SourceHttpClient): EnterpriseRegister {
  return {
    getEnterprise(enterpriseNumber) {
      const digits = requireEnterpriseNumber('kbo', enterpriseNumber);
      return http.lookup(`/kbo/enterprises/${digits}`, EnterpriseSchema);
    },
    async getEnterprises(enterpriseNumbers) {
      checkBatchSize('kbo', enterpriseNumbers.length);
      const list = enterpriseNumbers.map((n) => requireEnterpriseNumber('kbo', n)).join(',');
      const answer = await http.lookup(
        `/kbo/enterprises?number=${list}`,
        EnterprisesBatchSchema,
        NEVER_CACHE,
      );
      return batchAnswer(answer, (v) => v.enterprises);
    },
  };
}
