import { Decider, Decision, reject } from '@lib/es-core';
import { STANDING_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { describeFailures, failedCriteria } from '../criteria/legal-criterion';
import { ATTORNEY_JURISDICTION_MISMATCH, attorneyJurisdictionVerdict } from './attorney-jurisdiction.rule';
import {
  CloseReferralCase,
  ForwardToAttorney,
  NotePayment,
  NotePaymentReversal,
  OpenReferralCase,
  RecordClientAuthorization,
  ReferralCommand,
  ReopenReferralCase,
} from './referral.commands';
import { ReferralEvent } from './referral.events';
import { initialReferralState, evolveReferral, ReferralCase, ReferralState } from './referral.state';
import { decideReviewForLegal } from './review-for-legal.decide';

const DAY_MS = 86_400_000;
/** The default commercial cadence (docs/domain.md, The life of an account): legal review on day 45 after placement. */
export const LEGAL_REVIEW_AFTER_DAYS = 45;

/** The day-45 rule: a review falls due 45 days after the case (re)opened. */
const reviewDueAfter = (openedAt: string): string => new Date(new Date(openedAt).getTime() + LEGAL_REVIEW_AFTER_DAYS * DAY_MS).toISOString();

const unknown = () => reject<ReferralEvent>('referral-unknown', 'no referral case for this account');

function open(command: OpenReferralCase, state: ReferralState): Decision<ReferralEvent> {
  // One placement opens one case; a second opening is the same fact arriving again.
  if (state.stage !== 'none') return [];
  if (command.invoiceDueDates.length === 0) return reject('placement-without-invoices', 'a placement names at least one invoice');
  const oldestDueDate = [...command.invoiceDueDates].sort()[0].slice(0, 10);
  return [
    {
      type: 'ReferralCaseOpened',
      data: {
        accountId: command.accountId,
        clientId: command.clientId,
        commercial: command.commercial,
        currency: command.currency,
        balance: command.placedAmount,
        placedAt: command.placedAt,
        oldestDueDate,
        debtorCountry: command.debtorCountry,
        debtorRegion: command.debtorRegion,
        reviewDueAt: reviewDueAfter(command.placedAt),
      },
    },
  ];
}

function notePayment(command: NotePayment, state: ReferralCase): Decision<ReferralEvent> {
  if (state.payments.some((p) => p.paymentId === command.paymentId)) return [];
  const { paymentId, amount, balanceAfter, paidAt } = command;
  return [{ type: 'PaymentNoted', data: { accountId: state.accountId, paymentId, amount, balanceAfter, paidAt } }];
}

function notePaymentReversal(command: NotePaymentReversal, state: ReferralCase): Decision<ReferralEvent> {
  if (state.payments.some((p) => p.paymentId === command.paymentId && p.reversed)) return [];
  // Payments owns the balance: its figure after the reversal is taken even for a payment this case never saw.
  const { paymentId, amount, balanceAfter, reversedAt } = command;
  return [{ type: 'PaymentReversalNoted', data: { accountId: state.accountId, paymentId, amount, balanceAfter, reversedAt } }];
}

function close(command: CloseReferralCase, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage === 'closed') return [];
  return [{ type: 'ReferralCaseClosed', data: { accountId: state.accountId, closingCode: command.closingCode, closedAt: command.closedAt } }];
}

/**
 * A reopening undoes the closure: the case goes back to the stage it had when it closed
 * (a recommendation, an authorization or a forwarding stands; the authorization and the
 * forwarding check the standing criteria again anyway) and is due a review 45 days on
 * (the inbound handler books it), since the closure cancelled its reviews. Only a closed
 * case reopens, so a redelivery changes nothing; nor does a reopening older than the
 * closure: it undid an earlier one.
 */
function reopen(command: ReopenReferralCase, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage !== 'closed' || !state.closing) return [];
  if (new Date(command.reopenedAt).getTime() < new Date(state.closing.closedAt).getTime()) return [];
  // Payments own the balance. Intake relays payments' figure; it stands in for the reversal
  // it names until that arrives (another topic), but never replaces what payments told us since.
  const reversalNoted = command.paymentId !== null && state.payments.some((p) => p.paymentId === command.paymentId && p.reversed);
  return [
    {
      type: 'ReferralCaseReopened',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        previousClosingCode: command.previousClosingCode,
        reason: command.reason,
        paymentId: command.paymentId,
        balance: reversalNoted ? state.balance : command.balance,
        reopenedAt: command.reopenedAt,
        stage: state.closing.stageBefore,
        reviewDueAt: reviewDueAfter(command.reopenedAt),
      },
    },
  ];
}

