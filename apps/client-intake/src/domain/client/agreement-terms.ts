import { formatMajorUnits, minorUnitsOf, parseMajorUnits } from '@lib/money';

/**
 * A negotiated client agreement (docs/domain.md, "Agreements"). Money in it is integer
 * minor units of `currency`; rates are basis points (10_000 = 100%).
 */
export const ACCOUNT_CATEGORIES = ['standard', 'nsf-cheque', 'out-of-business', 'second-placement', 'foreign'] as const;
export type AccountCategory = (typeof ACCOUNT_CATEGORIES)[number];
export const HALF_FEE_CASES = ['returned-merchandise', 'paid-before-placement'] as const;
export type HalfFeeCase = (typeof HALF_FEE_CASES)[number];
export const REMITTANCE_TYPES = ['net', 'gross', 'combined'] as const;
export const REMITTANCE_PERIODS = ['weekly', 'semi-monthly', 'monthly'] as const;
export const HOLD_METHODS = ['ach', 'card', 'check', 'wire', 'cash'] as const;
export const LEGAL_REFERRAL_AUTHORITIES = ['client-approval', 'pre-authorized'] as const;

/** A tier of the plan: its rate applies to an account that meets every condition it sets (min inclusive, max exclusive). */
export interface RateTier {
  tierId: string;
  rateBp: number;
  category?: AccountCategory;
  minAgeDays?: number;
  maxAgeDays?: number;
  minPlacedAmount?: number;
  maxPlacedAmount?: number;
}

/** "First 300.00 at 50%": what the account has collected to date up to `upTo` earns `rateBp`. */
export interface CollectedThreshold {
  upTo: number;
  rateBp: number;
}

export interface RatePlan {
  planId: string;
  /** The rate of an account no tier matches. */
  baseRateBp: number;
  /** Tried in order; the first that matches is the account's tier. */
  tiers: RateTier[];
  /** Ascending `upTo`; above the last, the tier's rate. */
  collectedThresholds: CollectedThreshold[];
  /** Per payment, never more than the amount applied. */
  minimumFee: number | null;
  /** Per account: the commission on its payments together. */
  maximumFee: number | null;
  /** Replaces every other rate once the account is with an attorney. */
  legalRateBp: number;
  /** Payments of these kinds earn half the commission. */
  halfFeeCases: HalfFeeCase[];
}

export interface AgreementTerms {
  currency: string;
  ratePlan: RatePlan;
  remittance: (typeof REMITTANCE_TYPES)[number];
  remittancePeriod: (typeof REMITTANCE_PERIODS)[number];
  /** Days a payment is held before it counts as cleared funds, per payment method. */
  clearedFundsHoldDays: Record<(typeof HOLD_METHODS)[number], number>;
  /** The lowest share of the balance the agency may settle for without asking, basis points. */
  settlementAuthorityBp: number;
  /**
   * `legalRateEndsOnClose`: once the attorney closes its file, payments posted afterwards earn
   * the contingency rate again instead of the legal rate (absent: the legal rate stays).
   */
  legalReferral: { authority: (typeof LEGAL_REFERRAL_AUTHORITIES)[number]; minimumBalance: number; legalRateEndsOnClose?: boolean };
  /** Court costs and suit fees: whether the client advances them, and what the agency may spend without asking. */
  costAdvance: { clientAdvancesCosts: boolean; approvalAbove: number };
  /** Owed for a recall after work began: a flat amount plus a share of the balance recalled. */
  cancellationFee: { flat: number; rateOfBalanceBp: number };
  /** Absent: the client may not place accounts as pre-collection. */
  preCollection?: PreCollectionTerms;
}

/**
 * Pre-collection (first-party) service (docs/domain.md, "Pre-collection"): reminders in the
 * client's name on `reminderDays` (days from placement, ascending, inside the window), for
 * `flatFee` per account (minor units) instead of commission; unpaid after `windowDays` the
 * account converts to third-party collection.
 */
