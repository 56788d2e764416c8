import { auditEntryId, auditEventOf, auditTrailProjection } from './audit-trail.projection';
import { auditRecord } from './reporting.fixtures';

describe('the audit trail read model', () => {
  it('keeps one entry per stored event, its data exactly as stored', () => {
    const record = auditRecord('payments', 'acc-1', 'ledger-acc-1', 2, 'PaymentPosted', '2026-06-20T09:00:00.000Z', { 'odd.key': 1, $weird: { nested: [1, 2] } });
    const event = auditEventOf(record);
    expect(auditTrailProjection.documentIds(event)).toEqual([auditEntryId('payments', 'ledger-acc-1', 2)]);
    const entry = auditTrailProjection.evolve(null, event);
    expect(entry).toMatchObject({ service: 'payments', serviceRank: 2, accountId: 'acc-1', streamId: 'ledger-acc-1', version: 2, type: 'PaymentPosted', metadata: record.metadata });
    expect(JSON.parse(entry!.dataJson)).toEqual(record.data);
  });

  it('keeps the first copy of an event when another arrives under the same id', () => {
    const first = auditTrailProjection.evolve(null, auditEventOf(auditRecord('client-intake', 'acc-1', 'account-acc-1', 0, 'AccountPlaced', '2026-06-01T09:00:00.000Z', { placedAmount: 100 })));
    const forged = auditEventOf(auditRecord('client-intake', 'acc-1', 'account-acc-1', 0, 'AccountPlaced', '2026-06-01T09:00:00.000Z', { placedAmount: 1 }));
    expect(auditTrailProjection.evolve(first, forged)).toBe(first);
  });

  it('writes every instant in one format so that text order is time order', () => {
    const entry = auditTrailProjection.evolve(null, auditEventOf(auditRecord('debtor-contact', 'acc-1', 'contact-acc-1', 0, 'NoticeSent', '2026-06-01T09:00:00Z')));
    expect(entry?.occurredAt).toBe('2026-06-01T09:00:00.000Z');
  });

  it('ranks services of the same instant in the order work flows, unknown ones last', () => {
    const rank = (service: string) => auditTrailProjection.evolve(null, auditEventOf(auditRecord(service, 'a', 's', 0, 'T', '2026-06-01T09:00:00.000Z')))?.serviceRank;
    expect(['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'webhooks'].map(rank)).toEqual([0, 1, 2, 3, 4]);
  });
});
