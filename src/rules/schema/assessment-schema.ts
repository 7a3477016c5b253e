import Type, { type Static } from 'typebox';
import {
  CATEGORIES,
  COMPETENT_AUTHORITIES,
  EFFECTS,
  FEE_EXEMPTIONS,
  OUTCOMES,
  PROCEDURE_TYPES,
  PROVINCES,
  REASON_CODES,
  REGIONS,
  TRACKS,
  WARNING_CODES,
} from '../contract.ts';
import { PARAMETER_STATUSES } from '../parameters/parameter-status.ts';

/** The assessment (output) of the contract, as a schema for the HTTP layer's OpenAPI document. */

const Facts = Type.Record(Type.String(), Type.Unknown());
const nullableEnum = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T | null>({ enum: [...values, null] });

export const ReasonSchema = Type.Object({
  code: Type.Enum(REASON_CODES),
  effect: Type.Enum(EFFECTS),
  legalBasis: Type.String(),
  message: Type.String(),
  facts: Facts,
});

export const WarningSchema = Type.Object({
  code: Type.Enum(WARNING_CODES),
  message: Type.String(),
  facts: Facts,
});

export const AssessmentSchema = Type.Object(
  {
    outcome: Type.Enum(OUTCOMES),
    category: Type.Enum(CATEGORIES),
    rulesAt: Type.String({ format: 'date' }),
    reasons: Type.Array(ReasonSchema),
    warnings: Type.Array(WarningSchema),
    procedure: Type.Object({
      type: Type.Enum(PROCEDURE_TYPES),
      track: Type.Enum(TRACKS),
      regionalDeadlineDays: Type.Integer(),
      labourMarketTest: Type.Boolean(),
      maxValidityMonths: Type.Unsafe<number | null>({ type: ['integer', 'null'] }),
      region: Type.Enum(REGIONS),
      province: nullableEnum(PROVINCES),
      competentAuthority: Type.Enum(COMPETENT_AUTHORITIES),
    }),
    fee: Type.Object({
      amountDue: Type.Number(),
      currency: Type.Literal('EUR'),
      payer: Type.Literal('EMPLOYER'),
      exemption: nullableEnum(FEE_EXEMPTIONS),
    }),
    parameters: Type.Array(
      Type.Object({
        name: Type.String(),
        value: Type.Unknown(),
        validFrom: Type.String({ format: 'date' }),
        source: Type.String(),
        verified: Type.Boolean(),
        status: Type.Enum(PARAMETER_STATUSES),
      }),
    ),
  },
  { title: 'Assessment' },
);

export type Assessment = Static<typeof AssessmentSchema>;
export type Reason = Static<typeof ReasonSchema>;
export type Warning = Static<typeof WarningSchema>;
