import { RecordedEvent } from '@lib/es-core';
import { AccountClosed, AccountPlaced, AccountReopened, LegalReferralAuthorized } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { AccountEvent } from '../../domain/account/account.events';

/** Domain events of intake -> the published language (`intake.accounts`, keyed by account id). */
export function intakeGateway(stored: RecordedEvent): OutgoingMessage[] {
  const event = stored as unknown as RecordedEvent<AccountEvent> & AccountEvent;
  switch (event.type) {
    case 'AccountPlaced': {
      const { debtor, ...rest } = event.data;
      const published = { ...rest, debtor: { kind: debtor.kind, legalName: debtor.legalName, country: debtor.country, region: debtor.region } };
      return [integrationMessage(AccountPlaced, event.data.accountId, published, stored)];
    }
    case 'AccountClosed':
      return [integrationMessage(AccountClosed, event.data.accountId, event.data, stored)];
    case 'AccountReopened':
      return [integrationMessage(AccountReopened, event.data.accountId, event.data, stored)];
    case 'LegalReferralAuthorized':
      return [integrationMessage(LegalReferralAuthorized, event.data.accountId, event.data, stored)];
    default:
      return [];
  }
}
