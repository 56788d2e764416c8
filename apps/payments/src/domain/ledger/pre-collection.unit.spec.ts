import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import { agreementVersion } from '../commission-plan/commission.fixtures';
import { recomputeCommission } from '../commission-plan/recompute';
import type { OpenLedger } from './ledger.commands';
import { ledgerDecider } from './ledger.decider';
import type { LedgerEvent, PaymentPosted } from './ledger.events';
import { payment } from './ledger.fixtures';

const WINDOW_END = '2026-05-31T00:00:00.000Z';
const open: OpenLedger = {
  type: 'OpenLedger',
  accountId: 'acc-1',
  clientId: 'client-1',
  currency: 'USD',
  invoices: [{ number: 'INV-1', dueDate: '2026-01-31', amount: 60_000 }],
  commissionRateBp: 2_500,
  placedAt: '2026-05-01T00:00:00.000Z',
  placedAmount: 60_000,
  category: 'standard',
  preCollection: { windowEndsAt: WINDOW_END, flatFee: 1_500, agreementVersion: 1 },
};
const plan = agreementVersion(1, '2026-04-01T00:00:00.000Z', { planId: 'nw-2026', baseRateBp: 2_000 });

function history(): LedgerEvent[] {
  return ledgerDecider.decide(open, ledgerDecider.initialState()) as LedgerEvent[];
}

const postedOf = (decision: unknown) => (decision as LedgerEvent[]).find((e): e is PaymentPosted => e.type === 'PaymentPosted.v2')!.data;

describe('a pre-collection account on the ledger', () => {
  it('owes the flat fee once, when the ledger opens', () => {
    const events = history();
    expect(events.map((e) => e.type)).toEqual(['LedgerOpened', 'PreCollectionFeeOwed']);
    expect(events[1].data).toEqual({ accountId: 'acc-1', clientId: 'client-1', amount: 1_500, currency: 'USD', agreementVersion: 1, owedAt: '2026-05-01T00:00:00.000Z' });
    given(ledgerDecider, events).when(open).then([]);
  });

  it('charges no contingency commission on a payment inside the window, stamped pre-collection; a payment in full still closes it', () => {
    const { decision } = given(ledgerDecider, history()).when(payment({ amount: 60_000, agreements: [plan], now: new Date('2026-05-30T23:59:59.999Z') }));
    expect(postedOf(decision)).toMatchObject({ commission: 0, commissionRateBp: 0, plan: null, preCollection: true, balanceAfter: 0 });
    expect((decision as LedgerEvent[]).map((e) => e.type)).toEqual(['PaymentPosted.v2', 'AccountPaidInFull']);
  });

  it("charges the plan's commission from the window end on (the conversion's business date)", () => {
    const { decision } = given(ledgerDecider, history()).when(payment({ amount: 10_000, agreements: [plan], now: new Date(WINDOW_END) }));
    expect(postedOf(decision)).toMatchObject({ commission: 2_000, plan: { planId: 'nw-2026', agreementVersion: 1 } });
    expect(postedOf(decision)).not.toHaveProperty('preCollection');
  });

  it('recomputes a pre-collection payment from history as 0, and a later one as posted', () => {
    let events = history();
    for (const [paymentId, at] of [['pay-1', '2026-05-10T00:00:00.000Z'], ['pay-2', '2026-06-10T00:00:00.000Z']] as const) {
      events = [...events, ...(ledgerDecider.decide(payment({ paymentId, amount: 10_000, agreements: [plan], now: new Date(at) }), fold(ledgerDecider, events)) as LedgerEvent[])];
    }
    expect(recomputeCommission(events, [plan], 'pay-1')).toBe(0);
    expect(recomputeCommission(events, [plan], 'pay-2')).toBe(2_000);
  });
});
