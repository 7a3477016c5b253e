/**
 * The rules module's public face. Everything here is pure except `loadRuleData` (reads the YAML
 * rule data) and the convenience functions that use the default data, loaded once on first use.
 */

import { freeMovementGroupIn } from './conditions/work-authorisation.ts';
import { loadRuleData } from './data/load-rule-data.ts';
import type { RuleData } from './data/rule-data.ts';
import { type AssessOptions, assessWith } from './engine/assess-application.ts';
import type { FreeMovementGroup } from './facts.ts';
import {
  diffVersions,
  findMigrationListVersion,
  type MigrationListDiff,
  type MigrationListVersion,
} from './migration-list/migration-list.ts';
import { ParameterTable } from './parameters/parameter-table.ts';
import { type RefusalGround, refusalGroundsFor } from './refusal-grounds.ts';
import type { Application } from './schema/application-schema.ts';
import type { Assessment } from './schema/assessment-schema.ts';
import { type WithdrawalGround, withdrawalGroundsFor } from './withdrawal-grounds.ts';

let defaultRuleData: RuleData | undefined;

/**
 * The rule data assessments use by default: the files under `rules/` at the repository root, read
 * and checked once, until the service installs the approved versions from its database.
 */
export function getDefaultRuleData(): RuleData {
  defaultRuleData ??= loadRuleData();
  return defaultRuleData;
}

/**
 * Makes `data` the default from now on (src/governance: the approved versions in the database,
 * loaded into the same shape). Assessments already running keep the data they started with.
 */
export function installRuleData(data: RuleData): void {
  defaultRuleData = data;
}

/**
 * Assesses one application under the rules in force on its application date (or `at`). Deterministic:
 * no clock, no I/O beyond the one-time data load. Throws `ApplicationInvalidError` for input that
 * breaks the schema, `RulesDateOutOfRangeError` before 2019, `RuleNotInForceError` where no rule exists.
 */
export function assess(application: unknown, options?: AssessOptions): Assessment {
  return assessWith(getDefaultRuleData(), application, options);
}

function freeMovementListOn(date: string, data: RuleData) {
  const use = data.parameters.resolve('worker.freeMovementNationalities', date);
  return use ? ParameterTable.valueOf<'worker.freeMovementNationalities'>(use) : undefined;
}

/**
 * Why a worker of `nationality` needs no work authorisation on `date` (Belgian, EU, EEA, Swiss, UK
 * during the Brexit transition), or null when one is needed. The same list and dates the
 * assessment's WORK_AUTHORISATION_NOT_REQUIRED uses, so intake and forms say what the rules say.
 */
export function freeMovementGroupOf(
  nationality: string,
  date: string,
  data: RuleData = getDefaultRuleData(),
): FreeMovementGroup | null {
  const list = freeMovementListOn(date, data);
  return list ? freeMovementGroupIn(list, nationality) : null;
}

/** Every nationality that needs no work authorisation on `date` (Belgium included), sorted. */
export function nationalitiesWithoutAuthorisation(
  date: string,
  data: RuleData = getDefaultRuleData(),
): string[] {
  const list = freeMovementListOn(date, data);
  const codes = list ? [...list.EU, ...list.EEA, ...list.SWITZERLAND, ...(list.UK_TRANSITION ?? [])] : [];
  return [...new Set(['BE', ...codes])].sort();
}

/** A migration-list version by id (`v3`) or by date (`2024-01-01`: the version then in force). */
export function listMigrationListVersion(
  idOrDate: string | number,
  data: RuleData = getDefaultRuleData(),
): MigrationListVersion {
  return findMigrationListVersion(data.migrationList, idOrDate);
}

/** Entries added, removed and kept between two versions (ids or dates). */
export function diffMigrationListVersions(
  a: string | number,
  b: string | number,
  data: RuleData = getDefaultRuleData(),
): MigrationListDiff {
  return diffVersions(
    findMigrationListVersion(data.migrationList, a),
    findMigrationListVersion(data.migrationList, b),
  );
}

export { CATEGORY_DEFINITIONS } from './categories.ts';
export * from './contract.ts';
export { DEFAULT_RULES_DIR, loadRuleData } from './data/load-rule-data.ts';
export { buildRuleData, type RuleData } from './data/rule-data.ts';
export { YamlSource } from './data/yaml-source.ts';
export { addDays, isIsoDate } from './dates/iso-date.ts';
export { type AssessOptions, assessValidApplication, assessWith } from './engine/assess-application.ts';
export { salaryThresholdOf } from './engine/salary-threshold-of.ts';
export { stringifyAssessment } from './engine/stringify-assessment.ts';
export * from './errors.ts';
export type { FreeMovementGroup, ReasonFacts, WarningFacts } from './facts.ts';
export {
  checkEnterpriseNumber,
  checkEstablishmentNumber,
  formatEnterpriseNumber,
  isValidEnterpriseNumber,
  isValidEstablishmentNumber,
} from './identifiers/enterprise-number.ts';
export { checkInsz, isValidInsz } from './identifiers/insz.ts';
export type {
  MigrationListDiff,
  MigrationListEntry,
  MigrationListVersion,
} from './migration-list/migration-list.ts';
export { applyReform, parseParameterOverrides } from './parameters/apply-reform.ts';
export {
  isParameterName,
  PARAMETER_DEFINITIONS,
  PARAMETER_NAMES,
  type ParameterName,
} from './parameters/parameter-definitions.ts';
export type { ParameterPeriod, ParameterTimeline } from './parameters/parameter-table.ts';
export {
  isRefusalGroundCode,
  type RefusalGround,
  type RefusalGroundCode,
  refusalGroundsOf,
} from './refusal-grounds.ts';

export {
  WITHDRAWAL_ONLY_GROUND_CODES,
  type WithdrawalGround,
  type WithdrawalGroundCode,
  type WithdrawalOnlyGroundCode,
  withdrawalOnlyGrounds,
} from './withdrawal-grounds.ts';

/** The grounds on which the authorisation granted on an application can be withdrawn on day `on`. */
export function withdrawalGroundsForApplication(application: Application, on: string): WithdrawalGround[] {
  return withdrawalGroundsFor(getDefaultRuleData(), application, on);
}

/** The refusal grounds that apply to one application (in force on its date), with the default data. */
export function refusalGroundsForApplication(application: Application): RefusalGround[] {
  return refusalGroundsFor(getDefaultRuleData(), application);
}
export { parameterLabel } from './messages/parameter-labels.ts';
export { locatePostalCode, type PostalLocation } from './regions/postal-code-region.ts';
export { type Application, ApplicationSchema } from './schema/application-schema.ts';
export { type Assessment, AssessmentSchema, type Reason, type Warning } from './schema/assessment-schema.ts';
export { validateApplication } from './schema/validate-application.ts';
