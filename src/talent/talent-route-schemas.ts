import Type from 'typebox';
import {
  CEFR_LEVELS,
  CIRCLES,
  type Circle,
  CONSENT_PURPOSES,
  type LanguageSkill,
  POOLS,
  type Pool,
  RECOGNITION,
  type Recognition,
  TALENT_LANGUAGES,
  WORK_ACCESS,
  type WorkAccess,
} from './talent-model.ts';

/** The talent routes' shared schemas and input types (vacancy.routes.ts, candidate.routes.ts). */
export const STAFF = ['CASE_HANDLER', 'SUPERVISOR'] as const;
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const Strict = { additionalProperties: false } as const;
export const IsoDate = Type.String({ format: 'date' });
export const PostalCode = Type.String({ pattern: '^[1-9][0-9]{3}$', description: 'Belgian postal code' });
export const EscoId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9-]+$' });
export const Languages = Type.Array(
  Type.Object({ lang: Type.Enum([...TALENT_LANGUAGES]), level: Type.Enum([...CEFR_LEVELS]) }, Strict),
  { maxItems: 8 },
);
export const Vks = Type.Integer({
  minimum: 1,
  maximum: 8,
  description: 'VKS level (Flemish qualification structure)',
});
/** How many matches a ranking shows: enough for a case worker's screen. */
export const RANKING_LIMIT = 50;

export const NewVacancyBody = Type.Object(
  {
    occupationId: EscoId,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    postalCode: PostalCode,
    requiredVks: Vks,
    languages: Languages,
    startDate: IsoDate,
    positions: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    grossAnnualSalary: Type.Optional(
      Type.Union([Type.Number({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
    ),
    onVdabShortageList: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    enterpriseNumber: Type.Optional(
      Type.String({
        pattern: '^[01][0-9]{9}$',
        description: 'Only when the service records it for an employer',
      }),
    ),
  },
  Strict,
);

export const NewCandidateBody = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._/-]+$' }),
    pool: Type.Enum([...POOLS]),
    occupationIds: Type.Array(EscoId, { minItems: 1, maxItems: 5, uniqueItems: true }),
    educationVks: Vks,
    languages: Languages,
    circle: Type.Enum([...CIRCLES]),
    postalCode: Type.Optional(Type.Union([PostalCode, Type.Null()])),
    nationality: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    workAccess: Type.Enum([...WORK_ACCESS]),
    availableFrom: IsoDate,
    recognition: Type.Optional(Type.Enum([...RECOGNITION])),
    naricReference: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()])),
    consent: Type.Object(
      {
        purpose: Type.Enum([...CONSENT_PURPOSES]),
        givenOn: IsoDate,
        showToEmployers: Type.Boolean(),
        retentionUntil: IsoDate,
      },
      Strict,
    ),
  },
  Strict,
);

export type NewVacancyInput = {
  occupationId: string;
  title?: string;
  postalCode: string;
  requiredVks: number;
  languages: LanguageSkill[];
  startDate: string;
  positions?: number;
  grossAnnualSalary?: number | null;
  onVdabShortageList?: boolean | null;
  enterpriseNumber?: string;
};

export type NewCandidateInput = {
  reference: string;
  pool: Pool;
  occupationIds: string[];
  educationVks: number;
  languages: LanguageSkill[];
  circle: Circle;
  postalCode?: string | null;
  nationality: string;
  workAccess: WorkAccess;
  availableFrom: string;
  recognition?: Recognition;
  naricReference?: string | null;
  consent: {
    purpose: 'SHORTAGE_MATCHING';
    givenOn: string;
    showToEmployers: boolean;
    retentionUntil: string;
  };
};
