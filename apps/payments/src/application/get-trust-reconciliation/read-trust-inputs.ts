import type { RecordedEvent } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { isTrustStream, TRUST_INPUT_TYPES, TrustInput } from '../../domain/trust-ledger/trust-ledger';
import { clientTrustIndexOf, ClientTrustIndexStore } from './client-trust-index';

/** Events per read of the log: large pages, since a reconciliation reads every payment ever taken. */
const PAGE = 5_000;

/**
 * The trust ledger's inputs from payments' own store, in the order they were recorded:
 * payments, reversals, commission corrections, credit refunds, remittances and cost
 * advances received, spent or refunded, recorded at or before `asOf`, of one client (its
 * stream of the per-client index, caught up first) or all (the log).
 */
export async function readTrustInputs(store: ClientTrustIndexStore, asOf: Date, clientId?: string): Promise<TrustInput[]> {
  if (clientId !== undefined) return clientTrustIndexOf(store).inputsOf(clientId, asOf);
  return readTrustInputsFromLog(store, asOf);
}

/** The same inputs read from the whole log, filtered to one client when named: what the index must equal. */
export async function readTrustInputsFromLog(store: Pick<EventStore, 'readAll'>, asOf: Date, clientId?: string): Promise<TrustInput[]> {
  const inputs: TrustInput[] = [];
  const until = asOf.getTime();
  let after: bigint | undefined;
  for (;;) {
    const page: RecordedEvent[] = await store.readAll({ after, limit: PAGE });
    for (const event of page) {
      if (!isTrustStream(event.streamId) || !TRUST_INPUT_TYPES.has(event.type)) continue;
      if (Date.parse(event.metadata.occurredAt) > until) continue;
      const input = event as unknown as TrustInput;
      if (clientId !== undefined && input.data.clientId !== clientId) continue;
      inputs.push(input);
    }
    if (page.length < PAGE) return inputs;
    after = page[page.length - 1].globalPosition;
  }
}
