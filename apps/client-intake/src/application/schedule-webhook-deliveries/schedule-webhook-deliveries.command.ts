import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { WebhookEventType } from '../../domain/webhooks/webhook-event-types';

/** Something a client may want to hear of happened: schedule one delivery to each of its endpoints that want it. */
export class ScheduleWebhookDeliveries extends Command<void> {
  constructor(
    readonly clientId: string,
    readonly eventType: WebhookEventType,
    /** The id of the domain event it comes from: the same for every endpoint, so a client drops duplicates by it. */
    readonly sourceEventId: string,
    readonly occurredAt: string,
    readonly payload: Record<string, unknown>,
    readonly context: CommandContext,
    /**
     * The account whose client reference the payload carries as `clientReference`, for a
     * source whose message does not have it (debtor contact's disputes): read from intake's
     * own account, null when intake does not know the account.
     */
    readonly clientReferenceOf?: string,
  ) {
    super();
  }
}
