import { Decider, Decision } from '@lib/es-core';
import type { LedgerCommand } from './ledger.commands';
import type { LedgerEvent } from './ledger.events';
import { evolveLedger, initialLedgerState, LedgerState } from './ledger.state';
import { decidePostPayment } from './post-payment.decide';
import { decideRecordCancellationFee, decideRecordDirectPayment } from './after-recall-and-direct.decide';
import { decideRefundCredit } from './refund-credit.decide';
import { decideApplyLegalRate, decideEndLegalRate } from './legal-rate.decide';
import { decideReversePayment } from './reverse-payment.decide';
import { decideAddLedgerInvoice, decideAdjustOpenBalance } from './account-changes.decide';

/** The default plan (docs/domain.md, Money): 40% on anything collected while the account is with an attorney. */
export const LEGAL_RATE_BP = 4_000;

function decide(command: LedgerCommand, state: LedgerState): Decision<LedgerEvent> {
  switch (command.type) {
    case 'OpenLedger':
      // One placement opens one ledger; hearing it again changes nothing.
      if (state.status !== 'none') return [];
      return [
        {
          type: 'LedgerOpened',
          data: {
            accountId: command.accountId,
            clientId: command.clientId,
            currency: command.currency,
            invoices: command.invoices.map(({ number, dueDate, amount }) => ({ number, dueDate, amount })),
            commissionRateBp: command.commissionRateBp,
            placedAt: command.placedAt,
            placedAmount: command.placedAmount,
            category: command.category,
            ...(command.preCollection ? { preCollection: command.preCollection } : {}),
          },
        },
        ...(command.preCollection
          ? [
              {
                type: 'PreCollectionFeeOwed' as const,
                data: {
                  accountId: command.accountId,
                  clientId: command.clientId,
                  amount: command.preCollection.flatFee,
                  currency: command.currency,
                  agreementVersion: command.preCollection.agreementVersion,
                  owedAt: command.placedAt ?? command.preCollection.windowEndsAt,
                },
              },
            ]
          : []),
      ];
    case 'ApplyLegalRate':
      return decideApplyLegalRate(command, state);
    case 'EndLegalRate':
      return decideEndLegalRate(command, state);
    case 'PostPayment':
      return command.direct ? decideRecordDirectPayment(command, state) : decidePostPayment(command, state);
    case 'RecordCancellationFee':
      return decideRecordCancellationFee(command, state);
    case 'ReversePayment':
      return decideReversePayment(command, state);
    case 'RefundCredit':
      return decideRefundCredit(command, state);
    case 'AddLedgerInvoice':
      return decideAddLedgerInvoice(command, state);
    case 'AdjustOpenBalance':
      return decideAdjustOpenBalance(command, state);
  }
}

/** One ledger per account, stream `ledger-<accountId>`. */
export const ledgerDecider: Decider<LedgerState, LedgerCommand, LedgerEvent> = {
  initialState: initialLedgerState,
  evolve: evolveLedger,
  decide,
};
