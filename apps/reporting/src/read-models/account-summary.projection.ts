import {
  AccountClosed,
  AccountPaidInFull,
  AccountPlaced,
  AccountReopened,
  ContactAttemptRecorded,
  ConvertedToThirdParty,
  LegalStage,
  LegalStageChanged,
  InvoiceAdded,
  NoticeSent,
  OpenBalanceChanged,
  PaymentPosted,
  PaymentReversed,
  PreCollectionReminderSent,
  PromiseToPayMade,
} from '@lib/contracts';
import type { Projection } from '@lib/read-models';
import type { PaymentPostedV2, PaymentReversedV2 } from '@lib/contracts';
import { collectedBy, uncollectedBy } from './collected';

export const ACCOUNT_SUMMARIES = 'account_summaries';

/** Closing codes whose rest was written off: such an account was not paid in full, whatever the ledger announced. */
const WRITTEN_OFF_CODES: ReadonlySet<string> = new Set(['settled', 'written-off']);

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
  /** As client-intake last said: closed by an AccountClosed, active again after an AccountReopened. */
  status: 'active' | 'closed';
  /** The closing code and instant while closed; cleared when the account reopens. */
  closingCode: string | null;
  closedAt: string | null;
  /** The latest reopening known, kept after the account closes again. */
  reopenedAt: string | null;
  /**
   * The version, in client-intake's account stream, of the closing or reopening that set
   * `status`; null before any. An older one arriving later does not change the status.
   */
  statusVersion: number | null;
  placedAmount: number;
  /** Allocated to the debt by payments, minus reversals (an over-payment's credit is not collected). */
  collected: number;
  /** The ledger's balance after its latest payment or reversal; before any, what was placed minus collected. */
  balance: number;
  /** Set once payments has reported a balance; from then on it is the balance. */
  ledgerBalance: number | null;
  /** When payments last reported the account paid in full; cleared by a reversal that leaves a balance owing. */
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
  /**
   * How the client placed it: `third-party` (collection by the agency) or `pre-collection`
   * (reminders in the client's name first). A pre-collection account stays so after it
   * converts; `convertedAt` says when it became third-party. Documents stored before the
   * service existed lack both: third-party, never converted.
   */
  service: 'pre-collection' | 'third-party';
  preCollectionRemindersSent: number;
  convertedAt: string | null;
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
    reopenedAt: null,
    statusVersion: null,
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
    service: 'third-party',
    preCollectionRemindersSent: 0,
    convertedAt: null,
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
 * Whether a closing or reopening is newer, in client-intake's account stream, than the one
 * that set the status. The store's version guard is kept per stream *and contract type*,
 * so it does not order a closing against a reopening; they travel in order on one
 * partition, but a closing dead-lettered and replayed later must not close the account
 * that has since reopened. Documents stored before `statusVersion` existed take any.
 */
function isNewerStatus(summary: AccountSummary, version: number): boolean {
  const current = summary.statusVersion ?? null;
  return current === null || version > current;
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
    AccountReopened.type,
    PaymentPosted.type,
    PaymentReversed.type,
    AccountPaidInFull.type,
    NoticeSent.type,
    ContactAttemptRecorded.type,
    PromiseToPayMade.type,
    LegalStageChanged.type,
    InvoiceAdded.type,
    OpenBalanceChanged.type,
    PreCollectionReminderSent.type,
    ConvertedToThirdParty.type,
  ],
  documentIds: (event) => [event.data.accountId],
  evolve(document, event) {
    const summary = document ?? empty(event.data.accountId, event.data.clientId);
    const data = event.data;
    switch (event.type) {
      case AccountPlaced.type:
        return withBalance({ ...summary, clientReference: data.clientReference, currency: data.currency, placedAt: data.placedAt, placedAmount: data.placedAmount, service: data.service ?? 'third-party' });
      case AccountClosed.type:
        if (!isNewerStatus(summary, event.version)) return summary;
        // A settled account was not paid in full, whatever the ledger announced before the closing reached here.
        return { ...summary, status: 'closed', closingCode: data.closingCode, closedAt: data.closedAt, statusVersion: event.version, ...(WRITTEN_OFF_CODES.has(data.closingCode) ? { paidInFullAt: null } : {}) };
      case AccountReopened.type: {
        const reopenedAt = later(summary.reopenedAt ?? null, data.reopenedAt);
        if (!isNewerStatus(summary, event.version)) return { ...summary, reopenedAt };
        return { ...summary, status: 'active', closingCode: null, closedAt: null, reopenedAt, statusVersion: event.version };
      }
      case PaymentPosted.type:
        return withBalance({ ...summary, collected: summary.collected + collectedBy(data as PaymentPostedV2), ledgerBalance: data.balanceAfter });
      case PaymentReversed.type:
        // A bounced payment that leaves a balance owing undoes a paid in full. Reversals and
        // paid-in-full announcements come from one ledger stream on one partition, in order,
        // so a later paid in full is never wiped by an earlier reversal.
        return withBalance({
          ...summary,
          collected: summary.collected - uncollectedBy(data as PaymentReversedV2),
          ledgerBalance: data.balanceAfter,
          paidInFullAt: data.balanceAfter > 0 ? null : summary.paidInFullAt,
        });
      case AccountPaidInFull.type:
        // Ledgers older than the settlement write-off's kind announce one after the write-off; the account reads settled.
        if (summary.status === 'closed' && WRITTEN_OFF_CODES.has(summary.closingCode ?? '')) return summary;
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
      case InvoiceAdded.type:
        // An invoice added after placement is placed too; the ledger's balance after it comes with OpenBalanceChanged.
        return withBalance({ ...summary, placedAmount: summary.placedAmount + data.invoice.originalAmount });
      case OpenBalanceChanged.type:
        return withBalance({ ...summary, ledgerBalance: data.balanceAfter });
      case LegalStageChanged.type:
        return { ...summary, legalStage: data.stage, legalAuthorizedAt: data.stage === 'authorized' ? data.changedAt : summary.legalAuthorizedAt };
      case PreCollectionReminderSent.type:
        return { ...summary, service: 'pre-collection', preCollectionRemindersSent: (summary.preCollectionRemindersSent ?? 0) + 1 };
      case ConvertedToThirdParty.type:
        return { ...summary, service: 'pre-collection', convertedAt: data.convertedAt };
      default:
        return document;
    }
  },
};