export interface PreCollectionTerms {
  windowDays: number;
  reminderDays: number[];
  flatFee: number;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

const MAX_HOLD_DAYS = 90;
const MAX_WINDOW_DAYS = 180;
const MAX_REMINDERS = 20;
const MAX_TIERS = 50;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An agreement as an admin writes it -> its terms, or every problem (field, reason) at
 * once. Money is written in major units as a decimal string of the agreement's currency
 * ("300.00" USD, "300" JPY, "300.000" BHD); more decimals than the currency has are refused.
 * Rules across fields run on the fields that parsed, so one answer lists everything.
 */
export function parseAgreementTerms(raw: unknown): { terms?: AgreementTerms; effectiveFrom?: Date; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fail = (field: string, reason: string) => problems.push({ field, reason });
  const body = isObject(raw) ? raw : {};
  if (!isObject(raw)) fail('', 'must be a JSON object');
  unknownFields(body, ['effectiveFrom', 'currency', 'ratePlan', 'remittance', 'remittancePeriod', 'clearedFundsHoldDays', 'settlementAuthorityBp', 'legalReferral', 'costAdvance', 'cancellationFee', 'preCollection'], '', fail);

  // Absent: effective at once (the handler uses the command's time).
  let effectiveFrom: Date | undefined;
  if (body.effectiveFrom !== undefined) {
    const at = typeof body.effectiveFrom === 'string' && body.effectiveFrom.includes('T') ? new Date(body.effectiveFrom) : undefined;
    if (!at || Number.isNaN(at.getTime())) fail('effectiveFrom', 'must be an ISO-8601 instant such as 2026-07-01T00:00:00Z');
    else effectiveFrom = at;
  }

  const currency = typeof body.currency === 'string' && /^[A-Z]{3}$/.test(body.currency) ? body.currency : undefined;
  if (!currency) fail('currency', 'must be an upper-case ISO 4217 code');
  else if (minorUnitsOf(currency) === undefined) fail('currency', `${currency} is not a currency whose minor units are known`);
  const moneyOk = currency !== undefined && minorUnitsOf(currency) !== undefined;

  const amount = (value: unknown, field: string): number | undefined => {
    if (!moneyOk) return undefined;
    const parsed = parseMajorUnits(value, currency);
    if (!parsed.ok) return void fail(field, parsed.reason);
    return parsed.minor;
  };
  const rate = (value: unknown, field: string): number | undefined => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 10_000) return void fail(field, 'must be whole basis points from 0 to 10000');
    return value as number;
  };
  const oneOf = <V extends readonly string[]>(values: V, value: unknown, field: string): V[number] | undefined => {
    if (typeof value !== 'string' || !values.includes(value)) return void fail(field, `must be one of ${values.join(', ')}`);
    return value as V[number];
  };
  const object = (value: unknown, field: string, fields: string[]): Raw => {
    if (!isObject(value)) {
      fail(field, 'must be an object');
      return {};
    }
    unknownFields(value, fields, field, fail);
    return value;
  };

  const plan = object(body.ratePlan, 'ratePlan', ['planId', 'baseRateBp', 'tiers', 'collectedThresholds', 'minimumFee', 'maximumFee', 'legalRateBp', 'halfFeeCases']);
  const planId = typeof plan.planId === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(plan.planId) ? plan.planId : void fail('ratePlan.planId', 'must be 1-64 letters, digits, dots, dashes or underscores');
  const baseRateBp = rate(plan.baseRateBp, 'ratePlan.baseRateBp');
  const legalRateBp = rate(plan.legalRateBp, 'ratePlan.legalRateBp');
  const minimumFee = plan.minimumFee === undefined || plan.minimumFee === null ? null : amount(plan.minimumFee, 'ratePlan.minimumFee');
  const maximumFee = plan.maximumFee === undefined || plan.maximumFee === null ? null : amount(plan.maximumFee, 'ratePlan.maximumFee');
  if (typeof minimumFee === 'number' && typeof maximumFee === 'number' && minimumFee > maximumFee) fail('ratePlan.minimumFee', 'must not be above maximumFee');

  const tiers: RateTier[] = [];
  const rawTiers = plan.tiers ?? [];
  if (!Array.isArray(rawTiers) || rawTiers.length > MAX_TIERS) fail('ratePlan.tiers', `must be an array of at most ${MAX_TIERS} tiers`);
  else {
    const ids = new Set<string>();
    rawTiers.forEach((rawTier, index) => {
      const at = `ratePlan.tiers.${index}`;
      const t = object(rawTier, at, ['tierId', 'rateBp', 'category', 'minAgeDays', 'maxAgeDays', 'minPlacedAmount', 'maxPlacedAmount']);
      const tierId = typeof t.tierId === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(t.tierId) ? t.tierId : void fail(`${at}.tierId`, 'must be 1-64 letters, digits, dots, dashes or underscores');
      if (tierId !== undefined && (ids.has(tierId) || tierId === 'base' || tierId === 'legal')) fail(`${at}.tierId`, `${tierId} is used twice or reserved (base, legal)`);
      if (tierId !== undefined) ids.add(tierId);
      const tier: Partial<RateTier> = { tierId, rateBp: rate(t.rateBp, `${at}.rateBp`) };
      if (t.category !== undefined) tier.category = oneOf(ACCOUNT_CATEGORIES, t.category, `${at}.category`);
      for (const key of ['minAgeDays', 'maxAgeDays'] as const) {
        if (t[key] === undefined) continue;
        if (!Number.isInteger(t[key]) || (t[key] as number) < 0 || (t[key] as number) > 36_500) fail(`${at}.${key}`, 'must be whole days from 0 to 36500');
        else tier[key] = t[key] as number;
      }
      for (const key of ['minPlacedAmount', 'maxPlacedAmount'] as const) if (t[key] !== undefined) tier[key] = amount(t[key], `${at}.${key}`);
      if (tier.minAgeDays !== undefined && tier.maxAgeDays !== undefined && tier.minAgeDays >= tier.maxAgeDays) fail(`${at}.maxAgeDays`, 'must be above minAgeDays');
      if (tier.minPlacedAmount !== undefined && tier.maxPlacedAmount !== undefined && tier.minPlacedAmount >= tier.maxPlacedAmount) fail(`${at}.maxPlacedAmount`, 'must be above minPlacedAmount');
      if (tierId !== undefined && tier.rateBp !== undefined) tiers.push(withoutUndefined(tier) as RateTier);
    });
  }

  const collectedThresholds: CollectedThreshold[] = [];
  const rawThresholds = plan.collectedThresholds ?? [];
  if (!Array.isArray(rawThresholds) || rawThresholds.length > MAX_TIERS) fail('ratePlan.collectedThresholds', `must be an array of at most ${MAX_TIERS} thresholds`);
  else {
    rawThresholds.forEach((rawThreshold, index) => {
      const at = `ratePlan.collectedThresholds.${index}`;
      const t = object(rawThreshold, at, ['upTo', 'rateBp']);
      const upTo = amount(t.upTo, `${at}.upTo`);
      const rateBp = rate(t.rateBp, `${at}.rateBp`);
      const previous = collectedThresholds[collectedThresholds.length - 1];
      if (upTo !== undefined && upTo < 1) fail(`${at}.upTo`, 'must be above zero');
      else if (upTo !== undefined && previous && upTo <= previous.upTo) fail(`${at}.upTo`, 'must be above the previous threshold');
      if (upTo !== undefined && rateBp !== undefined) collectedThresholds.push({ upTo, rateBp });
    });
  }

  const halfFeeCases: HalfFeeCase[] = [];
  const rawCases = plan.halfFeeCases ?? [];
  if (!Array.isArray(rawCases)) fail('ratePlan.halfFeeCases', `must be an array of ${HALF_FEE_CASES.join(', ')}`);
  else
    rawCases.forEach((value, index) => {
      const c = oneOf(HALF_FEE_CASES, value, `ratePlan.halfFeeCases.${index}`);
      if (c && halfFeeCases.includes(c)) fail(`ratePlan.halfFeeCases.${index}`, `${c} is listed twice`);
      else if (c) halfFeeCases.push(c);
    });

  const remittance = oneOf(REMITTANCE_TYPES, body.remittance, 'remittance');
  const remittancePeriod = oneOf(REMITTANCE_PERIODS, body.remittancePeriod, 'remittancePeriod');
  const holdRaw = object(body.clearedFundsHoldDays, 'clearedFundsHoldDays', [...HOLD_METHODS]);
  const clearedFundsHoldDays = {} as AgreementTerms['clearedFundsHoldDays'];
  for (const method of HOLD_METHODS) {
    const days = holdRaw[method];
    if (!Number.isInteger(days) || (days as number) < 0 || (days as number) > MAX_HOLD_DAYS) fail(`clearedFundsHoldDays.${method}`, `must be whole days from 0 to ${MAX_HOLD_DAYS}`);
    else clearedFundsHoldDays[method] = days as number;
  }
  const settlementAuthorityBp = rate(body.settlementAuthorityBp, 'settlementAuthorityBp');
  const legalRaw = object(body.legalReferral, 'legalReferral', ['authority', 'minimumBalance', 'legalRateEndsOnClose']);
  const legalReferral = { authority: oneOf(LEGAL_REFERRAL_AUTHORITIES, legalRaw.authority, 'legalReferral.authority'), minimumBalance: amount(legalRaw.minimumBalance, 'legalReferral.minimumBalance') };
  if (legalRaw.legalRateEndsOnClose !== undefined && typeof legalRaw.legalRateEndsOnClose !== 'boolean') fail('legalReferral.legalRateEndsOnClose', 'must be true or false');
  const legalRateEndsOnClose = legalRaw.legalRateEndsOnClose === true ? { legalRateEndsOnClose: true } : {};
  const costRaw = object(body.costAdvance, 'costAdvance', ['clientAdvancesCosts', 'approvalAbove']);
  if (typeof costRaw.clientAdvancesCosts !== 'boolean') fail('costAdvance.clientAdvancesCosts', 'must be true or false');
  const costAdvance = { clientAdvancesCosts: costRaw.clientAdvancesCosts as boolean, approvalAbove: amount(costRaw.approvalAbove, 'costAdvance.approvalAbove') };
  const feeRaw = object(body.cancellationFee, 'cancellationFee', ['flat', 'rateOfBalanceBp']);
  const cancellationFee = { flat: amount(feeRaw.flat, 'cancellationFee.flat'), rateOfBalanceBp: rate(feeRaw.rateOfBalanceBp, 'cancellationFee.rateOfBalanceBp') };

  let preCollection: Partial<PreCollectionTerms> | undefined;
  if (body.preCollection !== undefined) {
    const pre = object(body.preCollection, 'preCollection', ['windowDays', 'reminderDays', 'flatFee']);
    const windowDays = Number.isInteger(pre.windowDays) && (pre.windowDays as number) >= 1 && (pre.windowDays as number) <= MAX_WINDOW_DAYS ? (pre.windowDays as number) : void fail('preCollection.windowDays', `must be whole days from 1 to ${MAX_WINDOW_DAYS}`);
    const reminderDays: number[] = [];
    if (!Array.isArray(pre.reminderDays) || pre.reminderDays.length < 1 || pre.reminderDays.length > MAX_REMINDERS) fail('preCollection.reminderDays', `must be an array of 1 to ${MAX_REMINDERS} days`);
    else
      pre.reminderDays.forEach((day, index) => {
        const at = `preCollection.reminderDays.${index}`;
        if (!Number.isInteger(day) || (day as number) < 0) return void fail(at, 'must be a whole day from placement, 0 or more');
        if (windowDays !== undefined && (day as number) >= windowDays) return void fail(at, `must be inside the window: below windowDays (${windowDays})`);
        const previous = reminderDays[reminderDays.length - 1];
        if (previous !== undefined && (day as number) <= previous) return void fail(at, 'must be after the previous reminder day');
        reminderDays.push(day as number);
      });
    preCollection = { windowDays, reminderDays, flatFee: amount(pre.flatFee, 'preCollection.flatFee') };
  }

  if (problems.length > 0) return { problems };
  return {
    problems,
    effectiveFrom,
    terms: {
      currency: currency!,
      ratePlan: { planId: planId!, baseRateBp: baseRateBp!, tiers, collectedThresholds, minimumFee: minimumFee ?? null, maximumFee: maximumFee ?? null, legalRateBp: legalRateBp!, halfFeeCases },
      remittance: remittance!,
      remittancePeriod: remittancePeriod!,
      clearedFundsHoldDays,
      settlementAuthorityBp: settlementAuthorityBp!,
      legalReferral: { ...(legalReferral as AgreementTerms['legalReferral']), ...legalRateEndsOnClose },
      costAdvance: costAdvance as AgreementTerms['costAdvance'],
      cancellationFee: cancellationFee as AgreementTerms['cancellationFee'],
      ...(preCollection ? { preCollection: preCollection as PreCollectionTerms } : {}),
    },
  };
}

