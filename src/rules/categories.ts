import { checkBlueCardContractLength, checkBlueCardSalary } from './conditions/blue-card.ts';
import { checkCompetentRegion } from './conditions/competent-region.ts';
import type { Condition, WarningCheck } from './conditions/condition.ts';
import {
  checkEmployerEstablishedInBelgium,
  checkEmployerNotAlmostOnlyNonEu,
  checkEmployerNotExcluded,
  checkEmployerNotHub,
  checkNoFalseDocuments,
} from './conditions/employer-grounds.ts';
import {
  checkEmploymentFraction,
  checkSeasonalDuration,
  checkSeasonalSector,
} from './conditions/employment-terms.ts';
import {
  checkBlueCardFunctionLevel,
  checkFunctionMediumSkilled,
  checkHighlySkilledFunction,
  checkLowSkilledFunctionExcluded,
  warnRegulatedProfession,
} from './conditions/function-level.ts';
import { checkHighlySkilledSalary, warnValidityLimitedByAge } from './conditions/highly-skilled.ts';
import { checkEnterpriseNumberValid, checkInszValid } from './conditions/identifiers.ts';
import {
  checkIctConditions,
  checkIctQualification,
  checkIctSalary,
  ictMaxValidityParameter,
} from './conditions/intra-corporate-transfer.ts';
import {
  checkLabourMarketSearchJudged,
  checkOnShortageList,
  checkVacancyPublication,
  checkWorkerAbroad,
} from './conditions/labour-market-test.ts';
import { checkOnMigrationList } from './conditions/migration-list.ts';
import { checkMediumSkilledPayFloor, checkOtherPayFloor } from './conditions/pay-floor.ts';
import { checkMinimumQualification } from './conditions/qualification.ts';
import {
  checkAthleteSalary,
  checkCultRecognised,
  checkExecutiveSalary,
  checkHostingAgreement,
  checkMinisterIntegrationTest,
  checkMinisterShortageDemonstrated,
  checkPerformingArtistSalary,
} from './conditions/special-categories.ts';
import { checkWorkAuthorisationRequired } from './conditions/work-authorisation.ts';
import type { Category } from './contract.ts';
import type { ParameterName } from './parameters/parameter-definitions.ts';
import type { Application } from './schema/application-schema.ts';

/**
 * Each category is the list of conditions that apply to it, in the order their reasons are
 * reported, plus what decides its procedure. Adding a category that is not in this table does not
 * compile (`satisfies Record<Category, …>`).
 */
export interface CategoryDefinition {
  readonly conditions: readonly Condition[];
  readonly warnings: readonly WarningCheck[];
  /** The category exists only while this parameter has a value; before, assessing it is an error. */
  readonly inForceParameter?: ParameterName;
  readonly labourMarketTest: boolean;
  readonly deadlineParameter: ParameterName;
  readonly fastLaneParameter?: ParameterName;
  /** Null where the law gives no maximum validity we trust. */
  readonly maxValidityParameter: (app: Application) => ParameterName | null;
  /** Au pairs get a work card whatever the duration (reference.md §1.9). */
  readonly isAlwaysWorkCard?: boolean;
}

const IDENTIFICATION: readonly Condition[] = [
  checkWorkAuthorisationRequired,
  checkEnterpriseNumberValid,
  checkInszValid,
  checkCompetentRegion,
];
const EMPLOYER_GROUNDS: readonly Condition[] = [
  checkEmployerNotExcluded,
  checkNoFalseDocuments,
  checkEmployerNotAlmostOnlyNonEu,
  checkEmployerNotHub,
];
// Policy note 002 §2.3 excludes VKS 1–2 functions from the single permit (see function-level.ts).
const lowSkilledExcluded = checkLowSkilledFunctionExcluded({ isLevelRequired: false });

function conditions(...specific: Condition[]): readonly Condition[] {
  return [...IDENTIFICATION, ...specific, ...EMPLOYER_GROUNDS];
}

const none = (): null => null;
const fixed = (name: ParameterName) => (): ParameterName => name;
const standard = {
  warnings: [warnRegulatedProfession],
  labourMarketTest: false,
  deadlineParameter: 'procedure.regionalDeadlineDays.default',
  maxValidityParameter: none,
} as const;

