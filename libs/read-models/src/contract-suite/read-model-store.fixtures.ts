import { ProjectedEvent, Projection } from '../read-model-store.port';

/** Projections and event histories the contract suite runs against every adapter. */

export function projected(streamId: string, version: number, type: string, data: Record<string, any> = {}): ProjectedEvent {
  return { streamId, version, type, data, metadata: { eventId: `${streamId}@${version}` } };
}

export interface AccountBalance {
  accountId: string;
  clientId: string;
  status: 'active' | 'paid';
  balance: { amount: number; currency: string };
  payments: number;
}

/** One document per account stream; a recall deletes it. */
export function accountBalances(name: string): Projection<AccountBalance> {
  return {
    name,
    handles: ['AccountPlaced', 'PaymentPosted', 'AccountRecalled'],
    documentIds: (event) => [event.streamId],
    evolve(document, event) {
      switch (event.type) {
        case 'AccountPlaced':
          return {
            accountId: event.data.accountId,
            clientId: event.data.clientId,
            status: event.data.amount > 0 ? 'active' : 'paid',
            balance: { amount: event.data.amount, currency: event.data.currency },
            payments: 0,
          };
        case 'PaymentPosted': {
          if (!document) return null;
          const amount = document.balance.amount - event.data.amount;
          return { ...document, status: amount > 0 ? 'active' : 'paid', balance: { ...document.balance, amount }, payments: document.payments + 1 };
        }
        case 'AccountRecalled':
          return null;
        default:
          return document;
      }
    },
  };
}

export interface ClientPortfolio {
  clientId: string;
  accounts: number;
  placedTotal: number;
  collectedTotal: number;
}

/** One document per client, fed by every account stream of that client. */
export function clientPortfolios(name: string): Projection<ClientPortfolio> {
  return {
    name,
    handles: ['AccountPlaced', 'PaymentPosted', 'AccountRecalled'],
    documentIds: (event) => [event.data.clientId],
    evolve(document, event) {
      const current = document ?? { clientId: event.data.clientId, accounts: 0, placedTotal: 0, collectedTotal: 0 };
      switch (event.type) {
        case 'AccountPlaced':
          return { ...current, accounts: current.accounts + 1, placedTotal: current.placedTotal + event.data.amount };
        case 'PaymentPosted':
          return { ...current, collectedTotal: current.collectedTotal + event.data.amount };
        case 'AccountRecalled':
          return { ...current, accounts: current.accounts - 1 };
        default:
          return document;
      }
    },
  };
}

export interface Counter {
  count: number;
  seen: string[];
}

/** Counts `Ticked` events per `counterId`: a double count shows at once. */
export function counters(name: string): Projection<Counter> {
  return {
    name,
    handles: ['Ticked'],
    documentIds: (event) => [event.data.counterId],
    evolve: (document, event) => ({
      count: (document?.count ?? 0) + 1,
      seen: [...(document?.seen ?? []), `${event.streamId}@${event.version}`],
    }),
  };
}

export function tick(streamId: string, version: number, counterId = 'counter-1'): ProjectedEvent {
  return projected(streamId, version, 'Ticked', { counterId });
}

export function placed(accountId: string, clientId: string, amount: number, version = 0): ProjectedEvent {
  return projected(`account-${accountId}`, version, 'AccountPlaced', { accountId, clientId, amount, currency: 'USD' });
}

export function paid(accountId: string, clientId: string, amount: number, version: number): ProjectedEvent {
  return projected(`account-${accountId}`, version, 'PaymentPosted', { accountId, clientId, amount });
}

export function recalled(accountId: string, clientId: string, version: number): ProjectedEvent {
  return projected(`account-${accountId}`, version, 'AccountRecalled', { accountId, clientId });
}

export function noteAdded(accountId: string, clientId: string, version: number): ProjectedEvent {
  return projected(`account-${accountId}`, version, 'NoteAdded', { accountId, clientId, text: 'called, no answer' });
}

/**
 * A deterministic history in global order: `accounts` accounts spread over `clients`
 * clients, each placed, paid `payments` times, some with an unhandled note, every tenth
 * recalled; streams interleave as they would in the event store.
 */
export function portfolioHistory(accounts: number, clients: number, payments: number): ProjectedEvent[] {
  const streams: ProjectedEvent[][] = [];
  for (let a = 0; a < accounts; a++) {
    const accountId = `a${String(a).padStart(4, '0')}`;
    const clientId = `client-${a % clients}`;
    const history = [placed(accountId, clientId, 1000 + 10 * a)];
    for (let p = 0; p < payments; p++) history.push(paid(accountId, clientId, 7 + ((a + p) % 5), history.length));
    if (a % 3 === 0) history.push(noteAdded(accountId, clientId, history.length));
    if (a % 10 === 9) history.push(recalled(accountId, clientId, history.length));
    streams.push(history);
  }
  const ordered: ProjectedEvent[] = [];
  for (let round = 0; streams.some((stream) => round < stream.length); round++) {
    for (const stream of streams) if (round < stream.length) ordered.push(stream[round]);
  }
  return ordered;
}

export async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
