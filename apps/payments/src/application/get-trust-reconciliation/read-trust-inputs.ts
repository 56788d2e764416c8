import type { RecordedEvent } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { TRUST_INPUT_TYPES, TrustInput } from '../../domain/trust-ledger/trust-ledger';

/** Events per read of the log: large pages, since a reconciliation reads every payment ever taken. */
const PAGE = 5_000;

const isTrustStream = (streamId: string) => streamId.startsWith('ledger-') || streamId.startsWith('remittances-') || streamId.startsWith('cost-advances-');

/**
 * The trust ledger's inputs from payments' own store, in the order they were recorded:
 * payments, reversals, commission corrections, credit refunds, remittances and cost
 * advances received, spent or refunded, recorded at or before `asOf`, of one
 * client or all.
 */
export async function readTrustInputs(store: Pick<EventStore, 'readAll'>, asOf: Date, clientId?: string): Promise<TrustInput[]> {
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