export const CATEGORY_DEFINITIONS = {
  HIGHLY_SKILLED: {
    ...standard,
    conditions: conditions(
      checkMinimumQualification('qualification.minimumVks.highlySkilled', 'BVR 7 Dec 2018, art. 17, 1°'),
      checkHighlySkilledFunction,
      checkHighlySkilledSalary,
      lowSkilledExcluded,
    ),
    warnings: [warnValidityLimitedByAge, warnRegulatedProfession],
    deadlineParameter: 'procedure.regionalDeadlineDays.highlySkilled',
    fastLaneParameter: 'procedure.fastLane.highlySkilled',
    maxValidityParameter: fixed('procedure.maxValidityMonths.highlySkilled'),
  },
  EXECUTIVE: { ...standard, conditions: conditions(checkExecutiveSalary, lowSkilledExcluded) },
  EU_BLUE_CARD: {
    ...standard,
    conditions: conditions(
      checkMinimumQualification('qualification.minimumVks.euBlueCard', 'BVR 7 Dec 2018, art. 20–21/1'),
      checkBlueCardFunctionLevel,
      checkBlueCardSalary,
      checkBlueCardContractLength,
      lowSkilledExcluded,
    ),
    deadlineParameter: 'procedure.regionalDeadlineDays.euBlueCard',
  },
  MEDIUM_SKILLED_SHORTAGE: {
    ...standard,
    conditions: conditions(
      checkEmployerEstablishedInBelgium('BVR 7 Dec 2018, art. 18 §2'),
      checkOnMigrationList,
      checkEmploymentFraction,
      checkMediumSkilledPayFloor,
      lowSkilledExcluded,
    ),
  },
  OTHER_LABOUR_MARKET_TEST: {
    ...standard,
    conditions: conditions(
      checkEmployerEstablishedInBelgium('BVR 7 Dec 2018, art. 18 §1'),
      checkWorkerAbroad('BVR 7 Dec 2018, art. 18 §1'),
      checkOnShortageList,
      checkVacancyPublication,
      checkFunctionMediumSkilled,
      checkOtherPayFloor,
      checkLowSkilledFunctionExcluded({ isLevelRequired: true }),
      checkLabourMarketSearchJudged,
    ),
    labourMarketTest: true,
  },
  SEASONAL_WORKER: {
    ...standard,
    conditions: conditions(
      checkSeasonalSector,
      checkWorkerAbroad('BVR 7 Dec 2018, art. 22–24/1'),
      checkSeasonalDuration,
    ),
    labourMarketTest: true,
    deadlineParameter: 'procedure.regionalDeadlineDays.seasonalWorker',
    maxValidityParameter: fixed('procedure.maxValidityMonths.seasonalWorker'),
  },
  INTRA_CORPORATE_TRANSFEREE: {
    ...standard,
    conditions: conditions(checkIctConditions, checkIctQualification, checkIctSalary, lowSkilledExcluded),
    inForceParameter: 'ict.minimumPriorEmploymentMonths',
    maxValidityParameter: (app) => {
      const role = app.intraCorporateTransfer?.role;
      return role ? ictMaxValidityParameter(role) : null;
    },
  },
  TRAINEE: {
    ...standard,
    conditions: conditions(
      checkMinimumQualification('qualification.minimumVks.trainee', 'BVR 7 Dec 2018, art. 34–36'),
      lowSkilledExcluded,
    ),
    maxValidityParameter: fixed('procedure.maxValidityMonths.trainee'),
  },
  // An au pair is on a work card, never a single permit: the VKS 1–2 exclusion does not reach it.
  AU_PAIR: { ...standard, conditions: conditions(), isAlwaysWorkCard: true },
  PROFESSIONAL_ATHLETE: { ...standard, conditions: conditions(checkAthleteSalary, lowSkilledExcluded) },
  PERFORMING_ARTIST: { ...standard, conditions: conditions(checkPerformingArtistSalary, lowSkilledExcluded) },
  MINISTER_OF_RELIGION: {
    ...standard,
    conditions: conditions(
      checkCultRecognised,
      checkMinisterShortageDemonstrated,
      checkMinisterIntegrationTest,
      lowSkilledExcluded,
    ),
  },
  RESEARCHER: { ...standard, conditions: conditions(checkHostingAgreement, lowSkilledExcluded) },
} as const satisfies Record<Category, CategoryDefinition>;
