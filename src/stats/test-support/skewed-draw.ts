/**
 * An index below `size` drawn with weights 1, 1/2^e, 1/3^e, …: a few large values and many small
 * ones, so that most cells of a synthetic table are small or empty (the disclosure attack tests).
 * Uses one draw of `random` per call.
 */
export function skewedIndex(random: () => number, size: number, exponent: number): number {
  const weights = [...Array(size).keys()].map((i) => 1 / (i + 1) ** exponent);
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < size; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return size - 1;
}
