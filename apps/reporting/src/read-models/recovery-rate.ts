/**
 * `collected` as a share of `placed`, in basis points, rounded half-up (away from zero
 * for a negative collected figure) with integer arithmetic only: the same rounding rule
 * as `percentOf` in `@lib/money`, applied to a ratio instead of a product.
 * Nothing placed yet means nothing to recover: 0.
 */
export function recoveryRateBp(collected: number, placed: number): number {
  if (!Number.isSafeInteger(collected) || !Number.isSafeInteger(placed)) {
    throw new RangeError('recoveryRateBp takes whole minor units');
  }
  if (placed <= 0) return 0;
  const sign = collected < 0 ? -1 : 1;
  const numerator = BigInt(Math.abs(collected)) * 10_000n;
  const denominator = BigInt(placed);
  // floor(n/d + 1/2) = floor((2n + d) / 2d)
  return sign * Number((2n * numerator + denominator) / (2n * denominator));
}
