import Type, { type Static } from 'typebox';
import { CATEGORIES, SANCTION_GROUNDS } from '../contract.ts';
// Must run before this schema is compiled anywhere (see the file).
import './date-format.ts';

/**
 * The application of the assessment contract as one TypeBox schema: it validates input, gives the
 * TypeScript type and is served as JSON Schema. Only what every application must carry is
 * required; a field that only some categories need is optional here and reported by the engine as
 * MISSING_INFORMATION, so an incomplete application is assessed rather than rejected. Enumerations
 * use `enum` and nullable leaves use a `type` list, so each bad field yields exactly one error.
 * Optional leaves accept null as "not given".
 */

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

function nullable<T>(type: string, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T | null>({ type: [type, 'null'], ...options });
}

function oneOf<const V extends string[]>(values: readonly [...V], description?: string) {
  return Type.Enum<V>(values, description ? { description } : {});
}

function nullableOneOf<const V extends readonly string[]>(values: V) {
  return Type.Unsafe<V[number] | null>({ enum: [...values, null] });
}

const Strict = { additionalProperties: false } as const;

/**
 * A sanction on the employer or a director. Its exclusion runs from `imposedOn` for the months the
 * parameter `exclusion.sanctionMonths` gives its `ground` on that day (policy note 002 §2.1); an
 * `until` alone (an end the sanctions register dated itself) is still read, but is overruled by
 * the computed end when the day and the ground are given (issue 13, item 11).
 */
export const SanctionSchema = Type.Object(
  {
    until: Type.Optional(
      Type.String({ format: 'date', description: 'last day of the exclusion, as the register dated it' }),
    ),
    imposedOn: Type.Optional(Type.String({ format: 'date', description: 'day the sanction was imposed' })),
    ground: Type.Optional(oneOf(SANCTION_GROUNDS, 'legal ground of the sanction')),
    via: oneOf(['EMPLOYER', 'DIRECTOR'] as const),
  },
  Strict,
);

export const PublicationSchema = Type.Object(
  {
    channel: oneOf(['VDAB', 'EURES'] as const),
    from: IsoDate,
    to: IsoDate,
  },
  Strict,
);

const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });

export const ApplicationSchema = Type.Object(
  {
    applicationDate: IsoDate,
    kind: Type.Optional(oneOf(['FIRST', 'RENEWAL'] as const, 'default FIRST')),
    category: oneOf(CATEGORIES),
    employer: Type.Object(
      {
        enterpriseNumber: Type.String({
          minLength: 1,
          maxLength: 20,
          description: 'KBO number, dots optional',
        }),
        establishedInBelgium: Type.Optional(nullable<boolean>('boolean', { description: 'default true' })),
        sanctions: Type.Optional(Type.Array(SanctionSchema, { maxItems: 100 })),
        workforce: Type.Optional(Type.Object({ headcount: Count, nonEuHeadcount: Count }, Strict)),
        permitHistory: Type.Optional(
          Type.Object({ permitsLast24Months: Count, leftWithin6Months: Count }, Strict),
        ),
      },
      Strict,
    ),
    worker: Type.Object(
      {
        birthDate: IsoDate,
        nationality: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
        sex: Type.Optional(nullableOneOf(['M', 'F', 'X'] as const)),
        insz: Type.Optional(nullable<string>('string', { maxLength: 20 })),
        location: Type.Optional(nullableOneOf(['ABROAD', 'BELGIUM'] as const)),
        qualificationVks: Type.Optional(nullable<number>('integer', { minimum: 1, maximum: 8 })),
        profession: Type.Optional(nullableOneOf(['NURSE', 'TEACHER'] as const)),
        documentsFlaggedFalse: Type.Optional(nullable<boolean>('boolean')),
        // Extension: the diploma-recognition file at NARIC, for regulated professions (nurses).
        naricReference: Type.Optional(nullable<string>('string', { maxLength: 40 })),
      },
      Strict,
    ),
    job: Type.Object(
      {
        title: Type.Optional(nullable<string>('string', { maxLength: 300 })),
        iscoCode: Type.Optional(nullable<string>('string', { pattern: '^[0-9]{4}$' })),
        requiredVks: Type.Optional(nullable<number>('integer', { minimum: 1, maximum: 8 })),
        migrationListFunction: Type.Optional(nullable<string>('string', { maxLength: 100 })),
        onVdabShortageList: Type.Optional(nullable<boolean>('boolean')),
        isCareFunction: Type.Optional(nullable<boolean>('boolean')),
        grossAnnualSalary: Type.Optional(nullable<number>('number', { minimum: 0, maximum: 100_000_000 })),
        // The sector's pay scale for this function: gross monthly minimum, full time (joint committee).
        sectorScaleMonthly: Type.Optional(nullable<number>('number', { minimum: 0, maximum: 1_000_000 })),
        employmentFraction: Type.Optional(nullable<number>('number', { exclusiveMinimum: 0, maximum: 1 })),
        startDate: Type.Optional(nullable<string>('string', { format: 'date' })),
        endDate: Type.Optional(
          nullable<string>('string', { format: 'date', description: 'null = open-ended' }),
        ),
        workplacePostalCode: Type.String({ pattern: '^[1-9][0-9]{3}$', description: 'Belgian postal code' }),
        sector: Type.Optional(nullableOneOf(['AGRICULTURE', 'HORTICULTURE', 'HOSPITALITY'] as const)),
      },
      Strict,
    ),
    labourMarketTest: Type.Optional(
      Type.Object(
        {
          publications: Type.Array(PublicationSchema, { maxItems: 200 }),
          // Extension: the VDAB vacancy, so Loket reads its publications from VDAB itself.
          vacancyReference: Type.Optional(nullable<string>('string', { maxLength: 40 })),
        },
        Strict,
      ),
    ),
    intraCorporateTransfer: Type.Optional(
      Type.Object(
        {
          role: Type.Optional(nullableOneOf(['MANAGER', 'SPECIALIST', 'TRAINEE'] as const)),
          sameGroup: Type.Optional(nullable<boolean>('boolean')),
          priorEmploymentMonths: Type.Optional(nullable<number>('number', { minimum: 0, maximum: 1200 })),
        },
        Strict,
      ),
    ),
    researcher: Type.Optional(
      Type.Object({ hostingAgreement: Type.Optional(nullable<boolean>('boolean')) }, Strict),
    ),
    religion: Type.Optional(
      Type.Object(
        {
          cult: Type.Optional(nullable<string>('string', { minLength: 1, maxLength: 100 })),
          shortageDemonstrated: Type.Optional(nullable<boolean>('boolean')),
          // Extension: proof of a passed integration and language test (policy note 002 §2.7).
          integrationTestPassed: Type.Optional(nullable<boolean>('boolean')),
        },
        Strict,
      ),
    ),
    // Extension (not in the contract's example): a trainer without a professional sports contract
    // has half the athlete threshold (reference.md §1.10); absent means a player/referee.
    athlete: Type.Optional(
      Type.Object(
        {
          role: Type.Optional(nullableOneOf(['PLAYER', 'TRAINER', 'REFEREE'] as const)),
          hasProfessionalContract: Type.Optional(nullable<boolean>('boolean')),
        },
        Strict,
      ),
    ),
  },
  { ...Strict, title: 'Application' },
);

export type Application = Static<typeof ApplicationSchema>;
