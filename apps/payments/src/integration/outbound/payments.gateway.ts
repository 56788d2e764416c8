import { RecordedEvent } from '@lib/es-core';
import { AccountPaidInFull, CommissionCorrected, CreditRefunded, PaymentPosted, PaymentReversed } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { Allocation, LedgerEvent } from '../../domain/ledger/ledger.events';
import { accountIdOfStream } from '../../payments.dependencies';
import { openBalanceChangeMessages } from './account-changes.gateway';
import type { CostAdvanceEvent } from '../../domain/cost-advances/cost-advance.events';
import { costAdvanceMessages } from './cost-advances.gateway';
import { remittanceMessages } from './remittances.gateway';

/**
 * Domain events of payments -> the published language (`payments.ledger`, keyed by
 * account id). Each message carries exactly its contract's fields; ledger opening and the
 * rate switch stay inside (the audit copy still carries them). Events come through the
 * upcasting store, so a payment stored as v1 publishes the same PaymentPosted.v3 message as a new one.
 */
export function paymentsGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (isCostAdvanceEvent(stored)) return costAdvanceMessages(stored);
  if (!isLedgerEvent(stored)) return remittanceMessages(stored);
  const event = stored;
  switch (event.type) {
    case 'PaymentPosted.v2': {
      const { accountId, clientId, paymentId, amount, currency, method, allocations, commission, commissionRateBp, plan, credit, balanceAfter, postedAt, direct, clearsAt, preCollection } = event.data;
      return [
        integrationMessage(
          PaymentPosted,
          accountId,
          {
            accountId,
            clientId,
            paymentId,
            amount,
            currency,
            method,
            allocations: published(allocations),
            commission,
            commissionRateBp,
            // Absent on payments stored before plans, holds and direct reports: no plan, cleared, collected by the agency.
            plan: plan ? { planId: plan.planId, agreementVersion: plan.agreementVersion, tierId: plan.tierId } : null,
            credit,
            balanceAfter,
            postedAt,
            direct: direct === true,
            clearsAt: clearsAt ?? null,
            ...(preCollection ? { preCollection } : {}),
          },
          stored,
        ),
      ];
    }
    case 'PaymentReversed': {
      const { accountId, clientId, paymentId, amount, currency, allocations, commission, credit, reason, balanceAfter, reversedAt } = event.data;
      return [
        integrationMessage(
          PaymentReversed,
          accountId,
          { accountId, clientId, paymentId, amount, currency, allocations: published(allocations), commission, credit, reason, balanceAfter, reversedAt },
          stored,
        ),
      ];
    }
    case 'AccountPaidInFull': {
      const { accountId, clientId, paidAt } = event.data;
      return [integrationMessage(AccountPaidInFull, accountId, { accountId, clientId, paidAt }, stored)];
    }
    case 'CommissionCorrected': {
      const { accountId, clientId, paymentId, currency, commissionBefore, commission, difference, commissionRateBp, cause, effectiveFrom, correctedAt } = event.data;
      return [integrationMessage(CommissionCorrected, accountId, { accountId, clientId, paymentId, currency, commissionBefore, commission, difference, commissionRateBp, cause, effectiveFrom, correctedAt }, stored)];
    }
    case 'CreditRefunded': {
      const { accountId, clientId, refundId, amount, currency, creditOwedAfter, refundedAt } = event.data;
      return [integrationMessage(CreditRefunded, accountId, { accountId, clientId, refundId, amount, currency, creditOwedAfter, refundedAt }, stored)];
    }
    case 'LedgerInvoiceAdded':
    case 'OpenBalanceAdjusted':
      return openBalanceChangeMessages(stored);
    default:
      return [];
  }
}

/** Only the contract's fields of an allocation, whatever else the stored one carries. */
const published = (allocations: Allocation[]) => allocations.map(({ invoiceNumber, amount }) => ({ invoiceNumber, amount }));

/** A ledger stream is written by the ledger decider alone, so its events are ledger events. */
function isLedgerEvent(stored: RecordedEvent): stored is RecordedEvent<LedgerEvent> {
  return accountIdOfStream(stored.streamId) !== undefined && stored.streamId.startsWith('ledger-');
}

/** A cost-advances stream is written by the cost-advances decider alone. */
function isCostAdvanceEvent(stored: RecordedEvent): stored is RecordedEvent<CostAdvanceEvent> {
  return stored.streamId.startsWith('cost-advances-');
}
