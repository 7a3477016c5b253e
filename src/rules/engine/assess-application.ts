import { Compile } from 'typebox/compile';
import { isLang, type Lang } from '../../i18n/languages.ts';
import { CATEGORY_DEFINITIONS, type CategoryDefinition } from '../categories.ts';
import type { Condition, Finding, WarningFinding } from '../conditions/condition.ts';
import type { Field } from '../conditions/fields.ts';
import { FIRST_RULES_DATE, type Outcome, REASON_EFFECTS } from '../contract.ts';
import type { RuleData } from '../data/rule-data.ts';
import { ageOn, isIsoDate } from '../dates/iso-date.ts';
import {
  ApplicationInvalidError,
  RuleNotInForceError,
  RulesDateOutOfRangeError,
  RulesOptionError,
} from '../errors.ts';
import type { Catalogue } from '../messages/catalogue.ts';
import { CATALOGUES, FORMATTERS, type Formatter } from '../messages/index.ts';
import type { ParameterUse } from '../parameters/parameter-table.ts';
import { locatePostalCode } from '../regions/postal-code-region.ts';
import { type Application, ApplicationSchema } from '../schema/application-schema.ts';
import type { Assessment, Reason, Warning } from '../schema/assessment-schema.ts';
import { findCrossFieldErrors, validateApplication } from '../schema/validate-application.ts';
import type { AssessmentContext } from './assessment-context.ts';
import { ParameterReader } from './parameter-reader.ts';
import { decideFee, decideProcedure, decideProcedureType } from './procedure-and-fee.ts';

export interface AssessOptions {
  /** Assess as if filed on this date (YYYY-MM-DD): rules, lists, fee and deadlines of that day. */
  at?: string;
  lang?: Lang;
}

const MISSING_INFORMATION_BASIS = 'BVR 7 Dec 2018, art. 40–68 (a complete application)';
const isApplication = Compile(ApplicationSchema);

type AnyTemplate = (facts: unknown, f: Formatter) => string;

function toReason(found: Finding, legalBasis: string, catalogue: Catalogue, f: Formatter): Reason {
  const message = (catalogue.reasons[found.code] as AnyTemplate)(found.facts, f);
  return {
    code: found.code,
    effect: REASON_EFFECTS[found.code],
    legalBasis,
    message,
    facts: found.facts as never,
  };
}

function toWarning(found: WarningFinding, catalogue: Catalogue, f: Formatter): Warning {
  const message = (catalogue.warnings[found.code] as AnyTemplate)(found.facts, f);
  return { code: found.code, message, facts: found.facts as never };
}

/** A worker who needs no authorisation (free movement, Belgian) makes every other rule moot. */
const NOT_REQUIRED_CODE = 'WORK_AUTHORISATION_NOT_REQUIRED';

function decideOutcome(reasons: readonly Reason[]): Outcome {
  if (reasons.some((r) => r.code === NOT_REQUIRED_CODE)) return 'NOT_REQUIRED';
  let outcome: Outcome = 'ELIGIBLE';
  for (const reason of reasons) {
    if (reason.effect === 'INCOMPLETE') return 'INCOMPLETE';
    if (reason.effect === 'REFUSE') outcome = 'INELIGIBLE';
    else if (outcome === 'ELIGIBLE') outcome = 'NEEDS_REVIEW';
  }
  return outcome;
}

const NO_FIELDS: readonly Field[] = [];

function requiredFieldsOf(condition: Condition, ctx: AssessmentContext): readonly Field[] {
  const requires = condition.requires;
  return requires === undefined ? NO_FIELDS : typeof requires === 'function' ? requires(ctx) : requires;
}

export function createContext(
  data: RuleData,
  app: Application,
  rulesAt: string,
  lang: Lang,
): AssessmentContext {
  const startDate = app.job.startDate ?? rulesAt;
  if (startDate < FIRST_RULES_DATE)
    throw new RulesDateOutOfRangeError('job.startDate', startDate, FIRST_RULES_DATE);
  const location = locatePostalCode(app.job.workplacePostalCode);
  if (!location) {
    throw new ApplicationInvalidError([
      {
        keyword: 'pattern',
        instancePath: '/job/workplacePostalCode',
        params: {},
        message: 'not a Belgian postal code',
      },
    ]);
  }
  const used: ParameterUse[] = [];
  return {
    app,
    category: app.category,
    lang,
    isRenewal: app.kind === 'RENEWAL',
    rulesAt,
    startDate,
    ageOnStart: ageOn(app.worker.birthDate, startDate),
    location,
    rules: new ParameterReader(data.parameters.snapshotAt(rulesAt), rulesAt, used),
    thresholds: new ParameterReader(data.parameters.snapshotAt(startDate), startDate, used),
    data,
    used,
    unverifiedData: [],
  };
}

