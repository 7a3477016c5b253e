import { CATEGORY_DEFINITIONS } from './categories.ts';
import { type Category, REASON_EFFECTS, type ReasonCode } from './contract.ts';

/** Reason codes a refusal can rest on: those with a REFUSE or REVIEW effect (not incompleteness). */
export type RefusalGroundCode = {
  [C in ReasonCode]: (typeof REASON_EFFECTS)[C] extends 'REFUSE' | 'REVIEW' ? C : never;
}[ReasonCode];

/** One legal ground on which a dossier of a category can be refused, with the article it rests on. */
export interface RefusalGround {
  readonly code: RefusalGroundCode;
  readonly effect: 'REFUSE' | 'REVIEW';
  readonly legalBasis: string;
}

export function isRefusalGroundCode(code: string): code is RefusalGroundCode {
  const effect = (REASON_EFFECTS as Record<string, string>)[code];
  return effect === 'REFUSE' || effect === 'REVIEW';
}

/**
 * The legal grounds a case handler may pick to refuse a dossier of `category`: the reason codes its
 * conditions can produce (each condition declares them), in the order the conditions run. A code
 * with an INCOMPLETE effect is left out: an incomplete application is declared inadmissible
 * (BVR 7 Dec 2018, art. 40–68), it is not refused. REVIEW grounds (employer policy thresholds) are
 * grounds too, for the case handler to weigh (BVR 7 Dec 2018, art. 12–14).
 */
export function refusalGroundsOf(category: Category): RefusalGround[] {
  const grounds = new Map<RefusalGroundCode, RefusalGround>();
  for (const condition of CATEGORY_DEFINITIONS[category].conditions) {
    for (const code of condition.reasonCodes) {
      if (!isRefusalGroundCode(code)) continue;
      const known = grounds.get(code);
      const legalBasis =
        known && !known.legalBasis.includes(condition.legalBasis)
          ? `${known.legalBasis}; ${condition.legalBasis}`
          : condition.legalBasis;
      grounds.set(code, { code, effect: REASON_EFFECTS[code], legalBasis });
    }
  }
  return [...grounds.values()];
}
