import { given } from '@lib/es-core/testing/given-when-then';
import { agreementVersion } from '../commission-plan/commission.fixtures';
import { recomputeCommission } from '../commission-plan/recompute';
import type { EndLegalRate } from './ledger.commands';
import { LEGAL_RATE_BP, ledgerDecider } from './ledger.decider';
import type { LedgerEvent } from './ledger.events';
import { legalRate, NOW, opened, payment } from './ledger.fixtures';

const CLOSED_AT = new Date('2026-07-01T09:00:00.000Z');
const AFTER = new Date('2026-07-02T09:00:00.000Z');
const placed = opened({ placedAt: '2026-05-01T00:00:00.000Z', placedAmount: 60_000 });
const ends = agreementVersion(1, '2026-05-01T00:00:00.000Z', { planId: 'nw-2026', baseRateBp: 2_000, legalRateBp: 3_500 }, { legalReferral: { authority: 'client-approval', minimumBalance: 500_000, legalRateEndsOnClose: true } });
const stays = agreementVersion(1, '2026-05-01T00:00:00.000Z', { planId: 'nw-2026', baseRateBp: 2_000, legalRateBp: 3_500 });
const closed = (agreements = [ends], overrides: Partial<EndLegalRate> = {}): EndLegalRate => ({ type: 'EndLegalRate', accountId: 'acc-1', closedAt: CLOSED_AT, agreements, now: AFTER, ...overrides });
const ended = (overrides: Partial<Extract<LedgerEvent, { type: 'LegalRateEnded' }>['data']> = {}): LedgerEvent => ({
  type: 'LegalRateEnded',
  data: { accountId: 'acc-1', rateBp: 2_500, endedAt: CLOSED_AT.toISOString(), agreementVersion: 1, ...overrides },
});

describe("the legal rate's end when the attorney closes its file", () => {
  it('ends the legal rate at the closing when the agreement in force then says so', () => {
    given(ledgerDecider, [placed, legalRate()]).when(closed()).then([ended()]);
  });

  it('keeps the legal rate when the agreement says nothing of it, or no agreement is in force', () => {
    given(ledgerDecider, [placed, legalRate()]).when(closed([stays])).then([]);
    given(ledgerDecider, [placed, legalRate()]).when(closed([])).then([]);
  });

  it('reads the agreement in force at the closing, not a later version', () => {
    const later = agreementVersion(2, '2026-08-01T00:00:00.000Z', {}, { legalReferral: { authority: 'client-approval', minimumBalance: 500_000, legalRateEndsOnClose: true } });
    given(ledgerDecider, [placed, legalRate()]).when(closed([stays, later])).then([]);
  });

  it('changes nothing on a ledger not at the legal rate, one not opened, or a closing heard again', () => {
    given(ledgerDecider, [placed]).when(closed()).then([]);
    given(ledgerDecider).when(closed()).then([]);
    given(ledgerDecider, [placed, legalRate(), ended()]).when(closed()).then([]);
  });

  it('counts a closing dated after now from now', () => {
    given(ledgerDecider, [placed, legalRate()])
      .when(closed([ends], { closedAt: new Date('2026-08-01T00:00:00.000Z'), now: AFTER }))
      .then([ended({ endedAt: AFTER.toISOString() })]);
  });

  it("charges payments posted after the end the plan's contingency rate, or the placement rate without a plan", () => {
    const underPlan = given(ledgerDecider, [placed, legalRate(), ended()]).when(payment({ amount: 10_000, agreements: [ends], now: AFTER }));
    expect(underPlan.decision).toMatchObject([{ data: { commission: 2_000, commissionRateBp: 2_000, plan: { planId: 'nw-2026', tierId: 'base' } } }]);
    const noPlan = given(ledgerDecider, [opened(), legalRate(), ended()]).when(payment({ amount: 10_000, now: AFTER }));
    expect(noPlan.decision).toMatchObject([{ data: { commission: 2_500, commissionRateBp: 2_500, plan: null } }]);
  });

  it('does not take the legal rate back on the forwarding that ended heard again, but does on a new forwarding', () => {
    const history = [placed, legalRate(), ended()];
    given(ledgerDecider, history).when({ type: 'ApplyLegalRate', accountId: 'acc-1', rateBp: LEGAL_RATE_BP, forwardedAt: NOW, now: AFTER }).then([]);
    const again = new Date('2026-07-02T08:00:00.000Z');
    given(ledgerDecider, history)
      .when({ type: 'ApplyLegalRate', accountId: 'acc-1', rateBp: LEGAL_RATE_BP, forwardedAt: again, now: AFTER })
      .then([{ type: 'LegalRateApplied', data: { accountId: 'acc-1', rateBp: LEGAL_RATE_BP, appliedAt: again.toISOString() } }]);
  });

  it('recomputes a payment posted after the end at the contingency rate, from history alone', () => {
    const history = [placed, legalRate(), ended()];
    const { decision } = given(ledgerDecider, history).when(payment({ amount: 10_000, agreements: [ends], now: AFTER }));
    const [posted] = decision as LedgerEvent[];
    expect(recomputeCommission([...history, posted], [ends], 'pay-1')).toBe(2_000);
  });
});
