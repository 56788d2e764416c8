import { isRejection } from '@lib/es-core';
import { referralDecider } from '../referral/referral.decider';
import { ReferralCommand } from '../referral/referral.commands';
import { ReferralEvent } from '../referral/referral.events';
import { closedOn, daysAfterPlacement, openCommand, opened, paymentNoted, reopenCommand, reopened } from '../referral/referral.fixtures';
import { legalReviewWorkflow, SchedulerCommand } from './legal-review.workflow';

/** `given(history).when(event).then(commands)`: what the workflow asks of the scheduler when `event` follows `history`. */
function given(history: readonly ReferralEvent[]) {
  const state = history.reduce(legalReviewWorkflow.evolve, legalReviewWorkflow.initialState());
  return {
    when: (event: ReferralEvent) => ({ then: (expected: SchedulerCommand[]) => expect(legalReviewWorkflow.decide(event, state)).toEqual(expected) }),
  };
}

/** The one event the referral decider records for `command` after `history`: the workflow reacts to what the decider decided. */
function decided(history: readonly ReferralEvent[], command: ReferralCommand): ReferralEvent {
  const decision = referralDecider.decide(command, history.reduce(referralDecider.evolve, referralDecider.initialState()));
  if (isRejection(decision) || decision.length !== 1) throw new Error(`expected one event, got ${JSON.stringify(decision)}`);
  return decision[0];
}

const schedule = (workId: string, dueAt: Date): SchedulerCommand => ({ type: 'ScheduleWork', workId, kind: 'legal-review', dueAt: dueAt.toISOString(), payload: { accountId: 'acc-1' } });
const cancel = (workId: string): SchedulerCommand => ({ type: 'CancelWork', workId });

describe('the legal review workflow', () => {
  const paidOnDay44 = paymentNoted('p-1', 50_000, 700_050, daysAfterPlacement(44));
  const heldBack = (history: ReferralEvent[]) => decided(history, { type: 'ReviewForLegal', now: daysAfterPlacement(45) });

  it('books the review 45 days after placement when the case opens', () => {
    given([]).when(decided([], openCommand())).then([schedule('legal-review-acc-1', daysAfterPlacement(45))]);
  });

  it('books nothing for an opening it has seen already', () => given([opened()]).when(opened()).then([]));

  it('books a follow-up 45 days after a recent payment that alone held the review back', () => {
    const history = [opened(), paidOnDay44];
    given(history).when(heldBack(history)).then([schedule('legal-review-acc-1-after-p-1', daysAfterPlacement(89))]);
  });

  it('asks for the same follow-up again when a review names it again: the scheduler keeps the first booking', () => {
    const history = [opened(), paidOnDay44];
    const first = heldBack(history);
    given([...history, first]).when(first).then([schedule('legal-review-acc-1-after-p-1', daysAfterPlacement(89))]);
  });

  it('books nothing after a review that recommends suit or that waiting would not cure', () => {
    given([opened()]).when(heldBack([opened()])).then([]);
    const paidDown = [opened(), paymentNoted('p-1', 300_000, 450_050, daysAfterPlacement(44))];
    given(paidDown).when(heldBack(paidDown)).then([]);
  });

  it('cancels the day-45 review and every follow-up booked when the case closes', () => {
    const history = [opened(), paidOnDay44];
    const withFollowUp = [...history, heldBack(history)];
    given(withFollowUp).when(closedOn(50)).then([cancel('legal-review-acc-1'), cancel('legal-review-acc-1-after-p-1')]);
  });

  it('cancels nothing when a closed case is closed again', () => given([opened(), closedOn(10)]).when(closedOn(12)).then([]));

  it('books a review 45 days after a reopening, numbered per reopening', () => {
    const closed = [opened(), closedOn(10)];
    given(closed).when(decided(closed, reopenCommand(20))).then([schedule('legal-review-acc-1-reopened-1', daysAfterPlacement(65))]);
    const closedAgain = [...closed, reopened(20), closedOn(30)];
    given(closedAgain).when(decided(closedAgain, reopenCommand(40))).then([schedule('legal-review-acc-1-reopened-2', daysAfterPlacement(85))]);
  });

  it('cancels on closing again only what was booked since the reopening: the closure before cancelled the rest', () => {
    const reopenedCase = [opened(), closedOn(10), reopened(20), paymentNoted('p-2', 10_000, 740_050, daysAfterPlacement(60))];
    const review = decided(reopenedCase, { type: 'ReviewForLegal', now: daysAfterPlacement(65) });
    given([...reopenedCase, review]).when(closedOn(70)).then([cancel('legal-review-acc-1-reopened-1'), cancel('legal-review-acc-1-after-p-2')]);
  });

  it('books nothing for a reopening of a case that is open', () => given([opened()]).when(reopened(20)).then([]));
});
