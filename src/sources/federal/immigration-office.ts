import Type, { type Static } from 'typebox';
import { CATEGORIES, type Category } from '../../rules/index.ts';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import {
  CountryCode,
  EnterpriseNumber,
  Insz,
  IsoDate,
  oneOf,
  requireEnterpriseNumber,
  requireInsz,
  requireReference,
} from '../schema-parts.ts';
import { SourceRequestError } from '../source-errors.ts';
import type { Answer, Lookup } from '../source-result.ts';

/**
 * The federal immigration office (Dienst Vreemdelingenzaken) in the single-permit procedure
 * (reference.md §5.1): the region tells it a dossier is admissible, so it can examine the
 * residence part; later it decides on residence. The notification is retried after failures, so
 * it carries an idempotency key: the office answers the same receipt for the same key, and a
 * dossier is never notified twice.
 */

export const AdmissibleDossierSchema = Type.Object({
  dossierNumber: Type.String({ minLength: 1, maxLength: 40 }),
  category: oneOf(CATEGORIES),
  enterpriseNumber: EnterpriseNumber,
  worker: Type.Object({
    insz: Type.Optional(Insz),
    birthDate: IsoDate,
    nationality: CountryCode,
  }),
  admissibleOn: IsoDate,
});

/** A granted authorisation to work withdrawn by the region (decision 012): the residence part follows it. */
export const RevocationNoticeSchema = Type.Object({
  dossierNumber: Type.String({ minLength: 1, maxLength: 40 }),
  receiptId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  revokedOn: IsoDate,
  groundCodes: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 30 }),
});
export type RevocationNotice = Static<typeof RevocationNoticeSchema>;

export const ReceiptSchema = Type.Object({
  receiptId: Type.String({ minLength: 1 }),
  receivedAt: Type.String({ description: 'ISO 8601 date-time' }),
});

export const ResidenceDecisionSchema = Type.Union([
  Type.Object({ status: Type.Literal('PENDING') }),
  Type.Object({ status: oneOf(['GRANTED', 'REFUSED'] as const), decidedOn: IsoDate }),
]);

export type AdmissibleDossier = Static<typeof AdmissibleDossierSchema>;
export type Receipt = Static<typeof ReceiptSchema>;
export type ResidenceDecision = Static<typeof ResidenceDecisionSchema>;

export interface AdmissibleDossierNotice {
  dossierNumber: string;
  category: Category;
  enterpriseNumber: string;
  worker: { insz?: string; birthDate: string; nationality: string };
  admissibleOn: string;
  /** Stable per dossier (e.g. the dossier number plus the admissibility action's id). */
  idempotencyKey: string;
}

export interface ImmigrationOffice {
  notifyAdmissibleDossier(notice: AdmissibleDossierNotice): Promise<Answer<Receipt>>;
  notifyRevocation(notice: RevocationNotice & { idempotencyKey: string }): Promise<Answer<Receipt>>;
  /** Not found when the office knows no such receipt. */
  getResidenceDecision(receiptId: string): Promise<Lookup<ResidenceDecision>>;
}

export function createImmigrationOfficeClient(http: SourceHttpClient): ImmigrationOffice {
  return {
    notifyAdmissibleDossier(notice) {
      if (!/^[\x21-\x7e]{1,100}$/.test(notice.idempotencyKey)) {
        throw new SourceRequestError('federal', 'the idempotency key must be 1–100 visible ASCII characters');
      }
      const { insz, birthDate, nationality } = notice.worker;
      const body: AdmissibleDossier = {
        dossierNumber: notice.dossierNumber,
        category: notice.category,
        enterpriseNumber: requireEnterpriseNumber('federal', notice.enterpriseNumber),
        worker: { ...(insz ? { insz: requireInsz('federal', insz) } : {}), birthDate, nationality },
        admissibleOn: notice.admissibleOn,
      };
      return http.post('/federal/dossiers', body, ReceiptSchema, {
        'idempotency-key': notice.idempotencyKey,
      });
    },
    notifyRevocation({ idempotencyKey, ...notice }) {
      if (!/^[\x21-\x7e]{1,100}$/.test(idempotencyKey)) {
        throw new SourceRequestError('federal', 'the idempotency key must be 1–100 visible ASCII characters');
      }
      return http.post('/federal/revocations', notice, ReceiptSchema, { 'idempotency-key': idempotencyKey });
    },
    getResidenceDecision(receiptId) {
      // A pending decision changes by itself: only a final one may be cached.
      return http.lookup(
        `/federal/receipts/${requireReference('federal', receiptId)}/decision`,
        ResidenceDecisionSchema,
        {
          cacheWhen: (decision) => decision.status !== 'PENDING',
        },
      );
    },
  };
}
