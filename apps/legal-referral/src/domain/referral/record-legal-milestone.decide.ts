import { Decision, reject } from '@lib/es-core';
import type { LitigationStep } from './litigation';
import type { LegalMilestone, LegalMilestoneKind, RecordLegalMilestone } from './referral.commands';
import type { LegalMilestoneEvent, ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

export const MILESTONE_OUT_OF_ORDER = 'milestone-out-of-order';
export const LEGAL_FILE_CLOSED = 'legal-file-closed';
export const REFERRAL_NOT_FORWARDED = 'referral-not-forwarded';
export const MILESTONE_AMOUNT_INVALID = 'milestone-amount-invalid';

/**
 * The steps each milestone may follow: a suit is filed once the attorney took the file,
 * served once filed, answered or defaulted once served, judged once answered or defaulted,
 * enforced once judged (and again, by another means or the same). A collection, a closing
 * and a recall may come at any step: a debtor pays on the attorney's first letter as well as
 * after a levy, and the attorney may close or the agency recall before suit.
 */
const MAY_FOLLOW: Record<LegalMilestoneKind, readonly LitigationStep[]> = {
  acknowledged: ['forwarded'],
  'suit-filed': ['acknowledged'],
  served: ['suit-filed'],
  'answer-or-default': ['served'],
  judgment: ['answered', 'defaulted'],
  enforcement: ['judgment', 'enforcement'],
  collected: ['forwarded', 'acknowledged', 'suit-filed', 'served', 'answered', 'defaulted', 'judgment', 'enforcement'],
  closed: ['forwarded', 'acknowledged', 'suit-filed', 'served', 'answered', 'defaulted', 'judgment', 'enforcement'],
  recalled: ['forwarded', 'acknowledged', 'suit-filed', 'served', 'answered', 'defaulted', 'judgment', 'enforcement'],
};

/** On an account intake closed, the attorney's file can still be closed, or taken back from the attorney; nothing else moves. */
const AFTER_ACCOUNT_CLOSED: readonly LegalMilestoneKind[] = ['closed', 'recalled'];

/**
 * The receiving attorney's milestones, in the order a suit takes. An attorney reporting with
 * its own key reaches only the cases forwarded to it: any other case answers as if it did
 * not exist (`referral-unknown`, 404), so a key tells nothing about other attorneys' files.
 */
export function decideRecordLegalMilestone(command: RecordLegalMilestone, state: ReferralCase): Decision<ReferralEvent> {
  const { milestone, reportedByAttorney } = command;
  if (reportedByAttorney !== null && state.attorney?.attorneyId !== reportedByAttorney) return reject('referral-unknown', 'no referral case for this account');
  if (!state.attorney || !state.litigation) return reject(REFERRAL_NOT_FORWARDED, `the case is ${state.stage}: milestones follow the forwarding to an attorney`);
  if (state.stage === 'closed' && !AFTER_ACCOUNT_CLOSED.includes(milestone.kind)) {
    return reject('referral-closed', `the account is closed (${state.closing.closingCode}): only the attorney's closing or a recall can be recorded`);
  }
  const { step } = state.litigation;
  if (step === 'closed') return reject(LEGAL_FILE_CLOSED, `the attorney closed the file (${state.litigation.closing?.outcome ?? 'closed'}); nothing follows`);
  if (!MAY_FOLLOW[milestone.kind].includes(step)) {
    return reject(MILESTONE_OUT_OF_ORDER, `${milestone.kind} cannot follow ${step}: it follows ${MAY_FOLLOW[milestone.kind].join(' or ')}`, { details: { step, milestone: milestone.kind } });
  }
  const amountProblem = amountProblemOf(milestone);
  if (amountProblem) return reject(MILESTONE_AMOUNT_INVALID, amountProblem);
  return [milestoneEvent(milestone, state, state.attorney.attorneyId, command.now.toISOString())];
}

function amountProblemOf(milestone: LegalMilestone): string | undefined {
  if (milestone.kind === 'collected' && !(Number.isSafeInteger(milestone.amount) && milestone.amount > 0)) return 'a collection is a positive amount of minor units';
  if (milestone.kind === 'suit-filed' && !(Number.isSafeInteger(milestone.courtCosts) && milestone.courtCosts >= 0)) return "a suit's court costs are minor units, zero or more";
  if (milestone.kind === 'judgment') {
    const { amount, interest, costs } = milestone;
    if (!(Number.isSafeInteger(amount) && amount > 0)) return 'a judgment is a positive amount of minor units';
    if (![interest, costs].every((part) => Number.isSafeInteger(part) && part >= 0)) return "a judgment's interest and costs are minor units, zero or more";
  }
  return undefined;
}

/** The suit a judgment is entered in, named on the judgment so a consumer can cite it. */
function suitOf(state: ReferralCase): { court?: string; caseNumber?: string } {
  const suit = state.litigation?.suit;
  return suit ? { court: suit.court, caseNumber: suit.caseNumber } : {};
}

function milestoneEvent(milestone: LegalMilestone, state: ReferralCase, attorneyId: string, at: string): LegalMilestoneEvent {
  const facts = { accountId: state.accountId, clientId: state.clientId, attorneyId, balance: state.balance, currency: state.currency };
  switch (milestone.kind) {
    case 'acknowledged':
      return { type: 'AttorneyAcknowledged', data: { ...facts, acknowledgedAt: at } };
    case 'suit-filed':
      // What the suit costs the client travels with it, so payments asks the client for it.
      return { type: 'SuitFiled', data: { ...facts, court: milestone.court, caseNumber: milestone.caseNumber, filedAt: at, suitFee: state.litigation?.feeSchedule?.suitFee ?? 0, courtCosts: milestone.courtCosts } };
    case 'served':
      return { type: 'DebtorServed', data: { ...facts, servedAt: at } };
    case 'answer-or-default':
      return { type: 'AnswerOrDefaultRecorded', data: { ...facts, response: milestone.response, recordedAt: at } };
    case 'judgment':
      return { type: 'JudgmentEntered', data: { ...facts, amount: milestone.amount, interest: milestone.interest, costs: milestone.costs, enteredAt: at, ...suitOf(state) } };
    case 'enforcement':
      return { type: 'EnforcementStarted', data: { ...facts, method: milestone.method, startedAt: at } };
    case 'collected':
      return {
        type: 'AttorneyCollected',
        data: { ...facts, paymentId: milestone.paymentId, amount: milestone.amount, collectedAt: at },
      };
    case 'closed':
      return { type: 'LegalFileClosed', data: { ...facts, outcome: milestone.outcome, closedAt: at } };
    case 'recalled':
      return { type: 'RecalledFromAttorney', data: { ...facts, reason: milestone.reason, recalledAt: at } };
  }
}
