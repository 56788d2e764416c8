import { AccountClosed, AccountPlaced, AccountReopened, DisputeOpened, DisputeResolved, LegalStageChanged, PaymentPosted, PlacementBatchCompleted } from '@lib/contracts';
import { RemittanceIssuedV1 } from '@lib/contracts';
import type { CommandContext } from '@lib/es-core';
import { commandOn, Inbound } from '@lib/integration';
import type { IncomingMessage } from '@lib/message-bus';
import { ScheduleWebhookDeliveries } from '../../application/schedule-webhook-deliveries/schedule-webhook-deliveries.command';
import { disputeOpenedWebhookData, disputeResolvedWebhookData } from '../../domain/webhooks/dispute-webhook-payloads';
import type { WebhookEventType } from '../../domain/webhooks/webhook-event-types';

/**
 * The domain event a message was published for: its id is what a client drops
 * duplicates by, the same whichever endpoint (or redelivery) carries it.
 */
function sourceEventIdOf(message: IncomingMessage): string {
  return message.headers['causation-id'] ?? message.headers['message-id'];
}

const schedule = (eventType: WebhookEventType, clientId: string, occurredAt: string, payload: Record<string, unknown>, context: CommandContext, message: IncomingMessage, clientReferenceOf?: string) =>
  new ScheduleWebhookDeliveries(clientId, eventType, sourceEventIdOf(message), occurredAt, payload, context, clientReferenceOf);

/**
 * Where each webhook event type comes from: integration events off the bus, intake's own
 * `intake.accounts` included (so every source takes the same durable path: the event
 * store, the relay, the consumer's offset). What a client is told is a projection of the
 * contract, not the whole message (no debtor or invoice detail it sent itself).
 *
 * Extension point: a new webhook event type gets a line here once its integration event is
 * published.
 */
export const webhookSources: Inbound[] = [
  commandOn(AccountPlaced, (d, context, message) =>
    schedule('account.placed', d.clientId, d.placedAt, { accountId: d.accountId, clientId: d.clientId, clientReference: d.clientReference, placedAmount: d.placedAmount, currency: d.currency, placedAt: d.placedAt }, context, message),
  ),
  commandOn(PlacementBatchCompleted, (d, context, message) =>
    schedule(
      'batch.finished',
      d.clientId,
      d.completedAt,
      { batchId: d.batchId, clientId: d.clientId, rows: d.rows, placed: d.placed, alreadyPlaced: d.alreadyPlaced, refused: d.refused, receivedAt: d.receivedAt, completedAt: d.completedAt },
      context,
      message,
    ),
  ),
  commandOn(AccountClosed, (d, context, message) =>
    schedule('account.closed', d.clientId, d.closedAt, { accountId: d.accountId, clientId: d.clientId, closingCode: d.closingCode, closedAt: d.closedAt }, context, message),
  ),
  commandOn(AccountReopened, (d, context, message) =>
    schedule(
      'account.reopened',
      d.clientId,
      d.reopenedAt,
      { accountId: d.accountId, clientId: d.clientId, previousClosingCode: d.previousClosingCode, reason: d.reason, balance: d.balance, reopenedAt: d.reopenedAt },
      context,
      message,
    ),
  ),
  commandOn(PaymentPosted, (d, context, message) =>
    schedule(
      'payment.collected',
      d.clientId,
      d.postedAt,
      {
        accountId: d.accountId,
        clientId: d.clientId,
        paymentId: d.paymentId,
        amount: d.amount,
        currency: d.currency,
        method: d.method,
        // The client tells its own reports apart from the agency's collections by this (null: an older message, not known).
        direct: d.direct,
        commission: d.commission,
        balanceAfter: d.balanceAfter,
        postedAt: d.postedAt,
      },
      context,
      message,
    ),
  ),
  // The client hears of a recommendation once a supervisor approved it; the verdicts before that are the agency's own.
  commandOn(LegalStageChanged, (d, context, message) =>
    d.stage === 'pending-approval' || d.stage === 'not-recommended' ? undefined : schedule(
      'legal.milestone',
      d.clientId,
      d.changedAt,
      { accountId: d.accountId, clientId: d.clientId, stage: d.stage, balance: d.balance, currency: d.currency, ...(d.attorneyId ? { attorneyId: d.attorneyId } : {}), changedAt: d.changedAt },
      context,
      message,
    ),
  ),
  // The statement's figures and the hashes of its renderings, not its lines: the client downloads those from payments.
  commandOn(RemittanceIssuedV1, (d, context, message) =>
    schedule(
      'remittance.issued',
      d.clientId,
      d.issuedAt,
      {
        remittanceId: d.remittanceId,
        clientId: d.clientId,
        statementNumber: d.statementNumber,
        currency: d.currency,
        remittanceType: d.remittanceType,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        issuedAt: d.issuedAt,
        paymentCount: d.paymentCount,
        directPaymentCount: d.directPaymentCount,
        clawbackCount: d.clawbackCount,
        paidToClient: d.paidToClient,
        invoiced: d.invoiced,
        csvSha256: d.csvSha256,
        pdfSha256: d.pdfSha256,
      },
      context,
      message,
    ),
  ),
  // Debtor contact's messages do not carry the client's reference: intake adds it from its own account.
  commandOn(DisputeOpened, (d, context, message) => schedule('dispute.opened', d.clientId, d.openedAt, disputeOpenedWebhookData(d), context, message, d.accountId)),
];

/**
 * `dispute.resolved`: not in `webhookSources`, since intake also adjusts the balance on the
 * same message (one handler per type): the module runs it alongside that, the webhook first,
 * so an adjustment refused (a closed account) still leaves the client told of the outcome.
 */
export const disputeResolvedWebhook = commandOn(DisputeResolved, (d, context, message) =>
  schedule('dispute.resolved', d.clientId, d.resolvedAt, disputeResolvedWebhookData(d), context, message, d.accountId),
);
