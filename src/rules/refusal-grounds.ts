import { CATEGORY_DEFINITIONS } from './categories.ts';
import type { Condition } from './conditions/condition.ts';
import { type Category, REASON_EFFECTS, type ReasonCode } from './contract.ts';
import type { RuleData } from './data/rule-data.ts';
import { createContext } from './engine/assess-application.ts';
import type { Application } from './schema/application-schema.ts';

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
 * grounds too, for the case handler to weigh (BVR 7 Dec 2018, art. 12–14). `isInForce` narrows
 * them to the conditions that apply to one application (see `refusalGroundsFor`).
 */
export function refusalGroundsOf(
  category: Category,
  isInForce: (condition: Condition) => boolean = () => true,
): RefusalGround[] {
  const grounds = new Map<RefusalGroundCode, RefusalGround>();
  for (const condition of CATEGORY_DEFINITIONS[category].conditions) {
    if (!isInForce(condition)) continue;
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

/**
 * The grounds on which this application can be refused: those of its category whose condition is
 * in force on its application date and applies to it (a ground from 2026 is not offered for a 2025
 * application; the labour-market test is not one for a renewal).
 */
export function refusalGroundsFor(data: RuleData, application: Application): RefusalGround[] {
  const ctx = createContext(data, application, application.applicationDate, 'nl');
  return refusalGroundsOf(application.category, (condition) => condition.isInForce?.(ctx) ?? true);
}