/**
 * The client's authorization takes effect only on a recommended case whose recommendation
 * still holds when the client authorizes (judged at `authorizedAt`); otherwise it is
 * recorded as ignored, with why, so the client's act is never silently dropped.
 */
function recordAuthorization(command: RecordClientAuthorization, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage === 'authorized' || state.stage === 'forwarded') return [];
  const ignored = (reason: string): ReferralEvent[] => [
    { type: 'AuthorizationIgnored', data: { accountId: state.accountId, clientId: command.clientId, authorizedAt: command.authorizedAt, reason } },
  ];
  if (command.clientId !== state.clientId) return ignored('authorized by a client that did not place the account');
  if (state.stage === 'closed') return ignored('the account is closed');
  if (!command.agreesToSuitFee || !command.agreesToAdvanceCosts) return ignored('suit needs the client to agree to the suit fee and to advance court costs');
  if (state.stage === 'opened') return ignored('no legal review has recommended the account yet');
  if (state.stage === 'not-recommended') {
    const failed = state.lastReview?.failedRules.map((f) => f.rule).join(', ') ?? '';
    return ignored(`the last legal review did not recommend suit (failed: ${failed})`);
  }
  const noLongerHolds = failedCriteria(STANDING_LEGAL_CRITERIA, { referral: state, now: new Date(command.authorizedAt) });
  if (noLongerHolds.length > 0) return ignored(`the recommendation no longer holds (failed: ${describeFailures(noLongerHolds)})`);
  return [
    {
      type: 'ReferralAuthorized',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        balance: state.balance,
        currency: state.currency,
        authorizedAt: command.authorizedAt,
        agreesToSuitFee: command.agreesToSuitFee,
        agreesToAdvanceCosts: command.agreesToAdvanceCosts,
      },
    },
  ];
}

/**
 * Commercial practice: the agency forwards, the receiving attorney sues; only with the
 * client's authorization, only while the criteria that time and payments can undo still
 * hold now (a time-barred account is never referred), and only to an attorney for the
 * debtor's jurisdiction. The account's own reasons come before the attorney's: they hold
 * whichever attorney is chosen. A refusal records nothing; the case stays authorized, so it
 * forwards once the reason goes away (a bounced payment restores the balance).
 */
function forward(command: ForwardToAttorney, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage === 'forwarded') return reject('already-forwarded', `already forwarded to attorney ${state.attorney?.attorneyId ?? ''}`.trim());
  if (state.stage === 'closed') return reject('referral-closed', 'the account is closed');
  if (state.stage !== 'authorized') return reject('referral-not-authorized', 'the client has not authorized suit on this account');
  const noLongerHolds = failedCriteria(STANDING_LEGAL_CRITERIA, { referral: state, now: command.now });
  if (noLongerHolds.length > 0) return reject(noLongerHolds[0].rule, describeFailures(noLongerHolds));
  const jurisdiction = attorneyJurisdictionVerdict(command.jurisdiction, state);
  if (!jurisdiction.pass) return reject(ATTORNEY_JURISDICTION_MISMATCH, jurisdiction.reason);
  return [
    {
      type: 'ForwardedToAttorney',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        balance: state.balance,
        currency: state.currency,
        attorneyId: command.attorneyId,
        attorneyName: command.attorneyName,
        jurisdiction: command.jurisdiction,
        forwardedAt: command.now.toISOString(),
      },
    },
  ];
}

function decide(command: ReferralCommand, state: ReferralState): Decision<ReferralEvent> {
  if (command.type === 'OpenReferralCase') return open(command, state);
  if (command.type === 'ReviewForLegal') return decideReviewForLegal(command, state);
  if (state.stage === 'none') return unknown();
  switch (command.type) {
    case 'NotePayment':
      return notePayment(command, state);
    case 'NotePaymentReversal':
      return notePaymentReversal(command, state);
    case 'CloseReferralCase':
      return close(command, state);
    case 'ReopenReferralCase':
      return reopen(command, state);
    case 'RecordClientAuthorization':
      return recordAuthorization(command, state);
    case 'ForwardToAttorney':
      return forward(command, state);
  }
}

/** One referral case per account, stream `referral-<accountId>`. */
export const referralDecider: Decider<ReferralState, ReferralCommand, ReferralEvent> = {
  initialState: initialReferralState,
  evolve: evolveReferral,
  decide,
};
