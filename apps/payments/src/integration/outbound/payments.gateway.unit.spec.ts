import { CreditRefunded, PaymentPosted } from '@lib/contracts';
import type { RecordedEvent } from '@lib/es-core';
import { posted } from '../../domain/ledger/ledger.fixtures';
import type { CreditRefunded as CreditRefundedEvent, PaymentPosted as PaymentPostedEvent } from '../../domain/ledger/ledger.events';
import { paymentsGateway } from './payments.gateway';

const recorded = (event: PaymentPostedEvent | CreditRefundedEvent): RecordedEvent =>
  ({
    ...event,
    streamId: 'ledger-acc-1',
    version: 3,
    globalPosition: 3n,
    metadata: { eventId: 'evt-1', principal: { role: 'client', id: 'client-1' }, correlationId: 'c', causationId: 'c', occurredAt: 'postedAt' in event.data ? event.data.postedAt : event.data.refundedAt },
  }) as unknown as RecordedEvent;

const publishedOf = (event: PaymentPostedEvent) => {
  const [message] = paymentsGateway(recorded(event));
  expect(message.headers['message-type']).toBe('PaymentPosted.v3');
  return PaymentPosted.parse(message.value);
};

describe('a posted payment as payments publishes it (PaymentPosted.v3)', () => {
  it('carries the direct flag, the plan stamp and when the funds clear', () => {
    const plan = { planId: 'nw-2026', agreementVersion: 2, tierId: 'nsf' };
    const direct = publishedOf(posted({ direct: true, commissionOwedBy: 'client', plan, method: 'check', clearsAt: '2026-06-01T09:00:00.000Z' }));
    expect(direct).toMatchObject({ direct: true, plan, method: 'check', clearsAt: '2026-06-01T09:00:00.000Z' });
    expect(direct).not.toHaveProperty('commissionOwedBy');
    expect(publishedOf(posted())).toMatchObject({ direct: false, plan: null, clearsAt: '2026-06-06T09:00:00.000Z' });
  });

  it('publishes a payment stored before plans, holds and direct reports as collected by the agency, no plan, cleared', () => {
    const { plan: _plan, clearsAt: _clearsAt, feeCase: _feeCase, ...older } = posted().data;
    expect(publishedOf({ type: 'PaymentPosted.v2', data: older })).toMatchObject({ direct: false, plan: null, clearsAt: null });
  });

  it('publishes only the stamp of the plan, whatever else the stored one carries', () => {
    const stored = { planId: 'p', agreementVersion: 1, tierId: 'base', note: 'internal' };
    expect(publishedOf(posted({ plan: stored })).plan).toEqual({ planId: 'p', agreementVersion: 1, tierId: 'base' });
  });
});

describe('a refunded credit as payments publishes it (CreditRefunded.v1)', () => {
  it("carries the refund, its amount and the credit still owed, so the trust ledger's readers see money leave trust", () => {
    const data = { accountId: 'acc-1', clientId: 'client-1', refundId: 'refund-1', amount: 500, currency: 'USD', creditOwedAfter: 250, refundedAt: '2026-03-01T10:00:00.000Z' };
    const [message] = paymentsGateway(recorded({ type: 'CreditRefunded', data }));
    expect(message.headers['message-type']).toBe('CreditRefunded.v1');
    expect(message.key).toBe('acc-1');
    expect(CreditRefunded.parse(message.value)).toEqual(data);
  });
});
