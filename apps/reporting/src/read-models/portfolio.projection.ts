import { AccountClosed, AccountPlaced, AccountReopened, PaymentPosted, PaymentReversed } from '@lib/contracts';
import type { Projection } from '@lib/read-models';
import { recoveryRateBp } from './recovery-rate';

export const PORTFOLIO = 'portfolio';

export interface CurrencyFigures {
  /** Minor units. */
  placedAmount: number;
  /** Payments minus reversals, minor units. */
  collected: number;
  recoveryRateBp: number;
}

/**
 * One client's portfolio. Counts are currency-free; money figures at the top level are
 * in `currency`, the currency of the client's first placement, and `byCurrency` holds
 * every currency the client placed or was paid in, because amounts of two currencies
 * never add up.
 */
export interface Portfolio {
  clientId: string;
  currency: string | null;
  placedCount: number;
  placedAmount: number;
  collected: number;
  recoveryRateBp: number;
  /** Placed accounts not closed: a reopened account counts as active again. */
  active: number;
  /** Accounts closed now, by closing code; a code no account is closed with is left out. */
  closedByCode: Record<string, number>;
  byCurrency: Record<string, CurrencyFigures>;
}

export function emptyPortfolio(clientId: string): Portfolio {
  return { clientId, currency: null, placedCount: 0, placedAmount: 0, collected: 0, recoveryRateBp: 0, active: 0, closedByCode: {}, byCurrency: {} };
}

function withFigures(portfolio: Portfolio, currency: string, change: { placed?: number; collected?: number }): Portfolio {
  const before = portfolio.byCurrency[currency] ?? { placedAmount: 0, collected: 0, recoveryRateBp: 0 };
  const placedAmount = before.placedAmount + (change.placed ?? 0);
  const collected = before.collected + (change.collected ?? 0);
  const byCurrency = { ...portfolio.byCurrency, [currency]: { placedAmount, collected, recoveryRateBp: recoveryRateBp(collected, placedAmount) } };
  const primary = portfolio.currency ?? (change.placed !== undefined ? currency : null);
  const headline = primary ? byCurrency[primary] : undefined;
  return {
    ...portfolio,
    currency: primary,
    byCurrency,
    placedAmount: headline?.placedAmount ?? 0,
    collected: headline?.collected ?? 0,
    recoveryRateBp: headline?.recoveryRateBp ?? 0,
  };
}

/** `closedByCode` with `change` accounts more (or fewer) under `code`; a count of zero is dropped. */
function withClosed(closedByCode: Record<string, number>, code: string, change: 1 | -1): Record<string, number> {
  const { [code]: before = 0, ...others } = closedByCode;
  const count = before + change;
  return count === 0 ? others : { ...others, [code]: count };
}

/**
 * Placed, collected, recovery rate, active and closed-by-code per client. Payments may
 * reach reporting before their placement (they travel on another topic), so every event
 * starts from an empty portfolio when there is none yet; the sums do not depend on order.
 *
 * A reopening undoes the closing before it (`previousClosingCode`): the account is active
 * again and no longer counted as closed; closing it again counts it once more. Each
 * closing and reopening is applied once (the store's version guard), so the counts are
 * sums too, right whatever order the two arrive in.
 */
export const portfolioProjection: Projection<Portfolio> = {
  name: PORTFOLIO,
  handles: [AccountPlaced.type, PaymentPosted.type, PaymentReversed.type, AccountClosed.type, AccountReopened.type],
  documentIds: (event) => [event.data.clientId],
  evolve(document, event) {
    const portfolio = document ?? emptyPortfolio(event.data.clientId);
    switch (event.type) {
      case AccountPlaced.type:
        return withFigures({ ...portfolio, placedCount: portfolio.placedCount + 1, active: portfolio.active + 1 }, event.data.currency, {
          placed: event.data.placedAmount,
        });
      case PaymentPosted.type:
        return withFigures(portfolio, event.data.currency, { collected: event.data.amount });
      case PaymentReversed.type:
        return withFigures(portfolio, event.data.currency, { collected: -event.data.amount });
      case AccountClosed.type:
        return { ...portfolio, active: portfolio.active - 1, closedByCode: withClosed(portfolio.closedByCode, event.data.closingCode, 1) };
      case AccountReopened.type:
        return { ...portfolio, active: portfolio.active + 1, closedByCode: withClosed(portfolio.closedByCode, event.data.previousClosingCode, -1) };
      default:
        return document;
    }
  },
};