/** Evaluates every condition that can be, collecting all missing fields into one reason. */
function evaluateConditions(
  ctx: AssessmentContext,
  category: CategoryDefinition,
  catalogue: Catalogue,
  f: Formatter,
) {
  const reasons: Reason[] = [];
  let missing: string[] | null = null;
  for (const condition of category.conditions) {
    if (condition.isInForce && !condition.isInForce(ctx)) continue;
    let isComplete = true;
    for (const field of requiredFieldsOf(condition, ctx)) {
      const value = field.read(ctx.app);
      if (value !== undefined && value !== null) continue;
      isComplete = false;
      missing ??= [];
      if (!missing.includes(field.path)) missing.push(field.path);
    }
    if (!isComplete) continue;
    const found = condition.evaluate(ctx);
    if (!found) continue;
    const reason = toReason(found, found.legalBasis ?? condition.legalBasis, catalogue, f);
    // Before any other rule: nothing else is asked of an application that has no object.
    if (found.code === NOT_REQUIRED_CODE) return [reason];
    reasons.push(reason);
  }
  if (missing) {
    const found: Finding = { code: 'MISSING_INFORMATION', facts: { fields: missing } };
    reasons.unshift(toReason(found, MISSING_INFORMATION_BASIS, catalogue, f));
  }
  return reasons;
}

/** The assessment of an application already known to be valid (see `validateApplication`). */
export function assessValidApplication(
  data: RuleData,
  app: Application,
  options: AssessOptions = {},
): Assessment {
  const lang = options.lang ?? 'nl';
  if (!isLang(lang)) throw new RulesOptionError('lang', `lang must be nl, fr or en, not ${String(lang)}`);
  if (options.at !== undefined && !isIsoDate(options.at)) {
    throw new RulesOptionError('at', `at must be a date written YYYY-MM-DD, not ${String(options.at)}`);
  }
  const rulesAt = options.at ?? app.applicationDate;
  if (rulesAt < FIRST_RULES_DATE) {
    throw new RulesDateOutOfRangeError(options.at ? 'at' : 'applicationDate', rulesAt, FIRST_RULES_DATE);
  }
  const ctx = createContext(data, app, rulesAt, lang);
  const category: CategoryDefinition = CATEGORY_DEFINITIONS[app.category];
  if (category.inForceParameter && !ctx.rules.isInForce(category.inForceParameter)) {
    const first = data.parameters.timeline(category.inForceParameter)?.periods[0]?.validFrom;
    throw new RuleNotInForceError(
      `category ${app.category}`,
      rulesAt,
      `the category exists from ${first ?? '(never)'}`,
    );
  }
  const catalogue = CATALOGUES[lang];
  const f = FORMATTERS[lang];
  const reasons = evaluateConditions(ctx, category, catalogue, f);
  const type = decideProcedureType(ctx, category);
  const procedure = decideProcedure(ctx, category, type);
  const isAuthorisationNeeded = !reasons.some((r) => r.code === NOT_REQUIRED_CODE);
  const fee = decideFee(ctx, type, isAuthorisationNeeded);

  const warnings: Warning[] = [];
  for (const check of category.warnings) {
    const found = check.evaluate(ctx);
    if (found) warnings.push(toWarning(found, catalogue, f));
  }
  // Last, so that parameters read by the checks above are included.
  for (const use of ctx.used) {
    if (use.status === 'VERIFIED') continue;
    const facts = {
      parameter: use.name,
      value: use.value,
      validFrom: use.validFrom,
      source: use.source,
      status: use.status,
    };
    warnings.push(toWarning({ code: 'PARAMETER_UNVERIFIED', facts }, catalogue, f));
  }
  for (const facts of ctx.unverifiedData)
    warnings.push(toWarning({ code: 'PARAMETER_UNVERIFIED', facts }, catalogue, f));

  return {
    outcome: decideOutcome(reasons),
    category: app.category,
    rulesAt,
    reasons,
    warnings,
    procedure,
    fee,
    parameters: ctx.used as Assessment['parameters'],
  };
}

/** Validates `input` against the application schema (throwing `ApplicationInvalidError`) and assesses it. */
export function assessWith(data: RuleData, input: unknown, options: AssessOptions = {}): Assessment {
  if (!isApplication.Check(input)) {
    const result = validateApplication(input);
    throw new ApplicationInvalidError(result.ok ? [] : result.errors);
  }
  const crossField = findCrossFieldErrors(input);
  if (crossField.length > 0) throw new ApplicationInvalidError(crossField);
  return assessValidApplication(data, input, options);
}
