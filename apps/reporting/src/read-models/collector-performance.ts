import type { CollectorActivity, CollectorAttempt, CollectorPromise } from './collector-activity.projection';

export interface CurrencyAmount {
  currency: string;
  /** Minor units. */
  amount: number;
}

export interface CollectorFigures {
  collectorId: string;
  contacts: number;
  rightPartyContacts: number;
  promisesMade: number;
  promisesKept: number;
  promisesBroken: number;
  /** Payments credited to the collector (see `creditedCollector`), less reversals, per currency. */
  collected: CurrencyAmount[];
}

export interface CollectorPerformance {
  collectors: CollectorFigures[];
  /** Collected on accounts no collector had a promise or a right-party contact on before the payment. */
  unattributed: CurrencyAmount[];
}

/**
 * Who a payment is credited to: the collector who took the account's latest promise made
 * at or before the payment; without one, the collector of its latest right-party contact
 * at or before it; without either, nobody. The agency does not assign accounts to
 * collectors yet, so the promise (or the conversation) that came before the money is the
 * best witness of whose work brought it in. Ties on the same instant go to the one
 * recorded later.
 */
export function creditedCollector(activity: CollectorActivity, paidAt: string): string | null {
  const paid = Date.parse(paidAt);
  const latest = <T extends { at: string | null }>(candidates: readonly T[]): T | undefined =>
    candidates.reduce<T | undefined>((best, candidate) => (candidate.at !== null && Date.parse(candidate.at) <= paid && (!best || Date.parse(candidate.at) >= Date.parse(best.at!)) ? candidate : best), undefined);
  const promise = latest(activity.promises.filter((p): p is CollectorPromise & { collectorId: string } => p.collectorId !== null));
  if (promise) return promise.collectorId;
  return latest(activity.attempts.filter((a: CollectorAttempt) => a.rightPartyContact))?.collectorId ?? null;
}

/**
 * Collector figures for the period [`from`, `until`) (epoch ms), each fact counted in the
 * period of its business date: contacts and promises when made, a kept or broken promise
 * when it was found so (credited to the collector who took it), a payment when posted
 * and its reversal, taken off the same collector, when reversed.
 */
export class CollectorPerformanceTally {
  private readonly collectors = new Map<string, Omit<CollectorFigures, 'collected'> & { collected: Map<string, number> }>();
  private readonly unattributed = new Map<string, number>();

  constructor(
    private readonly from: number,
    private readonly until: number,
  ) {}

  private within(at: string | null): boolean {
    if (at === null) return false;
    const time = Date.parse(at);
    return time >= this.from && time < this.until;
  }

  private figures(collectorId: string) {
    const known = this.collectors.get(collectorId);
    if (known) return known;
    const fresh = { collectorId, contacts: 0, rightPartyContacts: 0, promisesMade: 0, promisesKept: 0, promisesBroken: 0, collected: new Map<string, number>() };
    this.collectors.set(collectorId, fresh);
    return fresh;
  }

  add(activity: CollectorActivity): void {
    for (const attempt of activity.attempts) {
      if (!this.within(attempt.at)) continue;
      const figures = this.figures(attempt.collectorId);
      figures.contacts += 1;
      if (attempt.rightPartyContact) figures.rightPartyContacts += 1;
    }
    for (const promise of activity.promises) {
      if (promise.collectorId === null) continue;
      if (this.within(promise.at)) this.figures(promise.collectorId).promisesMade += 1;
      if (promise.outcome && this.within(promise.outcome.at)) {
        const figures = this.figures(promise.collectorId);
        if (promise.outcome.kind === 'kept') figures.promisesKept += 1;
        else figures.promisesBroken += 1;
      }
    }
    for (const payment of activity.payments) {
      if (!this.within(payment.at) && !this.within(payment.reversedAt)) continue;
      const change = (this.within(payment.at) ? payment.collected : 0) - (this.within(payment.reversedAt) ? payment.collected : 0);
      const collectorId = creditedCollector(activity, payment.at);
      const into = collectorId === null ? this.unattributed : this.figures(collectorId).collected;
      into.set(payment.currency, (into.get(payment.currency) ?? 0) + change);
    }
  }

  result(): CollectorPerformance {
    const amounts = (byCurrency: Map<string, number>) => [...byCurrency.keys()].sort().map((currency) => ({ currency, amount: byCurrency.get(currency)! }));
    return {
      collectors: [...this.collectors.keys()].sort().map((id) => ({ ...this.collectors.get(id)!, collected: amounts(this.collectors.get(id)!.collected) })),
      unattributed: amounts(this.unattributed),
    };
  }
}
