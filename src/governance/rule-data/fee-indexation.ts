/**
 * Yearly indexation of the fee (retributie). The policy note sets 200 EUR (seed 002 §2.5); the
 * concept note behind it and shared/domain/parameters.md ("Fee") add that it is indexed each
 * 1 January. Neither names the index nor the month: Loket takes the health index (gezondheidsindex,
 * the usual index of Flemish retributions) of a reference month, November, against the same month
 * a year earlier, and rounds to the cent — an interpretation recorded in docs/rules.md, to verify.
 */

export const FEE_INDEX_REFERENCE_MONTH = 11;

export interface FeeIndexation {
  /** The year whose 1 January the indexed amount takes effect. */
  readonly year: number;
  readonly validFrom: string;
  /** The amount in force on 31 December of the year before. */
  readonly currentAmount: number;
  readonly previousIndex: number;
  readonly newIndex: number;
  readonly newAmount: number;
}

/**
 * The amount × new index ÷ previous index, to the cent (computed in cents, so 200 × 1.025 is 205.00
 * and not 204.99999).
 */
export function indexFee(
  year: number,
  currentAmount: number,
  previousIndex: number,
  newIndex: number,
): FeeIndexation {
  const cents = Math.round((Math.round(currentAmount * 100) * newIndex) / previousIndex);
  return {
    year,
    validFrom: `${year}-01-01`,
    currentAmount,
    previousIndex,
    newIndex,
    newAmount: cents / 100,
  };
}
