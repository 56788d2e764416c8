/**
 * ISO 4217 minor units: how many decimal places a currency's amounts have. Money is kept
 * as integer minor units everywhere; this table is what turns "300.00" (USD), "300"
 * (JPY) or "300.000" (BHD) into minor units and back, and refuses more precision than
 * the currency has. A currency missing here is not supported for entered amounts (it is
 * refused, never guessed at two decimals).
 */
export const MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  // No minor unit.
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, PYG: 0, UGX: 0, XAF: 0, XOF: 0, XPF: 0, RWF: 0, KMF: 0, GNF: 0, DJF: 0, VUV: 0, BIF: 0,
  // Three decimals.
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, IQD: 3, LYD: 3,
  // Two decimals: the common ones.
  USD: 2, EUR: 2, GBP: 2, CAD: 2, AUD: 2, NZD: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, RON: 2,
  MXN: 2, BRL: 2, ARS: 2, COP: 2, PEN: 2, ZAR: 2, INR: 2, CNY: 2, HKD: 2, SGD: 2, TWD: 2, THB: 2, MYR: 2, PHP: 2,
  IDR: 2, ILS: 2, AED: 2, SAR: 2, QAR: 2, TRY: 2, EGP: 2, NGN: 2, KES: 2,
});

/** Decimal places of `currency`, or undefined when the table does not know it. */
export function minorUnitsOf(currency: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(MINOR_UNITS, currency) ? MINOR_UNITS[currency] : undefined;
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * A non-negative amount written in major units ("300.00", "300", "0.125") -> integer
 * minor units of `currency`. Refused: an unknown currency, anything but digits with at
 * most one point, more decimals than the currency has, a result beyond a safe integer.
 * Fewer decimals are fine ("300" USD is 30000). No floating point is involved.
 */
export function parseMajorUnits(text: unknown, currency: string): ParsedAmount {
  const digits = minorUnitsOf(currency);
  if (digits === undefined) return { ok: false, reason: `currency ${currency} has no known ISO 4217 minor units` };
  if (typeof text !== 'string') return { ok: false, reason: 'must be a decimal string such as "300.00"' };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, reason: `must be a non-negative decimal such as "${formatMajorUnits(30_000 * 10 ** Math.max(0, digits - 2), currency)}"` };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return { ok: false, reason: digits === 0 ? `${currency} has no minor unit: whole amounts only` : `${currency} has ${digits} decimals: at most ${digits} after the point` };
  }
  const minor = BigInt(match[1]) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'is too large' };
  return { ok: true, minor: Number(minor) };
}

/** Integer minor units -> major units with exactly the currency's decimals ("300.000" BHD, "300" JPY). */
export function formatMajorUnits(minor: number, currency: string): string {
  const digits = minorUnitsOf(currency);
  if (digits === undefined) throw new RangeError(`currency ${currency} has no known ISO 4217 minor units`);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be whole minor units, got ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
