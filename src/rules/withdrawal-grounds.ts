import type { RuleData } from './data/rule-data.ts';
import { type RefusalGroundCode, refusalGroundsFor } from './refusal-grounds.ts';
import type { Application } from './schema/application-schema.ts';

/**
 * The legal grounds on which a granted authorisation to work can be withdrawn ("intrekking"), pure.
 *
 * - Every refusal ground of the dossier's category in force on the day of the proposal: a condition
 *   of the grant no longer met (a salary lowered below the threshold, a sanction since), and the
 *   2026 grounds, which policy note 002 §2.1 makes refusal *and* withdrawal grounds ("De toelating
 *   tot arbeid zal hierdoor eveneens geweigerd en ingetrokken kunnen worden om volgende redenen":
 *   hub employer, almost only non-EU staff, false or unlawfully obtained documents) together with
 *   the exclusion extended to directors.
 * - The withdrawal grounds the 2018 decree names beside them (reference.md §5.2): mandatory (sham
 *   employer, employment against public order or the law, employer obligations including pay and
 *   working conditions not met, special conditions of the authorisation not met) and optional
 *   (insolvency of the employer or its directors). Fraud and falsified statements are the refusal
 *   ground FALSE_DOCUMENTS, a ground since 2019; sanctions are EMPLOYER_EXCLUDED.
 *
 * Withdrawal is for facts known after the grant or hidden from it, so grounds take the rules in force
 * on the day the withdrawal is proposed, not those of the application date.
 */

const DECREE_GROUNDS = 'BVR 7 Dec 2018, art. 12–14';

/** Grounds of withdrawal that are not refusal grounds the rules evaluate (no application field says them). */
export const WITHDRAWAL_ONLY_GROUNDS = {
  SHAM_EMPLOYER: {
    kind: 'MANDATORY',
    legalBasis: `${DECREE_GROUNDS} (employer set up or operating mainly to bring in foreign workers, or without real economic activity)`,
  },
  EMPLOYMENT_AGAINST_PUBLIC_ORDER: {
    kind: 'MANDATORY',
    legalBasis: `${DECREE_GROUNDS} (employment contrary to public order, public security, the law or international agreements)`,
  },
  EMPLOYER_OBLIGATIONS_NOT_MET: {
    kind: 'MANDATORY',
    legalBasis: `${DECREE_GROUNDS} (legal obligations of the employer, pay and working conditions included)`,
  },
  AUTHORISATION_CONDITIONS_NOT_MET: {
    kind: 'MANDATORY',
    legalBasis: `${DECREE_GROUNDS} (special conditions of the authorisation)`,
  },
  EMPLOYER_INSOLVENT: {
    kind: 'OPTIONAL',
    legalBasis: `${DECREE_GROUNDS} (bankruptcy, manifest insolvency or judicial reorganisation of the employer or its directors)`,
  },
} as const;

export type WithdrawalOnlyGroundCode = keyof typeof WITHDRAWAL_ONLY_GROUNDS;
export type WithdrawalGroundCode = RefusalGroundCode | WithdrawalOnlyGroundCode;

export const WITHDRAWAL_ONLY_GROUND_CODES = Object.keys(
  WITHDRAWAL_ONLY_GROUNDS,
) as WithdrawalOnlyGroundCode[];

export interface WithdrawalGround {
  readonly code: WithdrawalGroundCode;
  /** CONDITION: a refusal ground of the category (a condition of the grant); MANDATORY/OPTIONAL: §5.2. */
  readonly kind: 'CONDITION' | 'MANDATORY' | 'OPTIONAL';
  readonly legalBasis: string;
}

/** The grounds a proposal to withdraw this application's authorisation may rest on, on day `on`. */
export function withdrawalGroundsFor(
  data: RuleData,
  application: Application,
  on: string,
): WithdrawalGround[] {
  // The refusal grounds in force on the day of the proposal. Refusing is about the application;
  // a withdrawal asks whether the authorisation may stand today.
  const refusal = refusalGroundsFor(data, { ...application, applicationDate: on }).map(
    (ground): WithdrawalGround => ({ code: ground.code, kind: 'CONDITION', legalBasis: ground.legalBasis }),
  );
  return [...refusal, ...withdrawalOnlyGrounds()];
}

/** The grounds of §5.2 that are withdrawal grounds whatever the category. */
export function withdrawalOnlyGrounds(): WithdrawalGround[] {
  return WITHDRAWAL_ONLY_GROUND_CODES.map((code) => ({ code, ...WITHDRAWAL_ONLY_GROUNDS[code] }));
}
