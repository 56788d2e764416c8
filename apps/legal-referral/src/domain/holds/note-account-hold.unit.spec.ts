import { given } from '@lib/es-core/testing/given-when-then';
import type { ReferralEvent } from '../referral/referral.events';
import { daysAfterPlacement, opened } from '../referral/referral.fixtures';
import { HoldNoteCommand, referralHoldsDecider } from './note-account-hold.decide';

const accountId = opened().data.accountId;
const hold = { holdId: 'hold-bk', kind: 'bankruptcy', reason: 'notice of filing', endsAt: null, placedAt: daysAfterPlacement(10).toISOString(), bankruptcy: { chapter: 7, caseNumber: '1:26-bk-10001', filedOn: '2026-01-02' } };
const noteHold: HoldNoteCommand = { type: 'NoteAccountHold', hold };
const noted: ReferralEvent = { type: 'AccountHoldNoted', data: { accountId, ...hold } };
const noteLift: HoldNoteCommand = { type: 'NoteAccountHoldLift', holdId: 'hold-bk', kind: 'bankruptcy', reason: 'case dismissed', liftedAt: daysAfterPlacement(20).toISOString() };
const liftNoted: ReferralEvent = { type: 'AccountHoldLiftNoted', data: { accountId, holdId: 'hold-bk', kind: 'bankruptcy', reason: 'case dismissed', liftedAt: daysAfterPlacement(20).toISOString() } };

describe('noting the holds debtor contact places', () => {
  it('a hold placed is noted on the case', () => given(referralHoldsDecider, [opened()]).when(noteHold).then([noted]));

  it('a hold heard twice is noted once', () => given(referralHoldsDecider, [opened(), noted]).when(noteHold).then([]));

  it('a lifted hold is noted as lifted', () => given(referralHoldsDecider, [opened(), noted]).when(noteLift).then([liftNoted]));

  it('a lift of a hold not standing changes nothing', () => given(referralHoldsDecider, [opened(), noted, liftNoted]).when(noteLift).then([]));

  it('a hold for a case not opened yet is unknown (the message is delivered again)', () => given(referralHoldsDecider, []).when(noteHold).thenRejects('referral-unknown'));
});
