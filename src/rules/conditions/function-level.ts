import { isWorkCardDuration } from '../engine/work-card-duration.ts';
import { type Condition, finding, type WarningCheck } from './condition.ts';
import { FIELDS } from './fields.ts';

/**
 * From 1 Jan 2026 the function itself must be highly skilled (require VKS ≥ 5); a nurse awaiting
 * recognition of a foreign diploma may take another care function (reference.md §1.1). Whether
 * the function is a care function is then asked, never assumed: unknown is not false.
 */
export const checkHighlySkilledFunction: Condition = {
  name: 'checkHighlySkilledFunction',
  legalBasis: 'BVR 7 Dec 2018, art. 17, 1°, as amended with effect from 1 Jan 2026',
  reasonCodes: ['FUNCTION_NOT_HIGHLY_SKILLED'],
  isInForce: (ctx) => typeof ctx.rules.peek('function.highlySkilledMinimumRequiredVks') === 'number',
  requires(ctx) {
    const requiredVks = ctx.app.job.requiredVks;
    const minimumVks = ctx.rules.peek('function.highlySkilledMinimumRequiredVks');
    const mayBeNurseException =
      ctx.app.worker.profession === 'NURSE' &&
      typeof requiredVks === 'number' &&
      typeof minimumVks === 'number' &&
      requiredVks < minimumVks;
    if (!mayBeNurseException) return [FIELDS.requiredVks];
    // The recognition awaited is shown by its file at NARIC (policy note 002 §2.2, §2.6).
    const isCare = ctx.app.job.isCareFunction === true;
    return isCare && ctx.rules.peek('function.nurseExceptionNaricRequired') === true
      ? [FIELDS.requiredVks, FIELDS.isCareFunction, FIELDS.naricReference]
      : [FIELDS.requiredVks, FIELDS.isCareFunction];
  },
  evaluate(ctx) {
    const requiredVks = ctx.app.job.requiredVks!;
    const minimumVks = ctx.rules.get('function.highlySkilledMinimumRequiredVks')!;
    if (requiredVks >= minimumVks) return null;
    if (ctx.app.worker.profession === 'NURSE' && ctx.app.job.isCareFunction === true) {
      ctx.rules.get('function.nurseExceptionNaricRequired');
      return null;
    }
    return finding('FUNCTION_NOT_HIGHLY_SKILLED', { requiredVks, minimumVks });
  },
};

/**
 * An EU Blue Card is for highly qualified employment: the function itself must be at
 * higher-education level, the service's practice that policy note 002 §2.2 extends to the highly
 * skilled ("in overeenstemming met de huidige werkwijze voor … de Europese blauwe kaart").
 */
export const checkBlueCardFunctionLevel: Condition = {
  name: 'checkBlueCardFunctionLevel',
  legalBasis: 'BVR 7 Dec 2018, art. 20–21/1; directive (EU) 2021/1883, art. 2',
  reasonCodes: ['FUNCTION_NOT_HIGHLY_SKILLED'],
  isInForce: (ctx) => typeof ctx.rules.peek('function.euBlueCardMinimumRequiredVks') === 'number',
  requires: [FIELDS.requiredVks],
  evaluate(ctx) {
    const requiredVks = ctx.app.job.requiredVks!;
    const minimumVks = ctx.rules.get('function.euBlueCardMinimumRequiredVks')!;
    return requiredVks >= minimumVks
      ? null
      : finding('FUNCTION_NOT_HIGHLY_SKILLED', { requiredVks, minimumVks });
  },
};

/**
 * From 1 Jan 2026 "overige" is narrowed to medium-skilled shortage functions (policy note 002
 * §2.3: "de verscherping van categorie 'overige' tot middengeschoolde knelpuntberoepen"): a
 * function above VKS 4 is not "overige" and belongs in a highly skilled category.
 */
