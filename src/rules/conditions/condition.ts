import type { ReasonCode, WarningCode } from '../contract.ts';
import type { AssessmentContext } from '../engine/assessment-context.ts';
import type { ReasonFacts, WarningFacts } from '../facts.ts';
import type { Field } from './fields.ts';

/** What a condition found: a reason code and the facts that decided it. */
export interface Finding<C extends ReasonCode = ReasonCode> {
  readonly code: C;
  readonly facts: ReasonFacts[C];
  /** A narrower basis than the condition's, when one condition rests on several texts. */
  readonly legalBasis?: string;
}

/**
 * One legal condition. The engine skips it when it is not in force on the rules date, reports
 * MISSING_INFORMATION (and skips it) when a field it needs is absent, and otherwise calls
 * `evaluate`, which returns a finding or null when the condition is met.
 */
export interface Condition {
  /** Verb-noun name, also used in tests and docs. */
  readonly name: string;
  /** The article the reason cites; every reason carries its condition's basis. */
  readonly legalBasis: string;
  /**
   * Every reason code `evaluate` can return, declared so a case handler can pick a category's
   * refusal grounds without an assessment having found them (refusal-grounds.ts).
   */
  readonly reasonCodes: readonly ReasonCode[];
  readonly requires?: readonly Field[] | ((ctx: AssessmentContext) => readonly Field[]);
  readonly isInForce?: (ctx: AssessmentContext) => boolean;
  readonly evaluate: (ctx: AssessmentContext) => Finding | null;
  /**
   * A salary condition's threshold (gross per year, on the job's start date), for those who compare
   * it with the wages paid later (the market-conformity evaluation, src/enforcement/wage-conformity.ts).
   */
  readonly salaryThreshold?: (ctx: AssessmentContext) => { readonly threshold: number };
}

export interface WarningFinding<C extends WarningCode = WarningCode> {
  readonly code: C;
  readonly facts: WarningFacts[C];
}

/** A check that informs without changing the outcome. */
export interface WarningCheck {
  readonly name: string;
  readonly evaluate: (ctx: AssessmentContext) => WarningFinding | null;
}

export function finding<C extends ReasonCode>(code: C, facts: ReasonFacts[C]): Finding<C> {
  return { code, facts };
}