/** The terms as an admin reads them: money back in major units of the agreement's currency. */
export function displayTerms(terms: AgreementTerms) {
  const m = (minor: number) => formatMajorUnits(minor, terms.currency);
  const { ratePlan: plan, preCollection, ...rest } = terms;
  return {
    ...rest,
    ratePlan: {
      ...plan,
      tiers: plan.tiers.map((tier) =>
        withoutUndefined({ ...tier, minPlacedAmount: tier.minPlacedAmount === undefined ? undefined : m(tier.minPlacedAmount), maxPlacedAmount: tier.maxPlacedAmount === undefined ? undefined : m(tier.maxPlacedAmount) }),
      ),
      collectedThresholds: plan.collectedThresholds.map((t) => ({ upTo: m(t.upTo), rateBp: t.rateBp })),
      minimumFee: plan.minimumFee === null ? null : m(plan.minimumFee),
      maximumFee: plan.maximumFee === null ? null : m(plan.maximumFee),
    },
    legalReferral: { ...terms.legalReferral, minimumBalance: m(terms.legalReferral.minimumBalance) },
    costAdvance: { ...terms.costAdvance, approvalAbove: m(terms.costAdvance.approvalAbove) },
    cancellationFee: { ...terms.cancellationFee, flat: m(terms.cancellationFee.flat) },
    ...(preCollection ? { preCollection: { ...preCollection, flatFee: m(preCollection.flatFee) } } : {}),
  };
}

function unknownFields(value: Raw, known: string[], at: string, fail: (field: string, reason: string) => void): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) fail(at ? `${at}.${key}` : key, 'is not a field of an agreement');
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
