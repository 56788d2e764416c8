import type { StreamReader } from '@lib/es-core';
import { DELIVERY_LISTED, webhookDeliveryIndexStreamId } from './webhook-streams';

/** The deliveries of an endpoint, oldest first, each once (a redelivered source message may have listed one twice). */
export async function listedDeliveryIds(store: StreamReader, endpointId: string): Promise<string[]> {
  const listed = await store.readStream(webhookDeliveryIndexStreamId(endpointId));
  const ids = listed.filter((event) => event.type === DELIVERY_LISTED).map((event) => String((event.data as { deliveryId: string }).deliveryId));
  return [...new Set(ids)];
}
