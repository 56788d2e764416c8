import { AccountClosed } from '@lib/contracts';
import type { RecordedEvent } from '@lib/es-core';
import { contextOf } from './idempotent-consumer';
import { auditMessage, integrationMessage } from './messages';

const recorded = (effectiveAt?: string): RecordedEvent => ({
  type: 'AccountClosed',
  data: {},
  streamId: 'account-a1',
  version: 3,
  globalPosition: 7n,
  metadata: {
    eventId: 'e1',
    principal: { role: 'admin', id: 'admin-1' },
    correlationId: 'c1',
    causationId: 'r1',
    occurredAt: '2026-06-01T10:00:00.000Z',
    ...(effectiveAt ? { effectiveAt } : {}),
    previousHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
  },
});

const closed = { accountId: 'a1', clientId: 'c1', closingCode: 'settled' as const, closedAt: '2025-10-01T00:00:00.000Z' };

describe('business dates on integration messages', () => {
  it('carries an event’s business date in the effective-at header, and no such header for an event effective when recorded', () => {
    expect(integrationMessage(AccountClosed, 'a1', closed, recorded('2025-10-01T00:00:00.000Z')).headers).toMatchObject({ 'occurred-at': '2026-06-01T10:00:00.000Z', 'effective-at': '2025-10-01T00:00:00.000Z' });
    expect(integrationMessage(AccountClosed, 'a1', closed, recorded()).headers).not.toHaveProperty('effective-at');
  });

  it('copies the business date into the audit record, whose hash is of it, and nothing when there is none', () => {
    expect((auditMessage('client-intake', recorded('2025-10-01T00:00:00.000Z'), 'a1').value as { metadata: object }).metadata).toMatchObject({ effectiveAt: '2025-10-01T00:00:00.000Z' });
    expect((auditMessage('client-intake', recorded(), 'a1').value as { metadata: object }).metadata).not.toHaveProperty('effectiveAt');
  });

  it('hands the business date of a message on to the events it causes; without one they are effective when recorded', () => {
    const message = (headers: Record<string, string>) => ({ topic: 't', key: 'a1', value: {}, headers: { 'message-type': 'AccountClosed.v1', 'message-id': 'm1', 'correlation-id': 'c1', 'causation-id': 'e1', ...headers }, partition: 0, offset: '0', attempt: 1 });
    const options = { now: () => new Date('2026-06-01T10:00:05.000Z'), newId: () => 'id' };
    expect(contextOf(message({ 'effective-at': '2025-10-01T00:00:00.000Z' }), options).effectiveAt).toEqual(new Date('2025-10-01T00:00:00.000Z'));
    expect(contextOf(message({}), options)).not.toHaveProperty('effectiveAt');
    expect(contextOf(message({ 'effective-at': 'not a date' }), options)).not.toHaveProperty('effectiveAt');
  });
});
