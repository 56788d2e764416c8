import { given } from '@lib/es-core/testing/given-when-then';
import type { ReferralEvent } from '../referral/referral.events';
import { daysAfterPlacement, opened } from '../referral/referral.fixtures';
import { HoldNoteCommand, referralHoldsDecider } from './note-account-hold.decide';

const accountId = opened().data.accountId;
const hold = { holdId: 'hold-bk', kind: 'bankruptcy', reason: 'notice of filing', endsAt: null, placedAt: daysAfterPlacement(10).toISOString(), bankruptcy: { chapter: 7, caseNumber: '1:26-bk-10001', filedOn: '2026-01-02' } };
const noteHold: HoldNoteCommand = { type: 'NoteAccountHold', hold };
const noted: ReferralEvent = { type: 'AccountHoldNoted', data: { accountId, ...hold } };
const noteLift: HoldNoteCommand = { type: 'NoteAccountHoldLift', holdId: 'hold-bk', kind: 'bankruptcy', reason: 'case dismissed', liftedAt: daysAfterPlacement(20).toISOString() };
const tolled: ReferralEvent = {
  type: 'SolTolled',
  data: { accountId, tollingId: 'hold-bk', reason: 'bankruptcy-stay', startsOn: '2026-01-02', endsOn: null, note: 'Chapter 7 petition, case 1:26-bk-10001: the automatic stay (heard from debtor contact)', recordedAt: hold.placedAt },
};
const tollingEnded: ReferralEvent = { type: 'SolTollingEnded', data: { accountId, tollingId: 'hold-bk', endsOn: daysAfterPlacement(20).toISOString().slice(0, 10), recordedAt: daysAfterPlacement(20).toISOString() } };
const liftNoted: ReferralEvent = { type: 'AccountHoldLiftNoted', data: { accountId, holdId: 'hold-bk', kind: 'bankruptcy', reason: 'case dismissed', liftedAt: daysAfterPlacement(20).toISOString() } };

describe('noting the holds debtor contact places', () => {
  it("a bankruptcy's hold is noted on the case and tolls the statute of limitations from the petition's filing day", () => given(referralHoldsDecider, [opened()]).when(noteHold).then([noted, tolled]));

  it('a hold of another kind is noted and tolls nothing', () => {
    const dispute = { ...hold, holdId: 'hold-dispute', kind: 'dispute', bankruptcy: undefined, disputeId: 'd-1' };
    const { bankruptcy: _none, ...disputeData } = dispute;
    given(referralHoldsDecider, [opened()])
      .when({ type: 'NoteAccountHold', hold: disputeData })
      .then([{ type: 'AccountHoldNoted', data: { accountId, ...disputeData } }]);
  });

  it('a hold heard twice is noted once', () => given(referralHoldsDecider, [opened(), noted, tolled]).when(noteHold).then([]));

  it("a bankruptcy's hold lifted (a dismissal) is noted as lifted and ends its tolling that day", () => given(referralHoldsDecider, [opened(), noted, tolled]).when(noteLift).then([liftNoted, tollingEnded]));

  it('a bankruptcy hold noted before holds tolled lifts without ending any tolling', () => given(referralHoldsDecider, [opened(), noted]).when(noteLift).then([liftNoted]));

  it('a lift of a hold not standing changes nothing', () => given(referralHoldsDecider, [opened(), noted, tolled, liftNoted, tollingEnded]).when(noteLift).then([]));

  it('a hold for a case not opened yet is unknown (the message is delivered again)', () => given(referralHoldsDecider, []).when(noteHold).thenRejects('referral-unknown'));
});
