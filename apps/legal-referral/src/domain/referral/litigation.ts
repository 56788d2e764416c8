import type { DebtorResponse, EnforcementMethod, ForwardedToAttorney, LegalMilestoneEvent, LegalOutcome } from './referral.events';

/**
 * Where the suit stands, in the order courts take it. `collected` is not a step: the debtor
 * may pay the attorney at any point, before suit as after judgment.
 */
export type LitigationStep = 'forwarded' | 'acknowledged' | 'suit-filed' | 'served' | DebtorResponse | 'judgment' | 'enforcement' | 'closed';

/** The attorney's file on a forwarded case, folded from the milestones. */
export interface Litigation {
  step: LitigationStep;
  /** The stage the last milestone published (a collection included). */
  lastMilestone: LitigationStep | 'collected';
  lastMilestoneAt: string;
  /** Agreed with the panel attorney at forwarding; null for a forwarding from before the panel. */
  feeSchedule: { suitFee: number; contingencyBp: number } | null;
  acknowledgedAt: string | null;
  suit: { court: string; caseNumber: string; filedAt: string } | null;
  servedAt: string | null;
  response: { response: DebtorResponse; recordedAt: string } | null;
  judgment: { amount: number; interest: number; costs: number; enteredAt: string } | null;
  enforcements: { method: EnforcementMethod; startedAt: string }[];
  collections: { paymentId: string; amount: number; collectedAt: string }[];
  closing: { outcome: LegalOutcome; closedAt: string } | null;
}

export function evolveLitigation(litigation: null, event: ForwardedToAttorney, feeSchedule: ForwardedToAttorney['data']['feeSchedule']): Litigation;
export function evolveLitigation(litigation: Litigation, event: LegalMilestoneEvent): Litigation;
export function evolveLitigation(litigation: Litigation | null, event: ForwardedToAttorney | LegalMilestoneEvent, feeSchedule?: ForwardedToAttorney['data']['feeSchedule']): Litigation {
  if (event.type === 'ForwardedToAttorney' || litigation === null) {
    const at = event.type === 'ForwardedToAttorney' ? event.data.forwardedAt : '';
    return {
      step: 'forwarded',
      lastMilestone: 'forwarded',
      lastMilestoneAt: at,
      feeSchedule: feeSchedule ?? null,
      acknowledgedAt: null,
      suit: null,
      servedAt: null,
      response: null,
      judgment: null,
      enforcements: [],
      collections: [],
      closing: null,
    };
  }
  const moved = (step: LitigationStep, at: string): Litigation => ({ ...litigation, step, lastMilestone: step, lastMilestoneAt: at });
  switch (event.type) {
    case 'AttorneyAcknowledged':
      return { ...moved('acknowledged', event.data.acknowledgedAt), acknowledgedAt: event.data.acknowledgedAt };
    case 'SuitFiled': {
      const { court, caseNumber, filedAt } = event.data;
      return { ...moved('suit-filed', filedAt), suit: { court, caseNumber, filedAt } };
    }
    case 'DebtorServed':
      return { ...moved('served', event.data.servedAt), servedAt: event.data.servedAt };
    case 'AnswerOrDefaultRecorded':
      return { ...moved(event.data.response, event.data.recordedAt), response: { response: event.data.response, recordedAt: event.data.recordedAt } };
    case 'JudgmentEntered': {
      const { amount, interest, costs, enteredAt } = event.data;
      return { ...moved('judgment', enteredAt), judgment: { amount, interest, costs, enteredAt } };
    }
    case 'EnforcementStarted':
      return { ...moved('enforcement', event.data.startedAt), enforcements: [...litigation.enforcements, { method: event.data.method, startedAt: event.data.startedAt }] };
    case 'AttorneyCollected': {
      const { paymentId, amount, collectedAt } = event.data;
      return { ...litigation, lastMilestone: 'collected', lastMilestoneAt: collectedAt, collections: [...litigation.collections, { paymentId, amount, collectedAt }] };
    }
    case 'LegalFileClosed':
      return { ...moved('closed', event.data.closedAt), closing: { outcome: event.data.outcome, closedAt: event.data.closedAt } };
    case 'RecalledFromAttorney':
      return litigation;
  }
}
