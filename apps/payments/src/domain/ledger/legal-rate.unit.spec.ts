import { given } from '@lib/es-core/testing/given-when-then';
import { LEGAL_RATE_BP, ledgerDecider } from './ledger.decider';
import { legalRate, NOW, opened, payment, posted } from './ledger.fixtures';

const forwarded = { type: 'ApplyLegalRate' as const, accountId: 'acc-1', rateBp: LEGAL_RATE_BP, now: NOW };

describe('the legal rate', () => {
  it('applies 40% once the account is forwarded to an attorney', () => {
    given(ledgerDecider, [opened()]).when(forwarded).then([legalRate(4_000)]);
  });

  it('earns 40% on payments posted after the forwarding', () => {
    const { decision } = given(ledgerDecider, [opened(), legalRate()]).when(payment({ amount: 1_002 }));
    expect(decision).toMatchObject([{ data: { commission: 401, commissionRateBp: 4_000 } }]);
  });

  it('leaves the commission of payments posted before the forwarding as it was', () => {
    const { decision } = given(ledgerDecider, [opened(), posted(), legalRate()]).when(payment({ paymentId: 'pay-2', amount: 5_000 }));
    expect(decision).toMatchObject([{ data: { commission: 2_000, commissionRateBp: 4_000 } }]);
    const state = [opened(), posted(), legalRate()].reduce(ledgerDecider.evolve, ledgerDecider.initialState());
    expect(state).toMatchObject({ commissionTotal: 1_250, payments: [{ paymentId: 'pay-1', commission: 1_250, rateBp: 2_500 }] });
  });

  it('changes nothing when the forwarding is heard again', () => {
    given(ledgerDecider, [opened(), legalRate()]).when(forwarded).then([]);
  });

  it('holds a forwarding heard before the placement and applies it when the ledger opens', () => {
    given(ledgerDecider).when(forwarded).then([legalRate()]);
    const { decision } = given(ledgerDecider, [legalRate(), opened()]).when(payment({ amount: 1_000 }));
    expect(decision).toMatchObject([{ data: { commission: 400, commissionRateBp: 4_000 } }]);
  });
});
