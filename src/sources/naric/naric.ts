import Type, { type Static } from 'typebox';
import type { SourceHttpClient } from '../http/source-http-client.ts';
import { CountryCode, Insz, IsoDate, NullableIsoDate, oneOf, requireReference } from '../schema-parts.ts';
import type { Lookup } from '../source-result.ts';

/**
 * NARIC-Vlaanderen, recognition of foreign diplomas (Codex Hoger Onderwijs; reference.md §8.3): the
 * level it decides, on the VKS scale (decree of 30 April 2009), is the worker's qualification
 * level for the categories that need one (highly skilled ≥ 5, medium-skilled 3–4).
 */

export const RecognitionSchema = Type.Object({
  reference: Type.String(),
  insz: Type.Union([Insz, Type.Null()]),
  kind: oneOf(['LEVEL', 'SPECIFIC'] as const),
  qualificationTitle: Type.String(),
  issuingCountry: CountryCode,
  submittedOn: IsoDate,
  status: oneOf(['RECEIVED', 'IN_TREATMENT', 'DECIDED'] as const),
  decision: Type.Union([oneOf(['EQUIVALENT', 'REFUSED'] as const), Type.Null()]),
  /** VKS level 1–8 when decided equivalent; null otherwise. */
  levelDecided: Type.Union([Type.Integer({ minimum: 1, maximum: 8 }), Type.Null()]),
  decidedOn: NullableIsoDate,
});

export type Recognition = Static<typeof RecognitionSchema>;

export interface RecognitionRegister {
  /** By NARIC file reference; not found when NARIC has no such file. */
  getRecognition(reference: string): Promise<Lookup<Recognition>>;
}

export function createRecognitionRegisterClient(http: SourceHttpClient): RecognitionRegister {
  return {
    getRecognition(reference) {
      return http.lookup(`/naric/recognitions/${requireReference('naric', reference)}`, RecognitionSchema);
    },
  };
}
