import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import { ledgerDecider } from './ledger.decider';
import type { LedgerEvent } from './ledger.events';
import { NOW, opened, payment, reversal } from './ledger.fixtures';

describe('paid in full', () => {
  it('is announced with the payment that brings the balance to zero', () => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ amount: 60_000 }));
    expect(decision).toMatchObject([
      { type: 'PaymentPosted.v2', data: { balanceAfter: 0 } },
      { type: 'AccountPaidInFull', data: { accountId: 'acc-1', clientId: 'client-1', paidAt: NOW.toISOString() } },
    ]);
  });

  it('is not announced while a balance remains', () => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ amount: 59_999 }));
    expect(decision).toMatchObject([{ type: 'PaymentPosted.v2', data: { balanceAfter: 1 } }]);
    expect(decision).toHaveLength(1);
  });

  /** Replays commands one after another on a growing history; returns each decision's event types. */
  function ledgerRun() {
    let history: LedgerEvent[] = [opened()];
    const run = (command: Parameters<typeof ledgerDecider.decide>[0]) => {
      const events = ledgerDecider.decide(command, fold(ledgerDecider, history)) as LedgerEvent[];
      history = [...history, ...events];
      return events.map((e) => e.type);
    };
    return { run, announcements: () => history.filter((e) => e.type === 'AccountPaidInFull').length };
  }

  it('is announced again when a bounced payment reopened the balance and it is paid off again', () => {
    const { run, announcements } = ledgerRun();
    expect(run(payment({ paymentId: 'pay-1', amount: 60_000 }))).toEqual(['PaymentPosted.v2', 'AccountPaidInFull']);
    expect(run(reversal({ paymentId: 'pay-1' }))).toEqual(['PaymentReversed']);
    expect(run(payment({ paymentId: 'pay-2', amount: 59_000 }))).toEqual(['PaymentPosted.v2']);
    expect(run(payment({ paymentId: 'pay-3', amount: 1_000 }))).toEqual(['PaymentPosted.v2', 'AccountPaidInFull']);
    expect(announcements()).toBe(2);
  });
});
