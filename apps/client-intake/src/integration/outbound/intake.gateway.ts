import { RecordedEvent } from '@lib/es-core';
import {
  AccountClosed,
  AccountPlaced,
  AccountPlacedV2,
  AccountRecalled,
  AccountReopened,
  AgreementVersionPublished,
  ConvertedToThirdParty,
  DirectPaymentReported,
  LegalReferralAuthorized,
  MigratedPaymentImported,
  OnboardingAgreementPublished,
  PlacementBatchCompleted,
  PreCollectionReminderSent,
} from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { accountIdOfStream, clientIdOfStream } from '../../client-intake.dependencies';
import type { AccountEvent, AccountPlaced as AccountPlacedEvent } from '../../domain/account/account.events';
import type { ClientEvent } from '../../domain/client/client.events';
import { batchIdOfStream, type BatchEvent } from '../../domain/placement-batch/placement-batch.events';
import { accountChangeMessages } from './account-changes.gateway';
import { publishedDebtor } from './published-debtor';

/**
 * Domain events of intake -> the published language: accounts on `intake.accounts` (keyed
 * by account id), agreement versions on `intake.clients` (keyed by client id). A client's
 * name, its keys and idempotency records stay inside.
 */
export function intakeGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (isClientEvent(stored)) {
    if (stored.type === 'ClientOnboarded') {
      // Version 0: the message id comes from the stored event, so a relay that publishes it again is deduplicated downstream.
      const { clientId, agreement } = stored.data;
      return [integrationMessage(OnboardingAgreementPublished, clientId, { clientId, version: 0, ...agreement }, stored)];
    }
    if (stored.type !== 'AgreementVersionSet') return [];
    const { clientId, version, effectiveFrom, recordedAt, terms } = stored.data;
    return [integrationMessage(AgreementVersionPublished, clientId, { clientId, version, effectiveFrom, recordedAt, ...terms }, stored)];
  }
  if (isBatchEvent(stored)) return batchMessages(stored);
  if (!isAccountEvent(stored)) return [];
  switch (stored.type) {
    case 'AccountPlaced':
      return [integrationMessage(AccountPlaced, stored.data.accountId, publishedPlacement(stored.data), stored)];
    case 'AccountClosed': {
      // The staff's reason stays in intake's history and the audit trail; v1 carries the code.
      const { accountId, clientId, closingCode, closedAt } = stored.data;
      return [integrationMessage(AccountClosed, accountId, { accountId, clientId, closingCode, closedAt }, stored)];
    }
    case 'AccountRecalled':
      return [integrationMessage(AccountRecalled, stored.data.accountId, stored.data, stored)];
    case 'DirectPaymentReported':
      return [integrationMessage(DirectPaymentReported, stored.data.accountId, stored.data, stored)];
    case 'AccountReopened':
      return [integrationMessage(AccountReopened, stored.data.accountId, stored.data, stored)];
    case 'EarlierPaymentImported':
      return [integrationMessage(MigratedPaymentImported, stored.data.accountId, stored.data, stored)];
    case 'LegalReferralAuthorized':
      return [integrationMessage(LegalReferralAuthorized, stored.data.accountId, stored.data, stored)];
    case 'InvoiceAdded':
    case 'BalanceAdjusted':
    case 'DebtorUpdated':
      return accountChangeMessages(stored);
    case 'PreCollectionReminderSent':
      return [integrationMessage(PreCollectionReminderSent, stored.data.accountId, stored.data, stored)];
    case 'ConvertedToThirdParty':
      return [integrationMessage(ConvertedToThirdParty, stored.data.accountId, { ...stored.data, debtor: publishedDebtor(stored.data.debtor) }, stored)];
    default:
      return [];
  }
}

/**
 * A placement as AccountPlaced.v2 says it. Placements stored before categories and buckets
 * are `standard` with their principal alone; the single `email`/`phone` of a request
 * join the lists unflagged (no consent given, not barred). The debtor's tax id and
 * contacts leave intake now because debtor contact works with them.
 */
export function publishedPlacement(placement: AccountPlacedEvent['data']): AccountPlacedV2 {
  const { debtor, category, buckets, service, ...rest } = placement;
  return {
    ...rest,
    category: category ?? 'standard',
    buckets: buckets ?? { principal: placement.placedAmount, interest: 0, fees: 0, costs: 0 },
    // Absent means third-party to every consumer; only a pre-collection placement says so.
    ...(service ? { service } : {}),
    debtor: publishedDebtor(debtor),
  };
}


/**
 * A finished batch on `intake.clients`, keyed by its client; the rest of a batch (its rows,
 * their results) stays inside: the client reads them from the results endpoint.
 */
function batchMessages(stored: RecordedEvent<BatchEvent>): OutgoingMessage[] {
  if (stored.type !== 'BatchCompleted') return [];
  const { batchId, clientId, format, rows, receivedAt, placed, alreadyPlaced, refused, completedAt } = stored.data;
  // Completed before the event named its batch: not announced (docs/client-intake.md, "Webhooks").
  if (batchId === undefined || clientId === undefined || format === undefined || rows === undefined || receivedAt === undefined) return [];
  return [integrationMessage(PlacementBatchCompleted, clientId, { batchId, clientId, format, rows, placed, alreadyPlaced, refused, receivedAt, completedAt }, stored)];
}

/** A `batch-<id>` stream is written by the batch upload and the batch worker alone. */
function isBatchEvent(stored: RecordedEvent): stored is RecordedEvent<BatchEvent> {
  return batchIdOfStream(stored.streamId) !== undefined;
}

/** An account stream is written by the account decider alone, so its events are account events. */
function isAccountEvent(stored: RecordedEvent): stored is RecordedEvent<AccountEvent> {
  return accountIdOfStream(stored.streamId) !== undefined;
}

/** A client stream is written by the client decider alone. */
function isClientEvent(stored: RecordedEvent): stored is RecordedEvent<ClientEvent> {
  return clientIdOfStream(stored.streamId) !== undefined;
}
