import { given } from '@lib/es-core/testing/given-when-then';
import type { RecoverJudgmentCosts, RequestSuitCosts } from './cost-advances.commands';
import { costAdvancesDecider } from './cost-advances.decider';
import type { CostAdvanceEvent } from './cost-advance.events';

const NOW = new Date('2026-09-01T10:00:00.000Z');
const AT = NOW.toISOString();
const account = { clientId: 'client-1', currency: 'USD' };
const ids = { suitFee: 'adv-fee', courtCosts: 'adv-court' };

const suitFiled = (overrides: Partial<RequestSuitCosts> = {}): RequestSuitCosts => ({
  type: 'RequestSuitCosts',
  accountId: 'acc-1',
  account,
  suitFee: 25_000,
  courtCosts: 40_500,
  currency: 'USD',
  advanceIds: ids,
  filedAt: '2026-08-28T15:00:00.000Z',
  now: NOW,
  ...overrides,
});
const judgment = (costs: number, overrides: Partial<RecoverJudgmentCosts> = {}): RecoverJudgmentCosts => ({ type: 'RecoverJudgmentCosts', costs, currency: 'USD', judgmentReference: 'NY Supreme Court 651234/2026', now: NOW, ...overrides });

const ref = (advanceId: string) => ({ advanceId, accountId: 'acc-1', clientId: 'client-1', currency: 'USD' });
const feeRequested: CostAdvanceEvent = { type: 'CostAdvanceRequested', data: { ...ref('adv-fee'), kind: 'suit-fee', amount: 25_000, description: "The receiving attorney's suit fee, suit filed on 2026-08-28", requestedAt: AT } };
const courtRequested = (advanceId = 'adv-court', amount = 40_500): CostAdvanceEvent => ({
  type: 'CostAdvanceRequested',
  data: { ...ref(advanceId), kind: 'court-costs', amount, description: 'Court costs of filing and service, suit filed on 2026-08-28', requestedAt: AT },
});
const received = (advanceId: string, amount: number): CostAdvanceEvent => ({ type: 'CostAdvanceReceived', data: { ...ref(advanceId), amount, heldAfter: amount, receivedAt: AT } });
const spent = (advanceId: string, amount: number, heldAfter = 0): CostAdvanceEvent => ({ type: 'CostAdvanceSpent', data: { ...ref(advanceId), amount, paidTo: 'Clerk of Court', heldAfter, spentAt: AT } });
const recovered = (advanceId: string, amount: number, judgmentReference = 'NY Supreme Court 651234/2026'): CostAdvanceEvent => ({ type: 'CostAdvanceRecovered', data: { ...ref(advanceId), amount, judgmentReference, recoveredAt: AT } });

describe("a suit's costs heard from legal referral", () => {
  it("asks the client to advance the attorney's suit fee and the court costs of the suit filed, each as its own advance", () => {
    given(costAdvancesDecider).when(suitFiled()).then([feeRequested, courtRequested()]);
  });

  it('asks nothing for a cost of zero', () => {
    given(costAdvancesDecider).when(suitFiled({ suitFee: 0 })).then([courtRequested()]);
    given(costAdvancesDecider).when(suitFiled({ suitFee: 0, courtCosts: 0 })).then([]);
  });

  it('asks once for the same suit heard twice', () => {
    given(costAdvancesDecider, [feeRequested, courtRequested()]).when(suitFiled()).then([]);
  });

  it('is refused for an account payments has no ledger for, or in another currency than the account’s', () => {
    given(costAdvancesDecider).when(suitFiled({ account: undefined })).thenRejects('ledger-unknown');
    given(costAdvancesDecider).when(suitFiled({ currency: 'EUR' })).thenRejects('currency-mismatch');
  });
});

describe("a judgment's court costs", () => {
  it('recover what the court-costs advance paid out, up to the costs awarded', () => {
    const history = [feeRequested, courtRequested(), received('adv-court', 40_500), spent('adv-court', 40_500)];
    given(costAdvancesDecider, history).when(judgment(35_000)).then([recovered('adv-court', 35_000)]);
    given(costAdvancesDecider, history).when(judgment(90_000)).then([recovered('adv-court', 40_500)]);
  });

  it('never recover the suit fee: it is the attorney’s fee, not a court cost', () => {
    const history = [feeRequested, received('adv-fee', 25_000), spent('adv-fee', 25_000)];
    given(costAdvancesDecider, history).when(judgment(35_000)).then([]);
  });

  it('recover across the court-costs advances oldest first, skipping what an earlier judgment recovered', () => {
    const history = [
      courtRequested('adv-1', 10_000),
      received('adv-1', 10_000),
      spent('adv-1', 10_000),
      recovered('adv-1', 4_000, 'an earlier judgment'),
      courtRequested('adv-2', 20_000),
      received('adv-2', 20_000),
      spent('adv-2', 15_000, 5_000),
    ];
    given(costAdvancesDecider, history).when(judgment(12_000)).then([recovered('adv-1', 6_000), recovered('adv-2', 6_000)]);
  });

  it('recover nothing when nothing was spent yet, and nothing twice for the same judgment', () => {
    given(costAdvancesDecider, [courtRequested(), received('adv-court', 40_500)]).when(judgment(35_000)).then([]);
    given(costAdvancesDecider, [courtRequested(), received('adv-court', 40_500), spent('adv-court', 40_500), recovered('adv-court', 35_000)]).when(judgment(35_000)).then([]);
  });

  it('are refused when negative', () => {
    given(costAdvancesDecider).when(judgment(-1)).thenRejects('cost-advance-amount-positive');
  });
});
