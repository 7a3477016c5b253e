import type { CategoryDefinition } from '../categories.ts';
import type {
  CompetentAuthority,
  FeeExemption,
  ProcedureType,
  Province,
  Region,
  Track,
} from '../contract.ts';
import type { AssessmentContext } from './assessment-context.ts';
import { isWorkCardDuration } from './work-card-duration.ts';

export interface Procedure {
  type: ProcedureType;
  track: Track;
  regionalDeadlineDays: number;
  labourMarketTest: boolean;
  maxValidityMonths: number | null;
  region: Region;
  province: Province | null;
  /** Who decides on the work authorisation for this workplace (extension of the contract). */
  competentAuthority: CompetentAuthority;
}

export interface Fee {
  amountDue: number;
  currency: 'EUR';
  payer: 'EMPLOYER';
  exemption: FeeExemption | null;
}

/**
 * Employment of at most 90 days (both ends included) gets a work card rather than a single
 * permit; so do au pairs whatever the duration. An open-ended contract is a single permit.
 */
export function decideProcedureType(ctx: AssessmentContext, category: CategoryDefinition): ProcedureType {
  if (category.isAlwaysWorkCard) return 'WORK_CARD';
  return isWorkCardDuration(ctx) ? 'WORK_CARD' : 'SINGLE_PERMIT';
}

export function decideProcedure(
  ctx: AssessmentContext,
  category: CategoryDefinition,
  type: ProcedureType,
): Procedure {
  // Flanders' fast lane is Flanders' own processing: none where another authority decides (§2.2, §2.5).
  const isCompetent = ctx.location.authority === 'FLANDERS';
  const isFastLane =
    isCompetent &&
    category.fastLaneParameter !== undefined &&
    ctx.rules.get(category.fastLaneParameter) === true;
  const maxValidityParameter = category.maxValidityParameter(ctx.app);
  return {
    type,
    track: isFastLane ? 'FAST_LANE' : 'STANDARD',
    regionalDeadlineDays: ctx.rules.get(category.deadlineParameter) as number,
    labourMarketTest: category.labourMarketTest,
    maxValidityMonths: maxValidityParameter ? (ctx.rules.get(maxValidityParameter) as number) : null,
    region: ctx.location.region,
    province: ctx.location.province,
    competentAuthority: ctx.location.authority,
  };
}

/**
 * The retributie is due by the employer for every single-permit application, first or renewal,
 * whatever the outcome; a work card is exempt. So is an application for a worker who needs no
 * authorisation at all (free movement, or a Belgian): there is nothing to apply, nor to pay, for.
 * Nor is it due for a workplace outside Flanders: "de retributie … dekt de administratieve
 * verwerking en controle van het gewest" (policy note 002 §2.5), and another authority processes it.
 * While the amount in force is 0 (before 2026) there is nothing to exempt, and the amount is not
 * reported as a parameter used.
 */
export function decideFee(ctx: AssessmentContext, type: ProcedureType, isAuthorisationNeeded = true): Fee {
  const amount = ctx.rules.peek('fee.singlePermit');
  // No value at all is a data error, said out loud (get throws); 0 is "no retributie yet".
  if (amount === undefined) ctx.rules.get('fee.singlePermit');
  if (!amount) return { amountDue: 0, currency: 'EUR', payer: 'EMPLOYER', exemption: null };
  if (!isAuthorisationNeeded)
    return { amountDue: 0, currency: 'EUR', payer: 'EMPLOYER', exemption: 'WORK_AUTHORISATION_NOT_REQUIRED' };
  if (ctx.location.authority !== 'FLANDERS')
    return { amountDue: 0, currency: 'EUR', payer: 'EMPLOYER', exemption: 'NOT_COMPETENT_REGION' };
  if (type === 'WORK_CARD')
    return { amountDue: 0, currency: 'EUR', payer: 'EMPLOYER', exemption: 'WORK_CARD' };
  return {
    amountDue: ctx.rules.get('fee.singlePermit'),
    currency: 'EUR',
    payer: 'EMPLOYER',
    exemption: null,
  };
}
