import { type Condition, finding } from './condition.ts';
import { FIELDS } from './fields.ts';

/**
 * From 1 Jan 2026 the function itself must be highly skilled (require VKS ≥ 5); a nurse awaiting
 * recognition of a foreign diploma may take another care function (reference.md §1.1).
 */
export const checkHighlySkilledFunction: Condition = {
  name: 'checkHighlySkilledFunction',
  legalBasis: 'BVR 7 Dec 2018, art. 17, 1°, as amended with effect from 1 Jan 2026',
  reasonCodes: ['FUNCTION_NOT_HIGHLY_SKILLED'],
  isInForce: (ctx) => typeof ctx.rules.peek('function.highlySkilledMinimumRequiredVks') === 'number',
  requires: [FIELDS.requiredVks],
  evaluate(ctx) {
    const requiredVks = ctx.app.job.requiredVks!;
    const minimumVks = ctx.rules.get('function.highlySkilledMinimumRequiredVks')!;
    if (requiredVks >= minimumVks) return null;
    if (ctx.app.worker.profession === 'NURSE' && ctx.app.job.isCareFunction === true) return null;
    return finding('FUNCTION_NOT_HIGHLY_SKILLED', { requiredVks, minimumVks });
  },
};

/**
 * From 1 Jan 2026 functions at VKS ≤ 2 are excluded in every category but seasonal work. Only the
 * labour-market-test category must state the level for this check; elsewhere it is checked when
 * given (the highly-skilled function check asks for it on its own).
 */
export function checkLowSkilledFunctionExcluded(options: { isLevelRequired: boolean }): Condition {
  return {
    name: 'checkLowSkilledFunctionExcluded',
    legalBasis:
      'BVR 7 Dec 2018, as amended with effect from 1 Jan 2026 (VKS 1–2 functions excluded, seasonal work excepted)',
    reasonCodes: ['LOW_SKILLED_FUNCTION_EXCLUDED'],
    isInForce: (ctx) => typeof ctx.rules.peek('function.lowSkilledExcludedMaximumVks') === 'number',
    requires: options.isLevelRequired ? [FIELDS.requiredVks] : [],
    evaluate(ctx) {
      const requiredVks = ctx.app.job.requiredVks;
      if (requiredVks === undefined || requiredVks === null) return null;
      const maximumExcludedVks = ctx.rules.get('function.lowSkilledExcludedMaximumVks')!;
      if (requiredVks > maximumExcludedVks) return null;
      return finding('LOW_SKILLED_FUNCTION_EXCLUDED', { requiredVks, maximumExcludedVks });
    },
  };
}
