import { RecordedEvent } from '@lib/es-core';
import { AccountClosed, AccountPlaced, AccountReopened, LegalReferralAuthorized } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { accountIdOfStream } from '../../client-intake.dependencies';
import type { AccountEvent } from '../../domain/account/account.events';

/**
 * Domain events of intake -> the published language (`intake.accounts`, keyed by account
 * id). Only accounts are published: clients, their keys and idempotency records stay inside.
 */
export function intakeGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (!isAccountEvent(stored)) return [];
  switch (stored.type) {
    case 'AccountPlaced': {
      const { debtor, ...rest } = stored.data;
      const published = { ...rest, debtor: { kind: debtor.kind, legalName: debtor.legalName, country: debtor.country, region: debtor.region } };
      return [integrationMessage(AccountPlaced, stored.data.accountId, published, stored)];
    }
    case 'AccountClosed':
      return [integrationMessage(AccountClosed, stored.data.accountId, stored.data, stored)];
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
