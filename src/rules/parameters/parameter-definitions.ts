import Type, { type Static, type TSchema } from 'typebox';

/**
 * Every parameter the engine reads, with its unit and the shape of its value. The YAML file
 * `rules/parameters/<name>.yaml` must exist for each and declare the same unit; the loader checks
 * each value against the schema here, so a typo in a file name or a value fails at start-up.
 */

const amount = Type.Number({ minimum: 0 });
const share = Type.Number({ minimum: 0, maximum: 10 });
const vks = Type.Integer({ minimum: 1, maximum: 8 });
const count = Type.Integer({ minimum: 0 });
const flag = Type.Boolean();
const months = Type.Integer({ minimum: 1, maximum: 120 });
const nullableVks = Type.Union([vks, Type.Null()]);
const countries = Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { uniqueItems: true });

function define<S extends TSchema>(unit: string, schema: S, description: string) {
  return { unit, schema, description };
}

export const PARAMETER_DEFINITIONS = {
  'salary.averageGrossAnnual': define('EUR/year', amount, 'Belgian average gross annual wage, full time'),
  'salary.monthlyDivisor': define('factor', Type.Number({ minimum: 1 }), 'annual ÷ divisor = monthly'),
  'salary.guaranteedMinimumMonthlyIncome': define(
    'EUR/month',
    Type.Union([amount, Type.Null()]),
    'guaranteed average minimum monthly income (GGMMI), full time; null = no sourced amount',
  ),
  'salary.payFloorAppliesToOther': define(
    'boolean',
    flag,
    "the medium-skilled pay floor applies to 'overige' too",
  ),
  'threshold.share.highlySkilled': define('share', share, 'highly skilled, standard'),
  'threshold.share.highlySkilledReduced': define(
    'share',
    share,
    'highly skilled under the age limit or nurse',
  ),
  'threshold.share.highlySkilledTeacher': define('share', share, 'highly skilled teacher'),
  'threshold.reducedAgeLimit': define('years', count, 'reduced threshold below this age on the start date'),
  'threshold.share.executive': define('share', share, 'executive'),
  'threshold.share.euBlueCard': define('share', share, 'EU Blue Card'),
  'threshold.share.ictManager': define('share', share, 'intra-corporate transferee, manager'),
  'threshold.share.ictSpecialist': define('share', share, 'intra-corporate transferee, specialist'),
  'threshold.share.ictTrainee': define('share', share, 'intra-corporate transferee, trainee employee'),
  'threshold.professionalAthlete': define('EUR/year', amount, 'professional athlete (art. 78 indexed)'),
  'threshold.athleteTrainerWithoutContract': define('EUR/year', amount, 'trainer without pro contract'),
  'threshold.performingArtist': define('EUR/year', amount, 'performing artist, exempt from the test above'),
  'qualification.minimumVks.highlySkilled': define('VKS', vks, 'worker qualification, highly skilled'),
  'qualification.minimumVks.euBlueCard': define('VKS', vks, 'worker qualification, EU Blue Card'),
  'qualification.minimumVks.ictManager': define('VKS', vks, 'worker qualification, ICT manager'),
  'qualification.minimumVks.ictSpecialist': define('VKS', vks, 'worker qualification, ICT specialist'),
  'qualification.minimumVks.ictTrainee': define('VKS', vks, 'worker qualification, ICT trainee'),
  'qualification.minimumVks.trainee': define('VKS', vks, 'worker qualification, trainee'),
  'function.highlySkilledMinimumRequiredVks': define('VKS', nullableVks, 'level the function must require'),
  'function.lowSkilledExcludedMaximumVks': define('VKS', nullableVks, 'functions at or below are excluded'),
  'function.euBlueCardMinimumRequiredVks': define(
    'VKS',
    nullableVks,
    'level an EU Blue Card function must require',
  ),
  'function.otherMaximumRequiredVks': define('VKS', nullableVks, "highest level of an 'overige' function"),
  'contract.euBlueCardMinimumMonths': define('months', count, 'EU Blue Card minimum contract'),
  'employment.mediumSkilledMinimumFraction': define('share', share, 'medium-skilled minimum employment'),
  'labourMarketTest.shortageListRequired': define('boolean', flag, 'function must be on the VDAB list'),
  'labourMarketTest.searchJudgedByCaseHandler': define(
    'boolean',
    flag,
    "the employer's search is judged by a case handler: publication alone is not enough",
  ),
  'labourMarketTest.vacancyPublication': define(
    'rule',
    Type.Object(
      {
        channels: Type.Array(Type.Enum(['VDAB', 'EURES']), { minItems: 1 }),
        minimumDaysPerChannel: Type.Integer({ minimum: 1 }),
        windowDays: Type.Optional(Type.Integer({ minimum: 1 })),
        windowMonths: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      { additionalProperties: false },
    ),
    'vacancy publication needed before the application',
  ),
  'seasonal.maximumDays': define('days', count, 'seasonal employment, maximum days'),
  'seasonal.referencePeriodDays': define('days', count, 'seasonal employment, reference period'),
  'ict.minimumPriorEmploymentMonths': define('months', count, 'ICT prior employment in the group'),
  'appeal.lodgingPeriodMonths': define(
    'months',
    Type.Integer({ minimum: 1, maximum: 12 }),
    'appeal to the minister: months from the notification of the refusal or withdrawal',
  ),
  'procedure.workCardMaximumDays': define('days', count, 'work card instead of single permit up to'),
  'procedure.fastLane.highlySkilled': define('boolean', flag, 'highly skilled fast lane in operation'),
  'procedure.regionalDeadlineDays.highlySkilled': define('days', count, 'decision deadline, highly skilled'),
  'procedure.regionalDeadlineDays.euBlueCard': define('days', count, 'decision deadline, EU Blue Card'),
  'procedure.regionalDeadlineDays.seasonalWorker': define('days', count, 'decision deadline, seasonal'),
  'procedure.regionalDeadlineDays.default': define('days', count, 'decision deadline, other categories'),
  'procedure.maxValidityMonths.highlySkilled': define('months', count, 'maximum validity, highly skilled'),
  'procedure.maxValidityMonths.seasonalWorker': define('months', count, 'maximum validity, seasonal'),
  'procedure.maxValidityMonths.trainee': define('months', count, 'maximum validity, trainee'),
  'procedure.maxValidityMonths.ictManager': define('months', count, 'maximum validity, ICT manager'),
  'procedure.maxValidityMonths.ictSpecialist': define('months', count, 'maximum validity, ICT specialist'),
  'procedure.maxValidityMonths.ictTrainee': define('months', count, 'maximum validity, ICT trainee'),
  'refusal.falseDocuments': define('boolean', flag, 'refusal ground: false documents'),
  'refusal.employerActsAsHub': define('boolean', flag, 'refusal ground: employer acting as a hub'),
  'refusal.employerAlmostOnlyNonEu': define('boolean', flag, 'refusal ground: almost only non-EU staff'),
  'refusal.directorSanctions': define('boolean', flag, "a director's sanction excludes the employer"),
  'exclusion.sanctionMonths': define(
    'months',
    // One entry per ground of `SANCTION_GROUNDS` (contract.ts), all required.
    Type.Object(
      {
        ILLEGAL_EMPLOYMENT: months,
        SOCIAL_PENAL_CODE: months,
        SOCIAL_INSPECTION_DECREE: months,
        ECONOMIC_MIGRATION_DECREE: months,
      },
      { additionalProperties: false },
    ),
    'months of exclusion from the day a sanction was imposed, per ground (read on that day)',
  ),
  'policy.almostOnlyNonEu.minimumShare': define('share', share, 'non-EU share at or above which to review'),
  'policy.almostOnlyNonEu.minimumHeadcount': define('persons', count, 'only from this headcount'),
  'policy.hub.minimumShare': define('share', share, 'share left within 6 months at or above which'),
  'policy.hub.minimumPermits': define('permits', count, 'only from this number of permits in 24 months'),
  'religion.recognisedCults': define('list', Type.Array(Type.String({ pattern: '^[A-Z_]+$' })), 'cults'),
  'fee.singlePermit': define('EUR', amount, 'retributie per single-permit application'),
  'religion.shortageProofRequired': define(
    'boolean',
    flag,
    'ministers: a shortage of ministers must be shown',
  ),
  'religion.integrationTestRequired': define('boolean', flag, 'ministers: integration and language test'),
  'profession.regulatedCareIscoCodes': define(
    'list',
    Type.Array(Type.String({ pattern: '^[0-9]{4}$' }), { uniqueItems: true }),
    'ISCO unit groups of regulated care professions (recognition and visa needed to practise)',
  ),
  'function.nurseExceptionNaricRequired': define(
    'boolean',
    flag,
    "the nurse exception needs the diploma's NARIC file reference",
  ),
  'worker.freeMovementNationalities': define(
    'nationalities',
    Type.Object(
      {
        EU: countries,
        EEA: countries,
        SWITZERLAND: countries,
        /** The United Kingdom between its withdrawal and the end of the transition period. */
        UK_TRANSITION: Type.Optional(countries),
      },
      { additionalProperties: false },
    ),
    'nationals who need no work authorisation (free movement of workers), by legal ground',
  ),
} as const;

export type ParameterName = keyof typeof PARAMETER_DEFINITIONS;
export type ParameterValue<N extends ParameterName> = Static<(typeof PARAMETER_DEFINITIONS)[N]['schema']>;
export const PARAMETER_NAMES = Object.keys(PARAMETER_DEFINITIONS) as ParameterName[];

export function isParameterName(name: string): name is ParameterName {
  return Object.hasOwn(PARAMETER_DEFINITIONS, name);
}
