import { nameBasedId } from '@lib/es-core';

/** A client's endpoints: registration, secrets, enabling. */
export const webhookEndpointsStreamId = (clientId: string) => `webhooks-${clientId}`;
/** One message to one endpoint. */
export const webhookDeliveryStreamId = (deliveryId: string) => `webhook-delivery-${deliveryId}`;
/** The deliveries of an endpoint in the order they were scheduled: the delivery log's index. */
export const webhookDeliveryIndexStreamId = (endpointId: string) => `webhook-deliveries-${endpointId}`;

/** The same endpoint and source event always name the same delivery (it is also the `webhook-id`). */
export const deliveryIdOf = (endpointId: string, sourceEventId: string) => nameBasedId('webhook-delivery', `${endpointId}\u0000${sourceEventId}`);

/** The index entry: appended before the delivery's own stream, read with duplicates dropped. */
export const DELIVERY_LISTED = 'DeliveryListed';
