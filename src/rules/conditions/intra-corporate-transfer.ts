import type { AssessmentContext } from '../engine/assessment-context.ts';
import type { ParameterName } from '../parameters/parameter-definitions.ts';
import { type Condition, finding } from './condition.ts';
import { FIELDS } from './fields.ts';
import { checkSalaryThreshold, shareOfAverageWage } from './salary-threshold.ts';

/** Intra-corporate transferees (art. 25–28 BVR; directive 2014/66/EU), from 16 Dec 2021. */

const LEGAL_BASIS = 'BVR 7 Dec 2018, art. 25–28';

type Role = 'MANAGER' | 'SPECIALIST' | 'TRAINEE';

const BY_ROLE = {
  MANAGER: { share: 'threshold.share.ictManager', minimumVks: 'qualification.minimumVks.ictManager' },
  SPECIALIST: {
    share: 'threshold.share.ictSpecialist',
    minimumVks: 'qualification.minimumVks.ictSpecialist',
  },
  TRAINEE: { share: 'threshold.share.ictTrainee', minimumVks: 'qualification.minimumVks.ictTrainee' },
} as const satisfies Record<Role, { share: ParameterName; minimumVks: ParameterName }>;

function roleOf(ctx: AssessmentContext): Role {
  return ctx.app.intraCorporateTransfer!.role!;
}

/** Same group as the sending company, and at least 3 months' uninterrupted prior employment there. */
export const checkIctConditions: Condition = {
  name: 'checkIctConditions',
  legalBasis: LEGAL_BASIS,
  reasonCodes: ['ICT_CONDITIONS_NOT_MET'],
  requires: [FIELDS.ictSameGroup, FIELDS.ictPriorEmployment],
  evaluate(ctx) {
    const transfer = ctx.app.intraCorporateTransfer!;
    const sameGroup = transfer.sameGroup!;
    const priorEmploymentMonths = transfer.priorEmploymentMonths!;
    const minimumPriorEmploymentMonths = ctx.rules.get('ict.minimumPriorEmploymentMonths');
    const failed: Array<'SAME_GROUP' | 'PRIOR_EMPLOYMENT'> = [];
    if (!sameGroup) failed.push('SAME_GROUP');
    if (priorEmploymentMonths < minimumPriorEmploymentMonths) failed.push('PRIOR_EMPLOYMENT');
    if (failed.length === 0) return null;
    return finding('ICT_CONDITIONS_NOT_MET', {
      sameGroup,
      priorEmploymentMonths,
      minimumPriorEmploymentMonths,
      failed,
    });
  },
};

/** Manager and specialist VKS ≥ 5, trainee employee VKS ≥ 6. */
export const checkIctQualification: Condition = {
  name: 'checkIctQualification',
  legalBasis: LEGAL_BASIS,
  reasonCodes: ['QUALIFICATION_TOO_LOW'],
  requires: [FIELDS.ictRole, FIELDS.qualificationVks],
  evaluate(ctx) {
    const role = roleOf(ctx);
    const qualificationVks = ctx.app.worker.qualificationVks!;
    const minimumVks = ctx.rules.get(BY_ROLE[role].minimumVks);
    return qualificationVks >= minimumVks
      ? null
      : finding('QUALIFICATION_TOO_LOW', { qualificationVks, minimumVks, role });
  },
};

/** Pay presumed comparable at 160 % (manager), 100 % (specialist) or 100 % (trainee) of the average. */
export const checkIctSalary = checkSalaryThreshold(
  'checkIctSalary',
  LEGAL_BASIS,
  (ctx) => shareOfAverageWage(ctx, BY_ROLE[roleOf(ctx)].share),
  [FIELDS.ictRole],
);

export function ictMaxValidityParameter(role: Role): ParameterName {
  return role === 'MANAGER'
    ? 'procedure.maxValidityMonths.ictManager'
    : role === 'SPECIALIST'
      ? 'procedure.maxValidityMonths.ictSpecialist'
      : 'procedure.maxValidityMonths.ictTrainee';
}
