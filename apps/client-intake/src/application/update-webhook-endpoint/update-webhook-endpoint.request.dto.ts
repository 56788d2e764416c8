import { UpdateWebhookEndpointFields } from '../webhooks/webhook-endpoint.request.dto';

export class UpdateWebhookEndpointRequest extends UpdateWebhookEndpointFields {}
