import { RecordedEvent } from '@lib/es-core';
import { AccountClosed, AccountPlaced, AccountRecalled, AccountReopened, AgreementVersionPublished, DirectPaymentReported, LegalReferralAuthorized } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { accountIdOfStream, clientIdOfStream } from '../../client-intake.dependencies';
import type { AccountEvent } from '../../domain/account/account.events';
import type { ClientEvent } from '../../domain/client/client.events';

/**
 * Domain events of intake -> the published language: accounts on `intake.accounts` (keyed
 * by account id), agreement versions on `intake.clients` (keyed by client id). A client's
 * name, its keys and idempotency records stay inside.
 */
export function intakeGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (isClientEvent(stored)) {
    if (stored.type !== 'AgreementVersionSet') return [];
    const { clientId, version, effectiveFrom, recordedAt, terms } = stored.data;
    return [integrationMessage(AgreementVersionPublished, clientId, { clientId, version, effectiveFrom, recordedAt, ...terms }, stored)];
  }
  if (!isAccountEvent(stored)) return [];
  switch (stored.type) {
    case 'AccountPlaced': {
      const { debtor, ...rest } = stored.data;
      const published = { ...rest, debtor: { kind: debtor.kind, legalName: debtor.legalName, country: debtor.country, region: debtor.region } };
      return [integrationMessage(AccountPlaced, stored.data.accountId, published, stored)];
    }
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
    case 'LegalReferralAuthorized':
      return [integrationMessage(LegalReferralAuthorized, stored.data.accountId, stored.data, stored)];
    default:
      return [];
  }
}

/** An account stream is written by the account decider alone, so its events are account events. */
function isAccountEvent(stored: RecordedEvent): stored is RecordedEvent<AccountEvent> {
  return accountIdOfStream(stored.streamId) !== undefined;
}

/** A client stream is written by the client decider alone. */
function isClientEvent(stored: RecordedEvent): stored is RecordedEvent<ClientEvent> {
  return clientIdOfStream(stored.streamId) !== undefined;
}
