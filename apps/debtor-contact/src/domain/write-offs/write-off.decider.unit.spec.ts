import { given } from '@lib/es-core/testing/given-when-then';
import { DecideWriteOff, RequestWriteOff, writeOffDecider, WriteOffApproved, WriteOffDeclined, WriteOffRequested } from './write-off.decider';

const REQUESTED_AT = '2026-03-02T15:00:00.000Z';
const DECIDED_AT = '2026-03-02T16:00:00.000Z';
const request: RequestWriteOff = {
  type: 'RequestWriteOff',
  accountId: 'acc-1',
  writeOffId: 'wo-1',
  amount: 4_000,
  currency: 'USD',
  reason: 'small-balance',
  note: null,
  requestedBy: 'collector-7',
  contactCase: { status: 'open', clientId: 'client-1', currency: 'USD' },
  balance: 10_000,
  now: new Date(REQUESTED_AT),
};
const requested = (amount: number | null, balance = 10_000): WriteOffRequested => ({
  type: 'WriteOffRequested',
  data: { accountId: 'acc-1', clientId: 'client-1', writeOffId: 'wo-1', amount, currency: 'USD', balance, reason: 'small-balance', note: null, requestedBy: 'collector-7', requestedAt: REQUESTED_AT },
});
const decide = (decision: 'approved' | 'declined', balance = 10_000, caseStatus: DecideWriteOff['caseStatus'] = 'open'): DecideWriteOff => ({
  type: 'DecideWriteOff', writeOffId: 'wo-1', decision, supervisorId: 'sup-1', reason: decision === 'declined' ? 'keep collecting' : null, caseStatus, balance, now: new Date(DECIDED_AT),
});
const approved = (writeOff: number, full: boolean): WriteOffApproved => ({
  type: 'WriteOffApproved',
  data: { accountId: 'acc-1', clientId: 'client-1', writeOffId: 'wo-1', writeOff, full, currency: 'USD', reason: 'small-balance', approvedBy: 'sup-1', approvedAt: DECIDED_AT },
});
const declined: WriteOffDeclined = { type: 'WriteOffDeclined', data: { accountId: 'acc-1', clientId: 'client-1', writeOffId: 'wo-1', declinedBy: 'sup-1', reason: 'keep collecting', declinedAt: DECIDED_AT } };

describe('a write-off', () => {
  it('requested on part of the balance waits for a supervisor with the amount and the balance it was asked on', () =>
    given(writeOffDecider).when(request).then([requested(4_000)]));

  it('requested without an amount is of the whole remaining balance', () => given(writeOffDecider).when({ ...request, amount: undefined }).then([requested(null)]));

  it('approved on part of the balance takes that amount off and does not close the account', () =>
    given(writeOffDecider, [requested(4_000)]).when(decide('approved')).then([approved(4_000, false)]));

  it('approved on the whole balance writes off the balance known at approval and closes the account', () =>
    given(writeOffDecider, [requested(null)]).when(decide('approved', 7_500)).then([approved(7_500, true)]));

  it('approved for an amount the balance has since fallen to or below writes the whole balance off', () =>
    given(writeOffDecider, [requested(4_000)]).when(decide('approved', 3_000)).then([approved(3_000, true)]));

  it('declined ends it, and collection goes on', () => given(writeOffDecider, [requested(4_000)]).when(decide('declined')).then([declined]));

  it('decided the same way again changes nothing, and the other way is refused', () => {
    given(writeOffDecider, [requested(4_000), approved(4_000, false)]).when(decide('approved')).then([]);
    given(writeOffDecider, [requested(4_000), approved(4_000, false)]).when(decide('declined')).thenRejects('write-off-already-decided');
  });

  it('on a case already closed is refused, asked for or approved', () => {
    given(writeOffDecider).when({ ...request, contactCase: { ...request.contactCase, status: 'closed' } }).thenRejects('case-closed');
    given(writeOffDecider, [requested(4_000)]).when(decide('approved', 10_000, 'closed')).thenRejects('case-closed');
  });

  it('of an amount above the balance is refused', () => given(writeOffDecider).when({ ...request, amount: 10_001 }).thenRejects('write-off-amount-above-balance'));

  it('is refused on an account with no case, in another currency, with nothing owed, or while another waits', () => {
    given(writeOffDecider).when({ ...request, contactCase: { status: 'none', clientId: '', currency: '' } }).thenRejects('case-unknown');
    given(writeOffDecider).when({ ...request, currency: 'EUR' }).thenRejects('write-off-currency-mismatch');
    given(writeOffDecider).when({ ...request, balance: 0 }).thenRejects('write-off-nothing-owed');
    given(writeOffDecider, [requested(4_000)]).when({ ...request, writeOffId: 'wo-2' }).thenRejects('write-off-already-pending');
  });

  it('unknown cannot be decided', () => given(writeOffDecider).when(decide('approved')).thenRejects('write-off-unknown'));
});
