import {
  AccountClosed,
  AccountPaidInFull,
  AccountPlaced,
  ContactAttemptRecorded,
  LegalStage,
  LegalStageChanged,
  NoticeSent,
  PaymentPosted,
  PaymentReversed,
  PromiseToPayMade,
} from '@lib/contracts';
import type { Projection } from '@lib/read-models';

export const ACCOUNT_SUMMARIES = 'account_summaries';

export interface PromiseSummary {
  promiseId: string;
  amount: number;
  currency: string;
  dueDate: string;
  madeAt: string;
}

/** One account as every service has reported it. Money in minor units of `currency`. */
export interface AccountSummary {
  accountId: string;
  clientId: string;
  clientReference: string | null;
  currency: string | null;
  placedAt: string | null;
  status: 'active' | 'closed';
  closingCode: string | null;
  closedAt: string | null;
  placedAmount: number;
  /** Payments minus reversals. */
  collected: number;
  /** The ledger's balance after its latest payment or reversal; before any, what was placed minus collected. */
  balance: number;
  /** Set once payments has reported a balance; from then on it is the balance. */
  ledgerBalance: number | null;
  paidInFullAt: string | null;
  /** Latest notice or contact attempt, whichever came last. */
  lastContactAt: string | null;
  noticesSent: number;
  contactAttempts: number;
  rightPartyContacts: number;
  promises: PromiseSummary[];
  /**
   * When the client's authorization of suit took effect: legal-referral's move to the
   * `authorized` stage, stamped with the client's instant. Client-intake's
   * LegalReferralAuthorized is only the client's request; legal-referral may ignore it
   * (no recommendation yet, closed, another client...) and then publishes no stage
   * change, so the request alone shows nothing here.
   */
  legalAuthorizedAt: string | null;
  legalStage: LegalStage | null;
}

function empty(accountId: string, clientId: string): AccountSummary {
  return {
    accountId,
    clientId,
    clientReference: null,
    currency: null,
    placedAt: null,
    status: 'active',
    closingCode: null,
    closedAt: null,
    placedAmount: 0,
    collected: 0,
    balance: 0,
    ledgerBalance: null,
    paidInFullAt: null,
    lastContactAt: null,
    noticesSent: 0,
    contactAttempts: 0,
    rightPartyContacts: 0,
    promises: [],
    legalAuthorizedAt: null,
    legalStage: null,
  };
}

function withBalance(summary: AccountSummary): AccountSummary {
  return { ...summary, balance: summary.ledgerBalance ?? summary.placedAmount - summary.collected };
}

/** Instants compared as instants: the later one wins whatever order they arrived in. */
function later(current: string | null, candidate: string): string {
  return current !== null && Date.parse(current) >= Date.parse(candidate) ? current : candidate;
}

/**
 * Every service's facts about an account, folded into one document per account. Facts
 * from different services travel on different topics and may arrive in any order, so
 * any of them can start the document (every contract carries the client id).
 */
export const accountSummaryProjection: Projection<AccountSummary> = {
  name: ACCOUNT_SUMMARIES,
  handles: [
    AccountPlaced.type,
    AccountClosed.type,
    PaymentPosted.type,
    PaymentReversed.type,
    AccountPaidInFull.type,
    NoticeSent.type,
    ContactAttemptRecorded.type,
    PromiseToPayMade.type,
    LegalStageChanged.type,
  ],
  documentIds: (event) => [event.data.accountId],
  evolve(document, event) {
    const summary = document ?? empty(event.data.accountId, event.data.clientId);
    const data = event.data;
    switch (event.type) {
      case AccountPlaced.type:
        return withBalance({ ...summary, clientReference: data.clientReference, currency: data.currency, placedAt: data.placedAt, placedAmount: data.placedAmount });
      case AccountClosed.type:
        return { ...summary, status: 'closed', closingCode: data.closingCode, closedAt: data.closedAt };
      case PaymentPosted.type:
        return withBalance({ ...summary, collected: summary.collected + data.amount, ledgerBalance: data.balanceAfter });
      case PaymentReversed.type:
        return withBalance({ ...summary, collected: summary.collected - data.amount, ledgerBalance: data.balanceAfter });
      case AccountPaidInFull.type:
        return { ...summary, paidInFullAt: data.paidAt };
      case NoticeSent.type:
        return { ...summary, noticesSent: summary.noticesSent + 1, lastContactAt: later(summary.lastContactAt, data.sentAt) };
      case ContactAttemptRecorded.type:
        return {
          ...summary,
          contactAttempts: summary.contactAttempts + 1,
          rightPartyContacts: summary.rightPartyContacts + (data.rightPartyContact ? 1 : 0),
          lastContactAt: later(summary.lastContactAt, data.occurredAt),
        };
      case PromiseToPayMade.type:
        return {
          ...summary,
          promises: [...summary.promises, { promiseId: data.promiseId, amount: data.amount, currency: data.currency, dueDate: data.dueDate, madeAt: data.madeAt }],
        };
      case LegalStageChanged.type:
        return { ...summary, legalStage: data.stage, legalAuthorizedAt: data.stage === 'authorized' ? data.changedAt : summary.legalAuthorizedAt };
      default:
        return document;
    }
  },
};
