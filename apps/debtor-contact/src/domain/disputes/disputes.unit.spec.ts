import { given } from '@lib/es-core/testing/given-when-then';
import { closedPaid, opened } from '../contact-case/contact-case.fixtures';
import { holdLifted, holdPlaced, ids, NOW } from '../holds/holds.fixtures';
import type { DisputeOpened, DisputeResolved } from './dispute.events';
import type { OpenDispute, ResolveDispute } from './disputes.commands';
import { disputesDecider } from './disputes.decider';

const open = (overrides: Partial<OpenDispute> = {}): OpenDispute => ({ type: 'OpenDispute', disputeId: 'd-1', holdId: 'hold-d1', openedBy: 'debtor', invoices: [], reason: 'goods never delivered', now: NOW, ...overrides });
const opened1 = (overrides: Partial<DisputeOpened['data']> = {}): DisputeOpened => ({
  type: 'DisputeOpened',
  data: { ...ids, disputeId: 'd-1', holdId: 'hold-d1', openedBy: 'debtor', invoices: [], amount: 750_050, currency: 'USD', reason: 'goods never delivered', openedAt: NOW.toISOString(), ...overrides },
});
const wholeHold = holdPlaced({ holdId: 'hold-d1', kind: 'dispute', reason: 'disputed by the debtor (the whole account): goods never delivered', disputeId: 'd-1' });
const invoiceA = { invoiceNumber: 'INV-1', amount: 250_000 };
const resolve = (overrides: Partial<ResolveDispute> = {}): ResolveDispute => ({ type: 'ResolveDispute', disputeId: 'd-1', outcome: 'upheld', evidence: 'carrier confirms non-delivery', now: NOW, ...overrides });
const resolved = (overrides: Partial<DisputeResolved['data']> = {}): DisputeResolved => ({
  type: 'DisputeResolved',
  data: { ...ids, disputeId: 'd-1', outcome: 'upheld', amount: 750_050, currency: 'USD', evidence: 'carrier confirms non-delivery', resolvedAt: NOW.toISOString(), ...overrides },
});

describe('opening a dispute', () => {
  it('a dispute of the whole account disputes the placed amount and holds the whole account', () => given(disputesDecider, [opened()]).when(open()).then([opened1(), wholeHold]));

  it('a dispute of listed invoices disputes their total and holds only them', () =>
    given(disputesDecider, [opened()])
      .when(open({ openedBy: 'client', invoices: [invoiceA], clientId: 'client-1' }))
      .then([
        opened1({ openedBy: 'client', invoices: [invoiceA], amount: 250_000 }),
        holdPlaced({ holdId: 'hold-d1', kind: 'dispute', reason: 'disputed by the client (invoice(s) INV-1): goods never delivered', disputeId: 'd-1', invoices: ['INV-1'] }),
      ]));

  it("a client disputing another client's account is told the case is unknown", () => given(disputesDecider, [opened()]).when(open({ openedBy: 'client', clientId: 'client-2' })).thenRejects('case-unknown'));

  it('an invoice listed twice is refused', () => given(disputesDecider, [opened()]).when(open({ invoices: [invoiceA, invoiceA] })).thenRejects('dispute-invoice-repeated'));

  it('invoices disputing more than was placed are refused', () =>
    given(disputesDecider, [opened()]).when(open({ invoices: [{ invoiceNumber: 'INV-1', amount: 900_000 }] })).thenRejects('dispute-exceeds-placed-amount'));

  it('a second dispute while the whole account is disputed is refused', () => given(disputesDecider, [opened(), opened1(), wholeHold]).when(open({ disputeId: 'd-2', invoices: [invoiceA] })).thenRejects('dispute-already-open'));

  it('an invoice already disputed is not disputed again, but another invoice may be', () => {
    const partly = [opened(), opened1({ invoices: [invoiceA], amount: 250_000 })];
    given(disputesDecider, partly).when(open({ disputeId: 'd-2', invoices: [invoiceA] })).thenRejects('dispute-already-open');
    given(disputesDecider, partly).when(open({ disputeId: 'd-2', invoices: [] })).thenRejects('dispute-already-open');
    const { decision } = given(disputesDecider, partly).when(open({ disputeId: 'd-2', holdId: 'hold-d2', invoices: [{ invoiceNumber: 'INV-2', amount: 100 }] }));
    expect(decision).toMatchObject([{ type: 'DisputeOpened', data: { disputeId: 'd-2', amount: 100 } }, { type: 'AccountHoldPlaced' }]);
  });

  it('a closed case cannot be disputed', () => given(disputesDecider, [opened(), closedPaid]).when(open()).thenRejects('case-closed'));
});

describe('resolving a dispute', () => {
  const disputed = [opened(), opened1(), wholeHold];
  const liftedByResolution = (outcome: string) => holdLifted({ holdId: 'hold-d1', kind: 'dispute', reason: `dispute ${outcome}` });

  it('upheld, the whole disputed amount comes off and the hold is lifted', () => given(disputesDecider, disputed).when(resolve()).then([resolved(), liftedByResolution('upheld')]));

  it('upheld in part, the amount given comes off', () => given(disputesDecider, disputed).when(resolve({ amount: 50_000 })).then([resolved({ amount: 50_000 }), liftedByResolution('upheld')]));

  it('rejected, nothing comes off, the evidence is recorded and collection resumes', () =>
    given(disputesDecider, disputed)
      .when(resolve({ outcome: 'rejected', evidence: 'signed delivery note' }))
      .then([resolved({ outcome: 'rejected', amount: 0, evidence: 'signed delivery note' }), liftedByResolution('rejected')]));

  it('rejected with an amount is refused', () => given(disputesDecider, disputed).when(resolve({ outcome: 'rejected', amount: 10 })).thenRejects('dispute-rejected-adjusts-nothing'));

  it('upheld for more than was disputed is refused', () => given(disputesDecider, disputed).when(resolve({ amount: 750_051 })).thenRejects('dispute-amount-out-of-range'));

  it('a dispute resolved already is not resolved again', () => given(disputesDecider, [...disputed, resolved()]).when(resolve()).thenRejects('dispute-already-resolved'));

  it('a dispute the case never had is unknown', () => given(disputesDecider, [opened()]).when(resolve()).thenRejects('dispute-unknown'));
});
