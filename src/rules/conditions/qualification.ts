import type { ParameterName } from '../parameters/parameter-definitions.ts';
import { type Condition, finding } from './condition.ts';
import { FIELDS } from './fields.ts';

/** The worker's highest attained VKS level must reach the category minimum (a dated parameter). */
export function checkMinimumQualification(
  minimumParameter: ParameterName & `qualification.minimumVks.${string}`,
  legalBasis: string,
): Condition {
  return {
    name: 'checkMinimumQualification',
    legalBasis,
    reasonCodes: ['QUALIFICATION_TOO_LOW'],
    requires: [FIELDS.qualificationVks],
    evaluate(ctx) {
      const qualificationVks = ctx.app.worker.qualificationVks!;
      const minimumVks = ctx.rules.get(minimumParameter);
      return qualificationVks >= minimumVks
        ? null
        : finding('QUALIFICATION_TOO_LOW', { qualificationVks, minimumVks });
    },
  };
}
