import { given } from '@lib/es-core/testing/given-when-then';
import { agreementVersion } from '../commission-plan/commission.fixtures';
import type { LedgerEvent } from './ledger.events';
import { ledgerDecider } from './ledger.decider';
import { NOW, opened, payment, posted, reversal } from './ledger.fixtures';

const clearsAtOf = (decision: unknown) => ((decision as LedgerEvent[])[0] as Extract<LedgerEvent, { type: 'PaymentPosted.v2' }>).data.clearsAt;
const holds = { ach: 2, card: 4, check: 7, wire: 1, cash: 0 };
const agreement = agreementVersion(1, '2026-05-01T00:00:00.000Z', {}, { clearedFundsHoldDays: holds });

describe('the date a payment clears', () => {
  it.each([
    ['ach', '2026-06-03T09:00:00.000Z'],
    ['card', '2026-06-05T09:00:00.000Z'],
    ['check', '2026-06-08T09:00:00.000Z'],
    ['wire', '2026-06-02T09:00:00.000Z'],
    ['cash', '2026-06-01T09:00:00.000Z'],
  ] as const)("is the posting plus the agreement's hold days for %s", (method, clearsAt) => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ method, agreements: [agreement] }));
    expect(clearsAtOf(decision)).toBe(clearsAt);
  });

  it('holds a payment collected by an attorney as long as a cheque, since attorneys send collections on by trust-account cheque', () => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ method: 'attorney', agreements: [agreement] }));
    expect(clearsAtOf(decision)).toBe('2026-06-08T09:00:00.000Z');
  });

  it('uses the hold days of the version in force at the payment, not a later one', () => {
    const later = agreementVersion(2, '2026-07-01T00:00:00.000Z', {}, { clearedFundsHoldDays: { ...holds, ach: 30 } });
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ method: 'ach', agreements: [agreement, later] }));
    expect(clearsAtOf(decision)).toBe('2026-06-03T09:00:00.000Z');
  });

  it('falls back to the default holds when no agreement in the account currency is in force', () => {
    const euro = agreementVersion(1, '2026-05-01T00:00:00.000Z', {}, { currency: 'EUR', clearedFundsHoldDays: { ...holds, check: 1 } });
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ method: 'check', agreements: [euro] }));
    expect(clearsAtOf(decision)).toBe('2026-06-11T09:00:00.000Z');
  });
});

describe('where a reversed payment stood', () => {
  const heldUntil = '2026-06-06T09:00:00.000Z';
  const stageOf = (decision: unknown) => ((decision as LedgerEvent[])[0] as Extract<LedgerEvent, { type: 'PaymentReversed' }>).data;

  it('is in the hold when it bounces before its funds cleared: undone before it could ever be remitted', () => {
    const { decision } = given(ledgerDecider, [opened(), posted({ clearsAt: heldUntil })]).when(reversal({ now: new Date('2026-06-06T08:59:59.999Z') }));
    expect(stageOf(decision)).toMatchObject({ stage: 'in-hold' });
    expect(stageOf(decision)).not.toHaveProperty('remittanceId');
  });

  it('is cleared when it bounces after the hold and no remittance paid it out', () => {
    const { decision } = given(ledgerDecider, [opened(), posted({ clearsAt: heldUntil })]).when(reversal({ now: new Date(heldUntil) }));
    expect(stageOf(decision)).toMatchObject({ stage: 'cleared' });
  });

  it('is remitted when a remittance already paid it out: a claw-back traced to that remittance', () => {
    const remitted = new Map([['pay-1', 'rem-2026-06']]);
    const { decision } = given(ledgerDecider, [opened(), posted({ clearsAt: heldUntil })]).when(reversal({ now: new Date('2026-07-02T09:00:00.000Z'), remitted }));
    expect(stageOf(decision)).toMatchObject({ stage: 'remitted', remittanceId: 'rem-2026-06', amount: 5_000, commission: 1_250 });
  });

  it('is cleared for a payment posted before holds were kept', () => {
    const { clearsAt: _none, ...legacy } = posted().data;
    const { decision } = given(ledgerDecider, [opened(), { type: 'PaymentPosted.v2', data: legacy }]).when(reversal({ now: NOW }));
    expect(stageOf(decision)).toMatchObject({ stage: 'cleared' });
  });
});
