import type { ReasonCode, WarningCode } from '../contract.ts';
import type { ReasonFacts, ThresholdFacts, WarningFacts } from '../facts.ts';
import type { Formatter } from './format.ts';

/**
 * A language's messages: one template per reason and warning code, written from the facts.
 * The mapped types make a missing code a compile error in every language.
 */
export interface Catalogue {
  readonly reasons: { readonly [C in ReasonCode]: (facts: ReasonFacts[C], f: Formatter) => string };
  readonly warnings: { readonly [C in WarningCode]: (facts: WarningFacts[C], f: Formatter) => string };
}

/** The year of a parameter's start date, as messages name the average wage ("of 2025"). */
export function yearOf(iso: string | undefined): string {
  return iso ? iso.slice(0, 4) : '';
}

/** Parameter values in warnings: numbers localised, everything else as written. */
export function formatValue(value: unknown, f: Formatter): string {
  if (typeof value === 'number') return f.number(value);
  if (Array.isArray(value)) return f.list(value.map(String));
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function isPerformingArtist(facts: ThresholdFacts): boolean {
  return facts.amountParameter === 'threshold.performingArtist';
}
