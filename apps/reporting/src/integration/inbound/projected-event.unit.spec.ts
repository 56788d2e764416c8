import { AccountPaidInFull, PaymentPosted } from '@lib/contracts';
import type { IncomingMessage } from '@lib/message-bus';
import { accountPaidInFull, paymentPosted } from '../../read-models/reporting.fixtures';
import { projectedEventOf, UnplaceableMessageError } from './projected-event';

function message(type: string, headers: Record<string, string>): IncomingMessage {
  return {
    topic: 'payments.ledger',
    key: 'acc-1',
    value: {},
    partition: 0,
    offset: '0',
    attempt: 1,
    headers: { 'message-type': type, 'message-id': `evt-1:${type}`, 'correlation-id': 'corr-1', 'causation-id': 'evt-1', ...headers },
  };
}

describe('an integration message as the read models see it', () => {
  const source = { 'source-stream': 'ledger-acc-1', 'source-version': '7', 'occurred-at': '2026-06-20T09:00:00.000Z', 'principal-role': 'accountant', 'principal-id': 'acct-1' };

  it('is placed in its source stream at its source version, with who and when', () => {
    const event = projectedEventOf(PaymentPosted, paymentPosted('acc-1', 'c-1', 'p1', 100, 0), message(PaymentPosted.type, source));
    expect(event).toMatchObject({
      version: 7,
      type: 'PaymentPosted.v3',
      metadata: { sourceStream: 'ledger-acc-1', occurredAt: '2026-06-20T09:00:00.000Z', eventId: 'evt-1', correlationId: 'corr-1', principal: { role: 'accountant', id: 'acct-1' } },
    });
  });

  it('carries an imported event’s business date (the effective-at header) for the reports that date by it, and none for an event effective when recorded', () => {
    const data = paymentPosted('acc-1', 'c-1', 'p1', 100, 0);
    expect(projectedEventOf(PaymentPosted, data, message(PaymentPosted.type, { ...source, 'effective-at': '2025-12-10T00:00:00.000Z' })).metadata.effectiveAt).toBe('2025-12-10T00:00:00.000Z');
    expect(projectedEventOf(PaymentPosted, data, message(PaymentPosted.type, source)).metadata).not.toHaveProperty('effectiveAt');
  });

  it('keeps two contract types published by one stored event apart, so neither passes for a duplicate of the other', () => {
    const posted = projectedEventOf(PaymentPosted, paymentPosted('acc-1', 'c-1', 'p1', 100, 0), message(PaymentPosted.type, source));
    const paidInFull = projectedEventOf(AccountPaidInFull, accountPaidInFull('acc-1', 'c-1'), message(AccountPaidInFull.type, source));
    expect(posted.version).toBe(paidInFull.version);
    expect(posted.streamId).not.toBe(paidInFull.streamId);
  });

  it('is refused without a source stream or a version number, so it is retried and then dead-lettered', () => {
    const data = paymentPosted('acc-1', 'c-1', 'p1', 100, 0);
    expect(() => projectedEventOf(PaymentPosted, data, message(PaymentPosted.type, { 'source-version': '1' }))).toThrow(UnplaceableMessageError);
    expect(() => projectedEventOf(PaymentPosted, data, message(PaymentPosted.type, { 'source-stream': 'ledger-acc-1' }))).toThrow(/source-version/);
    expect(() => projectedEventOf(PaymentPosted, data, message(PaymentPosted.type, { 'source-stream': 'ledger-acc-1', 'source-version': 'x' }))).toThrow(/source-version/);
  });
});
