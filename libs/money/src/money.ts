/**
 * Money is an integer number of minor units (cents) and an ISO 4217 currency.
 * Never a float. Percentages are basis points (1% = 100 bp) and the one rounding rule
 * of the project lives in `percentOf`: half-up to the minor unit.
 */
export interface Money {
  amount: number;
  currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money must be whole minor units, got ${amount}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`currency must be an ISO 4217 code, got ${currency}`);
  return { amount, currency };
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/**
 * `basisPoints` of `amount`, rounded half-up to the minor unit (away from zero for
 * negative amounts, so a reversal mirrors its payment exactly). Integer arithmetic only.
 */
export function percentOf(amount: number, basisPoints: number): number {
  return percentOfSlices([{ amount, basisPoints }]);
}

/**
 * The sum of several amounts each at its own rate, rounded once (half-up, as `percentOf`)
 * rather than slice by slice: a payment split across commission thresholds earns what the
 * unsplit arithmetic gives, not an extra rounding per slice. All slices share one sign.
 */
export function percentOfSlices(slices: ReadonlyArray<{ amount: number; basisPoints: number }>): number {
  let product = 0n;
  let sign = 1;
  for (const { amount, basisPoints } of slices) {
    if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(basisPoints)) {
      throw new RangeError('percentOf takes whole minor units and whole basis points');
    }
    if (amount < 0) sign = -1;
    product += BigInt(Math.abs(amount)) * BigInt(basisPoints);
  }
  const rounded = (product + 5_000n) / 10_000n;
  return sign * Number(rounded);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}
