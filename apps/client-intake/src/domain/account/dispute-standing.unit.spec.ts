import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import type { ClearDispute, NoteDispute, RecallAccount, RecallTerms } from './account.commands';
import { accountDecider } from './account.decider';
import type { AccountEvent } from './account.events';
import { closedAs, NOW, placed, reopened } from './account.fixtures';

const openedAt = '2026-02-20T10:00:00.000Z';
const resolvedAt = '2026-02-25T10:00:00.000Z';
const noteDispute = (disputeId = 'dsp-1'): NoteDispute => ({ type: 'NoteDispute', disputeId, openedAt });
const clearDispute = (disputeId = 'dsp-1', outcome: ClearDispute['outcome'] = 'rejected'): ClearDispute => ({ type: 'ClearDispute', disputeId, outcome, resolvedAt });
const noted = (disputeId = 'dsp-1'): AccountEvent => ({ type: 'DisputeNoted', data: { accountId: 'acc-1', disputeId, openedAt } });
const cleared = (disputeId = 'dsp-1', outcome: ClearDispute['outcome'] = 'rejected'): AccountEvent => ({ type: 'DisputeCleared', data: { accountId: 'acc-1', disputeId, outcome, resolvedAt } });

const disputeOpen = (history: AccountEvent[]) => {
  const state = fold(accountDecider, history);
  if (state.status === 'none') throw new Error('the history places no account');
  return state.standing.disputeOpen;
};

const terms: RecallTerms = { agreementVersion: null, currency: 'USD', clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 1, cash: 0 }, cancellationFee: { flat: 0, rateOfBalanceBp: 0 } };
const recall: RecallAccount = { type: 'RecallAccount', requester: { role: 'client', id: 'client-1' }, force: null, terms, now: NOW };

describe('the dispute flag of an account', () => {
  it('a dispute opened on the account is noted and sets the flag', () => {
    given(accountDecider, [placed]).when(noteDispute()).then([noted()]);
    expect(disputeOpen([placed, noted()])).toBe(true);
  });

  it('a dispute resolved as upheld clears the flag', () => {
    given(accountDecider, [placed, noted()]).when(clearDispute('dsp-1', 'upheld')).then([cleared('dsp-1', 'upheld')]);
    expect(disputeOpen([placed, noted(), cleared('dsp-1', 'upheld')])).toBe(false);
  });

  it('a dispute resolved as rejected clears the flag too', () => {
    given(accountDecider, [placed, noted()]).when(clearDispute('dsp-1', 'rejected')).then([cleared('dsp-1', 'rejected')]);
    expect(disputeOpen([placed, noted(), cleared('dsp-1', 'rejected')])).toBe(false);
  });

  it('the same dispute opened twice is noted once', () => given(accountDecider, [placed, noted()]).when(noteDispute()).then([]));

  it('the same resolution heard twice is cleared once', () => given(accountDecider, [placed, noted(), cleared()]).when(clearDispute()).then([]));

  it('a dispute heard opening again after its resolution does not open it again', () => given(accountDecider, [placed, noted(), cleared()]).when(noteDispute()).then([]));

  it('a resolution heard before its opening is recorded, so the late opening opens nothing', () => {
    given(accountDecider, [placed]).when(clearDispute()).then([cleared()]);
    given(accountDecider, [placed, cleared()]).when(noteDispute()).then([]);
    expect(disputeOpen([placed, cleared()])).toBe(false);
  });

  it('two disputes open need two resolutions to clear the flag', () => {
    expect(disputeOpen([placed, noted('dsp-1'), noted('dsp-2'), cleared('dsp-1')])).toBe(true);
    expect(disputeOpen([placed, noted('dsp-1'), noted('dsp-2'), cleared('dsp-1'), cleared('dsp-2')])).toBe(false);
  });

  it('a closed account records disputes, so a reopened account still knows which are open', () => {
    given(accountDecider, [placed, closedAs('paid-in-full')]).when(noteDispute()).then([noted()]);
    expect(disputeOpen([placed, closedAs('paid-in-full'), noted(), reopened()])).toBe(true);
  });

  it('an account intake never placed records nothing', () => {
    given(accountDecider).when(noteDispute()).then([]);
    given(accountDecider).when(clearDispute()).then([]);
  });

  it('a recall is refused with recall-dispute-open while a dispute is open', () =>
    given(accountDecider, [placed, noted()]).when(recall).thenRejects('recall-dispute-open'));

  it('a recall goes through once that dispute is resolved', () => {
    const { decision } = given(accountDecider, [placed, noted(), cleared()]).when(recall);
    expect(decision).toMatchObject([{ type: 'AccountRecalled' }, { type: 'AccountClosed', data: { closingCode: 'recalled' } }]);
  });

  it('a time-barred closing is held while a dispute is open', () =>
    given(accountDecider, [placed, noted()])
      .when({ type: 'CloseTimeBarredAccount', expiredOn: '2026-01-10', reason: 'three years', now: NOW })
      .thenRejects('time-barred-closing-held'));
});