export const checkFunctionMediumSkilled: Condition = {
  name: 'checkFunctionMediumSkilled',
  legalBasis: 'BVR 7 Dec 2018, art. 18 §1, as amended with effect from 1 Jan 2026',
  reasonCodes: ['FUNCTION_ABOVE_MEDIUM_SKILLED'],
  isInForce: (ctx) => typeof ctx.rules.peek('function.otherMaximumRequiredVks') === 'number',
  requires: [FIELDS.requiredVks],
  evaluate(ctx) {
    const requiredVks = ctx.app.job.requiredVks!;
    const maximumVks = ctx.rules.get('function.otherMaximumRequiredVks')!;
    return requiredVks <= maximumVks
      ? null
      : finding('FUNCTION_ABOVE_MEDIUM_SKILLED', { requiredVks, maximumVks });
  },
};

/**
 * From 1 Jan 2026 "voor kortgeschoolde (knelpunt)functies kan geen gecombineerde vergunning meer
 * aangevraagd worden, deze functies (VKS 2) worden uitgesloten van categorie 'overige'" (policy
 * note 002 §2.3). So the exclusion is of the single permit, in "overige" and every other category
 * but seasonal work: not of a work card (up to 90 days, and au pairs, who never get a single
 * permit), for which no combined permit is asked. A renewal is not refused on it: no text found
 * says how permits granted before 2026 are treated, while the reforms of 2024 (VDAB list) and 2026
 * (migration list) kept existing permits renewable; the case handler judges it (REVIEW).
 */
export function checkLowSkilledFunctionExcluded(options: { isLevelRequired: boolean }): Condition {
  return {
    name: 'checkLowSkilledFunctionExcluded',
    legalBasis:
      'BVR 7 Dec 2018, art. 18, as amended with effect from 1 Jan 2026 (VKS 1–2 functions excluded from the single permit, seasonal work excepted)',
    reasonCodes: ['LOW_SKILLED_FUNCTION_EXCLUDED', 'LOW_SKILLED_RENEWAL_TO_JUDGE'],
    isInForce: (ctx) => typeof ctx.rules.peek('function.lowSkilledExcludedMaximumVks') === 'number',
    requires: options.isLevelRequired ? [FIELDS.requiredVks] : [],
    evaluate(ctx) {
      const requiredVks = ctx.app.job.requiredVks;
      if (requiredVks === undefined || requiredVks === null) return null;
      const maximumExcludedVks = ctx.rules.get('function.lowSkilledExcludedMaximumVks')!;
      if (requiredVks > maximumExcludedVks) return null;
      if (isWorkCardDuration(ctx)) return null;
      if (ctx.isRenewal) return finding('LOW_SKILLED_RENEWAL_TO_JUDGE', { requiredVks, maximumExcludedVks });
      return finding('LOW_SKILLED_FUNCTION_EXCLUDED', { requiredVks, maximumExcludedVks });
    },
  };
}

/**
 * A nurse, or a function in a regulated care profession, may be granted the authorisation, but
 * the worker practises only after NARIC recognises the diploma and the federal health service
 * grants the visa (policy note 002 §2.6): the employer and the worker are told.
 */
export const warnRegulatedProfession: WarningCheck = {
  name: 'warnRegulatedProfession',
  evaluate(ctx) {
    const profession = ctx.app.worker.profession === 'NURSE' ? 'NURSE' : null;
    const iscoCode = ctx.app.job.iscoCode ?? null;
    const regulated = ctx.rules.peek('profession.regulatedCareIscoCodes') ?? [];
    const isRegulatedFunction = iscoCode !== null && regulated.includes(iscoCode);
    if (profession === null && !isRegulatedFunction) return null;
    if (isRegulatedFunction) ctx.rules.get('profession.regulatedCareIscoCodes');
    return {
      code: 'REGULATED_PROFESSION',
      facts: { profession, iscoCode, naricReference: ctx.app.worker.naricReference ?? null },
    };
  },
};
