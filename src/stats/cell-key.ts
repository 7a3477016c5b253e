/**
 * The cell-key method for open data, pure (decision 016, docs/statistics.md). Every dossier has a
 * record key (31 bits from the md5 of its random id, migration 0019); a published count's cell key
 * is the sum of the keys of the dossiers it counts, mod 2^31, read as a fraction u in [0, 1). The
 * noise added to the count is a function of u only, so the same set of dossiers gets the same noise
 * however and however often it is asked for: repeating a request, or reaching the same cell through
 * another filter or table, gives nothing new. A cell one dossier apart has an unrelated key.
 *
 * Noise: two-sided geometric, P(e = k) = (1 − α)/(1 + α) · α^|k| with α = 0.3 — 0 for 54 % of
 * cells, ±1 for 32 %, more than ±2 for 4 %; mean 0, standard deviation 1.1. Its tail has no hard
 * bound short of what the key's 31 bits can reach (±17), so a published figure never pins the true
 * count between two close integers: no chain of sums, differences or published zeros closes on
 * the true value (the attacker test, src/stats/disclosure-attack.test.ts, tries).
 *
 * Publication: a true 0 is published as 0 (no dossier points at no one; hiding zeros would blank
 * most of a sparse table). A perturbed count below 5 is hidden (`null`, written "x"), so no
 * published count stands for one to four people. Every other count is published perturbed; a
 * total is a cell of its own and gets its own noise, so a table's cells add up to its total
 * only approximately (within a few units).
 */

export const RECORD_KEY_MODULUS = 2 ** 31;
export const NOISE_ALPHA = 0.3;
/** Perturbed counts under this are hidden. */
export const PUBLISHED_MINIMUM = 5;

function noiseProbability(k: number): number {
  return ((1 - NOISE_ALPHA) / (1 + NOISE_ALPHA)) * NOISE_ALPHA ** Math.abs(k);
}

/** The cumulative distribution as a table: u below `upper[i]` gives noise `from + i`. */
const NOISE_TABLE = (() => {
  let limit = 0;
  // The smallest u the keys can give is 1/2^31: noise beyond the point where the tail holds less
  // than that is unreachable.
  while (noiseProbability(limit + 1) / (1 - NOISE_ALPHA) >= 1 / RECORD_KEY_MODULUS) limit++;
  const upper: number[] = [];
  let cumulative = 0;
  for (let k = -limit; k <= limit; k++) {
    cumulative += noiseProbability(k);
    upper.push(cumulative);
  }
  upper[upper.length - 1] = 1;
  return { from: -limit, upper };
})();

/** The largest noise in absolute value that any cell key can give (what an attacker may assume). */
export const MAX_NOISE = -NOISE_TABLE.from;

/** A cell key from the sum of its records' keys (any integer, also negative deltas folded in). */
export function cellKeyOf(keySum: number): number {
  const rest = keySum % RECORD_KEY_MODULUS;
  return (rest < 0 ? rest + RECORD_KEY_MODULUS : rest) / RECORD_KEY_MODULUS;
}

/** The noise for a cell key u in [0, 1). */
export function noiseOf(u: number): number {
  const { from, upper } = NOISE_TABLE;
  let low = 0;
  let high = upper.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (u < upper[middle]!) high = middle;
    else low = middle + 1;
  }
  return from + low;
}

/** The published value of a count: 0 stays 0, below 5 after noise is hidden (null). */
export function perturbCount(count: number, keySum: number): number | null {
  if (count === 0) return 0;
  const perturbed = count + noiseOf(cellKeyOf(keySum));
  return perturbed < PUBLISHED_MINIMUM ? null : perturbed;
}

/** The row value holding the key sum of a count measure (never published). */
export function keyColumn(measure: string): string {
  return `${measure}:key`;
}
